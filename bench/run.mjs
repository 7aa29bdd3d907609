/**
 * csq benchmarks (npm run bench). Every row is a ratio against a baseline measured in
 * the same run, interleaved with the subject so drift affects both alike. See README.md.
 *
 * Settings (environment):
 *   CSQ_BENCH_RUNS=21          timed runs per start-up row (after warm-up)
 *   CSQ_BENCH_RSS_RUNS=5       extra runs per start-up row that record peak memory
 *   CSQ_BENCH_BATCH_FILES=10000, CSQ_BENCH_BATCH_RUNS=9
 *   CSQ_BENCH_ASSESS_MARKER    text of the first question (default: the English one)
 *   CSQ_BENCH_ONLY=startup,assess,batch   run only these groups
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAnswersFiles } from './lib/inputs.mjs';
import { hasScript, timeToMarker } from './lib/pty.mjs';
import { timeNode } from './lib/spawn.mjs';
import { mib, ms, summarize, table } from './lib/stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'bin', 'csq.cjs');
const COPY = path.join(ROOT, 'bench', 'lib', 'copy-baseline.mjs');
const FULL = path.join(ROOT, 'test', 'fixtures', 'full.yaml');

const env = process.env;
const RUNS = Math.max(9, Number(env.CSQ_BENCH_RUNS ?? 21));
const RSS_RUNS = Math.max(1, Number(env.CSQ_BENCH_RSS_RUNS ?? 5));
const BATCH_FILES = Number(env.CSQ_BENCH_BATCH_FILES ?? 10_000);
const BATCH_RUNS = Math.max(1, Number(env.CSQ_BENCH_BATCH_RUNS ?? 9));
const MARKER = env.CSQ_BENCH_ASSESS_MARKER ?? 'Name of your business or organization';
const ONLY = new Set((env.CSQ_BENCH_ONLY ?? 'startup,assess,batch').split(','));
// The CLI runs as a user would see it: no colour decisions from the bench's own terminal, English.
const CHILD_ENV = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1', FORCE_COLOR: '' };

const log = (...args) => process.stderr.write(`${args.join(' ')}\n`);
const rows = [];

/** Every subject and its baseline in turn, the order rotating each round; returns ms samples per name. */
async function interleave(jobs, runs, warmup) {
  const samples = Object.fromEntries(jobs.map((j) => [j.name, []]));
  for (let round = -warmup; round < runs; round++) {
    const shift = ((round % jobs.length) + jobs.length) % jobs.length;
    for (const job of [...jobs.slice(shift), ...jobs.slice(0, shift)]) {
      const { ms: t } = await job.run(round);
      if (round >= 0) samples[job.name].push(t);
    }
  }
  return samples;
}

async function peakRss(args, runs, options = {}) {
  const values = [];
  for (let i = 0; i < runs; i++) values.push((await timeNode(args, { ...options, rss: true })).maxRss);
  return summarize(values).median;
}

function addRow(name, subject, baselineName, baseline, target, rss, baselineRss) {
  const s = summarize(subject);
  const b = summarize(baseline);
  const ratio = s.median / b.median;
  rows.push([name, ms(s.median), ms(s.min), ms(s.max), `${baselineName}: ${ms(b.median)}`, `${ratio.toFixed(2)}×`, `≤ ${target}×`, ratio <= target ? 'yes' : '**no**', mib(rss), mib(baselineRss)]);
}

const startupJobs = (env) =>
  [
    { name: 'base', args: ['-e', '0'] },
    { name: 'version', args: [CLI, '--version'] },
    { name: 'help', args: [CLI, '--help'] },
    { name: 'report', args: [CLI, 'report', FULL, '-o', '-'] },
  ].map((j) => ({ ...j, run: () => timeNode(j.args, { cwd: ROOT, env }) }));

async function startupRows() {
  const jobs = startupJobs(CHILD_ENV);
  log(`start-up rows: ${RUNS} interleaved runs of each after 2 warm-up rounds …`);
  const samples = await interleave(jobs, RUNS, 2);
  log(`peak memory: ${RSS_RUNS} more runs of each with the rss preload …`);
  const rss = {};
  for (const j of jobs) rss[j.name] = await peakRss(j.args, RSS_RUNS, { cwd: ROOT, env: CHILD_ENV });
  addRow('`csq --version`', samples.version, '`node -e 0`', samples.base, 1.15, rss.version, rss.base);
  addRow('`csq --help`', samples.help, '`node -e 0`', samples.base, 1.15, rss.help, rss.base);
  addRow('`csq report full.yaml -o -`', samples.report, '`node -e 0`', samples.base, 1.35, rss.report, rss.base);
  memory.push(['peak memory, one report', mib(rss.report), '≤ 60 MiB', rss.report <= 60 * 1024 ? 'yes' : '**no**', `\`node -e 0\`: ${mib(rss.base)}`]);
}

/**
 * NODE_EXTRA_CA_CERTS makes every Node process parse those certificates at start-up, the
 * baseline too (with a full system bundle, most of `node -e 0`). The same rows without it
 * show csq's own cost against a bare Node; they are for information, the targets are set above.
 */
