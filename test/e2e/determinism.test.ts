/**
 * The same inputs give byte-identical output in separate processes, whatever the time zone, the
 * locale (LANG, LC_ALL) and the day: Markdown and JSON, of one respondent, of a team and of a
 * comparison. Each environment is first shown to change what Node itself prints, so that the
 * comparison cannot pass because the environment never reached the process.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, fixture } from '../helpers.js';

const FAKE_CLOCK = path.join(ROOT, 'test', 'e2e', 'fake-clock.cjs');

interface Environment {
  TZ: string;
  LANG?: string;
  LC_ALL?: string;
  /** Days the clock is moved by (fake-clock.cjs). */
  days: number;
}

const REFERENCE: Environment = { TZ: 'UTC', LANG: 'C', days: 0 };
const OTHERS: Environment[] = [
  // UTC+14 and UTC−11: on most days of the year a different date from UTC.
  { TZ: 'Pacific/Kiritimati', LANG: 'en_US.UTF-8', days: 1 },
  { TZ: 'Pacific/Pago_Pago', LC_ALL: 'tr_TR.UTF-8', days: -1 },
  // Half-hour offsets; locales with other digits and decimal signs, written right to left.
  { TZ: 'Asia/Kolkata', LANG: 'hi_IN.UTF-8', LC_ALL: 'ar_EG.UTF-8', days: 200 },
  { TZ: 'Australia/Lord_Howe', LANG: 'fa_IR.UTF-8', days: -3000 },
  // A locale of a language csq speaks: --lang decides, not the locale.
  { TZ: 'America/Sao_Paulo', LANG: 'pt_BR.UTF-8', LC_ALL: 'pt_BR.UTF-8', days: 10_000 },
];

function environment(env: Environment): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', TZ: env.TZ, CSQ_TEST_SHIFT_DAYS: String(env.days) };
  for (const key of ['LANG', 'LC_ALL', 'LC_MESSAGES', 'LC_NUMERIC', 'LC_TIME', 'LANGUAGE', 'FORCE_COLOR', 'NODE_OPTIONS']) delete base[key];
  if (env.LANG) base.LANG = env.LANG;
  if (env.LC_ALL) base.LC_ALL = env.LC_ALL;
  return base;
}

/** Runs node with the clock preload under `env`; stdout and stderr as bytes. */
function node(args: string[], env: Environment) {
  const run = spawnSync(process.execPath, ['--require', FAKE_CLOCK, ...args], { cwd: ROOT, env: environment(env), timeout: 20_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const team = ['owner.yaml', 'clerk.yaml', 'manager.yaml'].map((f) => fixture('team', f));
const COMMANDS: Record<string, string[]> = {
  'plan in English': ['report', fixture('full.yaml'), '--lang', 'en', '-o', '-'],
  'plan in Portuguese': ['report', fixture('full.yaml'), '--lang', 'pt', '-o', '-'],
  'plan of a one-person business': ['report', fixture('solo.yaml'), '--lang', 'en', '-o', '-'],
  'Result as JSON': ['report', fixture('full.yaml'), '--format', 'json', '--lang', 'en', '-o', '-'],
  'team plan': ['team', ...team, '--lang', 'en', '-o', '-'],
  'team Result as JSON': ['team', ...team, '--format', 'json', '--lang', 'en', '-o', '-'],
  'comparison in Markdown': ['compare', team[0]!, team[1]!, '--format', 'markdown', '--lang', 'en'],
};

/** Every command's stdout and stderr under `env`. */
function outputs(env: Environment): Record<string, { stdout: Buffer; stderr: Buffer }> {
  return Object.fromEntries(
    Object.entries(COMMANDS).map(([name, args]) => {
      const run = node([CLI, ...args], env);
      expect(run.code, `${name} under ${JSON.stringify(env)}: ${run.stderr.toString()}`).toBe(0);
      return [name, { stdout: run.stdout, stderr: run.stderr }];
    }),
  );
}

// Each environment runs every command once: several processes each, on a machine that may be busy.
const SLOW = { timeout: 120_000 };

describe('the same inputs in separate processes', () => {
  it('run in environments that really differ: each changes what Node itself prints', SLOW, () => {
    const probe = 'process.stdout.write([new Date(0).toString(), new Date().toDateString(), Intl.DateTimeFormat().resolvedOptions().locale, (1234.5).toLocaleString(), new Date(0).toLocaleString()].join(" | "))';
    const seen = [REFERENCE, ...OTHERS].map((env) => node(['-e', probe], env).stdout.toString());
    expect(new Set(seen).size, seen.join('\n')).toBe(OTHERS.length + 1);
    // The clock really moved: 10,000 days on is another year.
    const year = (env: Environment) => Number(node(['-e', 'process.stdout.write(String(new Date().getUTCFullYear()))'], env).stdout.toString());
    expect(year(OTHERS.at(-1)!) - year(REFERENCE)).toBeGreaterThanOrEqual(27);
  });

  const reference = () => (referenceOutputs ??= outputs(REFERENCE));
  let referenceOutputs: ReturnType<typeof outputs> | undefined;

  for (const env of OTHERS) {
    it(`give byte-identical plans, Results and comparisons under TZ=${env.TZ}, ${env.LC_ALL ? `LC_ALL=${env.LC_ALL}` : `LANG=${env.LANG}`}, ${env.days} days on`, SLOW, () => {
      const expected = reference();
      for (const [name, out] of Object.entries(expected)) expect(out.stdout.length, name).toBeGreaterThan(100);
      const actual = outputs(env);
      for (const name of Object.keys(COMMANDS)) {
        expect(actual[name]!.stdout.equals(expected[name]!.stdout), `${name}: stdout differs`).toBe(true);
        expect(actual[name]!.stderr.equals(expected[name]!.stderr), `${name}: stderr differs`).toBe(true);
      }
    });
  }

  it('speak English, the same bytes, under a locale of a language csq does not have', SLOW, () => {
    const args = ['report', fixture('full.yaml'), '-o', '-'];
    const english = reference()['plan in English']!.stdout;
    for (const env of OTHERS.filter((e) => !(e.LC_ALL ?? e.LANG ?? '').startsWith('pt'))) {
      expect(node([CLI, ...args], env).stdout.equals(english), JSON.stringify(env)).toBe(true);
    }
  });
});
