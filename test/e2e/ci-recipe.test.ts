/**
 * The README's "Use in CI" workflow, run as GitHub would run its steps: the `run:` scripts
 * taken literally from README.md, one after the other with bash -eo pipefail, in a temporary
 * workspace with a few clients' answers, a baseline, csq's repository in tools/csq, a global npm
 * prefix of its own and a step-summary file. Slow (the install builds csq): see install-helpers.ts.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, csq, fixture, readFixture, tempDir } from '../helpers.js';
import { type Result, check, cloneHead, installEnv, installTestsWanted, nodeFirstPath, requireTools, run } from './install-helpers.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

/** The workflow in README.md's "Use in CI" section. */
function readmeWorkflow(): { steps: Step[] } {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Use in CI\n'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section.slice(0, section.indexOf('\n## ', 1)));
  if (!block) throw new Error('README.md: no yaml block in "Use in CI"');
  const workflow = parse(block[1]!);
  return workflow.jobs.plans;
}

const workflow = readmeWorkflow();
const runSteps = workflow.steps.filter((s) => s.run !== undefined);
const step = (pattern: RegExp) => {
  const found = runSteps.find((s) => pattern.test(s.name ?? ''));
  if (!found) throw new Error(`README.md's workflow has no step named like ${pattern}`);
  return found;
};

const scratch = tempDir();
const workspace = path.join(scratch, 'workspace');
const prefix = path.join(scratch, 'npm-global');
const summary = path.join(scratch, 'step-summary.md');
const env: NodeJS.ProcessEnv = {
  ...installEnv(path.join(scratch, 'cache')),
  // A global install goes to this prefix, whose bin/ comes first on the PATH, as setup-node's would.
  npm_config_prefix: prefix,
  PATH: nodeFirstPath(path.join(prefix, 'bin')),
  GITHUB_STEP_SUMMARY: summary,
  CI: 'true',
};

/** One step's script, as a GitHub runner runs `run:` on Linux. */
const runStep = (s: Step): Promise<Result> => run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', s.run!], { cwd: workspace, env });

/** A Result of `answers` (a fixture) as the stored baseline of a client. */
function baseline(client: string, answers: string): void {
  const result = csq(['report', answers, '--format', 'json', '-o', '-']);
  expect(result.code).toBe(0);
  writeFileSync(path.join(workspace, 'baselines', `${client}.json`), result.stdout);
}

describe('the README’s CI recipe', () => {
  it('uses a maintained Node', () => {
    const setupNode = workflow.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    const version = String(setupNode?.with?.['node-version']);
    expect(version === 'lts/*' || Number(version) >= 22, `node-version: ${version}`).toBe(true);
    expect(runSteps.map((s) => s.name)).toHaveLength(4);
  });

  describe.skipIf(!installTestsWanted)('run on sample answers', () => {
    beforeAll(async () => {
      requireTools({ bash: ['--version'], git: ['--version'], npm: ['--version'] });
      for (const dir of ['answers', 'baselines', 'tools']) mkdirSync(path.join(workspace, dir), { recursive: true });
      // acme: the full fixture with its error-reduction ratings raised above the recipe's gate.
      const acme = readFixture('full.yaml').replace(/^ {2}errors: .*$/m, '  errors: { review-complaints: 4, ask-feedback: 3, eliminate-errors: 3 }');
      expect(acme).not.toBe(readFixture('full.yaml'));
      writeFileSync(path.join(workspace, 'answers', 'acme.yaml'), acme);
      copyFileSync(fixture('solo.yaml'), path.join(workspace, 'answers', 'solo.yaml'));
      baseline('acme', fixture('full.yaml'));
      const clone = await cloneHead(env);
      await check('git', ['clone', '--quiet', '--no-hardlinks', clone, path.join(workspace, 'tools', 'csq')], { cwd: workspace, env, timeout: 60_000 });
    }, 120_000);
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));

    it('installs csq and passes on clients above the gates, with a summary section per compared client', async () => {
      const install = await runStep(step(/^Install csq$/));
      expect(install.code, install.stderr).toBe(0);
      expect(existsSync(path.join(prefix, 'bin', 'csq'))).toBe(true);
      for (const name of [/^Check/, /quality gates/, /baseline/]) {
        const result = await runStep(step(name));
        expect(result.code, `${name}: ${result.stderr}`).toBe(0);
      }
      for (const client of ['acme', 'solo']) {
        expect(readFileSync(path.join(workspace, 'reports', `${client}.md`), 'utf8')).toMatch(/^# Customer service plan: /);
        expect(JSON.parse(readFileSync(path.join(workspace, 'results', `${client}.json`), 'utf8')).schemaVersion).toBe(1);
      }
      const text = readFileSync(summary, 'utf8');
      // Only acme has a baseline: one section, its heading first, then its table.
      expect(text).toMatch(/^### acme\n\n\| Area \|/);
      expect(text).toContain('| Error reduction | 46.7% | 66.7% | +20 |');
      expect(text).not.toContain('### solo');
    }, 600_000);

    it('fails on a gate and on a drop, still writing every output and every client’s section', async () => {
      expect(existsSync(path.join(prefix, 'bin', 'csq')), 'csq installed by the test before').toBe(true);
      copyFileSync(fixture('full.yaml'), path.join(workspace, 'answers', 'acme.yaml')); // error reduction 46.7% < 50
      baseline('acme', fixture('team', 'manager.yaml')); // staff 100% then, 60% now
      baseline('solo', fixture('solo.yaml'));
      rmSync(summary, { force: true });
      rmSync(path.join(workspace, 'reports'), { recursive: true, force: true });

      expect((await runStep(step(/^Check/))).code).toBe(0);
      const gates = await runStep(step(/quality gates/));
      expect(gates.code).toBe(1);
      expect(gates.stderr).toMatch(/errors/);
      for (const client of ['acme', 'solo']) {
        expect(existsSync(path.join(workspace, 'reports', `${client}.md`))).toBe(true);
        expect(existsSync(path.join(workspace, 'results', `${client}.json`))).toBe(true);
      }
      const drop = await runStep(step(/baseline/));
      expect(drop.code).toBe(1);
      const text = readFileSync(summary, 'utf8');
      expect(text.match(/^### (\w+)$/gm)).toEqual(['### acme', '### solo']);
      expect(text).toContain('| Skilled and empowered staff | 100% | 60% | -40 |');
    }, 600_000);
  });
});