async function withoutExtraCertsRows() {
  const samples = await interleave(startupJobs({ ...CHILD_ENV, NODE_EXTRA_CA_CERTS: '' }), RUNS, 2);
  const b = summarize(samples.base).median;
  for (const [name, key] of [['`csq --version`', 'version'], ['`csq --help`', 'help'], ['`csq report full.yaml -o -`', 'report']]) {
    const m = summarize(samples[key]).median;
    bare.push([name, ms(m), `\`node -e 0\`: ${ms(b)}`, `${(m / b).toFixed(2)}×`, `+${ms(m - b)}`]);
  }
}

function assessAvailable() {
  const run = spawnSync(process.execPath, [CLI, 'assess', '--help'], { encoding: 'utf8', env: { ...env, ...CHILD_ENV } });
  return run.status === 0 && /assess/.test(run.stdout);
}

async function assessRow() {
  const name = 'first question on screen in `csq assess`';
  if (!assessAvailable()) {
    rows.push([name, 'n/a (assess not built)', '', '', '', '', '≤ 1.6×', 'n/a', '', '']);
    return;
  }
  if (!hasScript) {
    rows.push([name, 'n/a (script(1) not found)', '', '', '', '', '≤ 1.6×', 'n/a', '', '']);
    return;
  }
  // A fresh empty folder: no unfinished answers to offer, so the first question is the organization's name.
  const cwd = mkdtempSync(path.join(tmpdir(), 'csq-bench-assess-'));
  try {
    const jobs = [
      { name: 'base', run: () => timeToMarker([process.execPath, '-e', "process.stdout.write('?')"], '?', { cwd, env: CHILD_ENV }) },
      { name: 'assess', run: () => timeToMarker([process.execPath, CLI, 'assess'], MARKER, { cwd, env: CHILD_ENV }) },
    ];
    log(`assess row: ${RUNS} interleaved runs in a pseudo-terminal …`);
    const samples = await interleave(jobs, RUNS, 2);
    if (readdirSync(cwd).length > 0) throw new Error(`csq assess left files in ${cwd}`);
    addRow(name, samples.assess, 'pty `node -e` printing `?`', samples.base, 1.6);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

async function batchRow() {
  const dir = mkdtempSync(path.join(tmpdir(), 'csq-bench-batch-'));
  const inputs = path.join(dir, 'in');
  try {
    log(`batch row: generating ${BATCH_FILES} answers files in ${inputs} …`);
    const names = writeAnswersFiles(inputs, BATCH_FILES, ROOT);
    let n = 0;
    const runIn = (args) => async () => {
      // A fresh output folder for every run (csq never overwrites); removing it is not timed.
      const out = path.join(dir, `out-${n++}`);
      const result = await timeNode([...args, '--out-dir', out, ...names], { cwd: inputs, env: CHILD_ENV, rss: true });
      const written = readdirSync(out).length;
      rmSync(out, { recursive: true, force: true });
      if (written !== names.length) throw new Error(`${args.join(' ')} wrote ${written} of ${names.length} files`);
      (rss[args[0]] ??= []).push(result.maxRss);
      return result;
    };
    const rss = {};
    const jobs = [
      { name: 'base', run: runIn([COPY]) },
      { name: 'csq', run: runIn([CLI, 'report', '-q']) },
    ];
    log(`batch row: ${BATCH_RUNS} interleaved runs of each after 1 warm-up round …`);
    const samples = await interleave(jobs, BATCH_RUNS, 1);
    const csqRss = Math.max(...rss[CLI]);
    const baseRss = Math.max(...rss[COPY]);
    addRow(`${BATCH_FILES.toLocaleString('en')} answers files, \`--out-dir\``, samples.csq, 'copy, no processing', samples.base, 4, csqRss, baseRss);
    memory.push([`peak memory, ${BATCH_FILES.toLocaleString('en')}-file batch`, mib(csqRss), '≤ 120 MiB', csqRss <= 120 * 1024 ? 'yes' : '**no**', `copy: ${mib(baseRss)}`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const memory = [];
const bare = [];
const started = new Date();
if (ONLY.has('startup')) await startupRows();
if (ONLY.has('startup') && env.NODE_EXTRA_CA_CERTS) {
  log(`start-up rows again without NODE_EXTRA_CA_CERTS (for information) …`);
  await withoutExtraCertsRows();
}
if (ONLY.has('assess')) await assessRow();
if (ONLY.has('batch')) await batchRow();

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`\ncsq benchmark · ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC · node ${process.version} · ${cpus().length} × ${cpu} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
console.log(`start-up rows: median of ${RUNS} runs; batch: median of ${BATCH_RUNS} runs of ${BATCH_FILES} files\n`);
console.log(table(['row', 'median', 'min', 'max', 'baseline (median)', 'ratio', 'target', 'met', 'peak RSS', 'baseline peak RSS'], rows));
if (memory.length) {
  console.log();
  console.log(table(['memory', 'peak RSS', 'target', 'met', 'baseline'], memory));
}
if (bare.length) {
  console.log(`\nNODE_EXTRA_CA_CERTS is set here: every node process, the baseline too, parses those certificates at start-up.`);
  console.log('The same rows with it unset, for information (csq’s own cost over a bare Node):\n');
  console.log(table(['row', 'median', 'baseline (median)', 'ratio', 'csq’s own cost'], bare));
}
