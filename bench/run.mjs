/**
 * csq benchmarks (npm run bench). Every subject is measured against a baseline in the same
 * run, interleaved with it so drift affects both alike. The start-up rows run on every Node
 * found and give csq's own cost over a bare Node; the batch row is a ratio. See README.md.
 *
 * Settings (environment):
 *   CSQ_BENCH_RUNS=21          timed runs per start-up row (after warm-up)
 *   CSQ_BENCH_RSS_RUNS=11      extra runs per start-up row that record peak memory and CPU time
 *   CSQ_BENCH_NODES=PATH:PATH  more Node binaries for the start-up rows (besides this one and
 *                              those .ci/run keeps in ${XDG_CACHE_HOME:-~/.cache}/csq-ci)
 *   CSQ_BENCH_BATCH_FILES=10000, CSQ_BENCH_BATCH_RUNS=9
 *   CSQ_BENCH_ASSESS_MARKER    text of the first question (default: the English one)
 *   CSQ_BENCH_ONLY=startup,assess,batch   run only these groups
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, homedir, tmpdir, totalmem } from 'node:os';
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
const RSS_RUNS = Math.max(1, Number(env.CSQ_BENCH_RSS_RUNS ?? 11));
const BATCH_FILES = Number(env.CSQ_BENCH_BATCH_FILES ?? 10_000);
const BATCH_RUNS = Math.max(1, Number(env.CSQ_BENCH_BATCH_RUNS ?? 9));
const MARKER = env.CSQ_BENCH_ASSESS_MARKER ?? 'Name of your business or organization';
const ONLY = new Set((env.CSQ_BENCH_ONLY ?? 'startup,assess,batch').split(','));
// csq keeps V8's bytecode per user (bin/bundle.cjs): here in a folder of the bench's own, which
// the warm-up rounds fill, as a user's first run would.
const CODE_CACHE = mkdtempSync(path.join(tmpdir(), 'csq-bench-cache-'));
// The CLI runs as a user would see it: no colour decisions from the bench's own terminal, English.
const CHILD_ENV = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1', FORCE_COLOR: '', XDG_CACHE_HOME: CODE_CACHE };
// Start-up rows: csq's own cost over a bare Node. NODE_EXTRA_CA_CERTS (set on some machines)
// makes Node 20 parse those certificates before any code runs, the baseline's as much as csq's:
// unset, so that the difference is not lost in their noise.
const STARTUP_ENV = { ...CHILD_ENV, NODE_EXTRA_CA_CERTS: '' };
/** Targets for csq's own cost, in ms, on every Node. */
const TARGETS = { version: 8, report: 25, assess: 40 };

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

/** Median peak RSS (KiB) and CPU time (ms) of each job, from `runs` interleaved runs with the preload. */
async function resources(jobs, runs, options) {
  const out = Object.fromEntries(jobs.map((j) => [j.name, { rss: [], cpu: [] }]));
  for (let round = 0; round < runs; round++) {
    for (const j of round % 2 ? [...jobs].reverse() : jobs) {
      const r = await timeNode(j.args, { ...options, rss: true });
      out[j.name].rss.push(r.maxRss);
      out[j.name].cpu.push(r.cpuMs);
    }
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, { rss: summarize(v.rss).median, cpu: summarize(v.cpu).median }]));
}

function addRow(name, subject, baselineName, baseline, target, rss, baselineRss) {
  const s = summarize(subject);
  const b = summarize(baseline);
  const ratio = s.median / b.median;
  rows.push([name, ms(s.median), ms(s.min), ms(s.max), `${baselineName}: ${ms(b.median)}`, `${ratio.toFixed(2)}×`, `≤ ${target}×`, ratio <= target ? 'yes' : '**no**', mib(rss), mib(baselineRss)]);
}

/** This Node, those in CSQ_BENCH_NODES, and those .ci/run keeps: one per version, by version. */
function nodesToBench() {
  const ciCache = path.join(env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'csq-ci');
  const candidates = [process.execPath, ...(env.CSQ_BENCH_NODES ?? '').split(path.delimiter).filter(Boolean)];
  if (existsSync(ciCache)) {
    for (const name of readdirSync(ciCache).sort()) candidates.push(path.join(ciCache, name, 'package', 'bin', 'node'));
  }
  const byVersion = new Map();
  for (const node of candidates) {
    const run = spawnSync(node, ['--version'], { encoding: 'utf8' });
    if (run.status !== 0) {
      if (candidates.indexOf(node) > 0 && !node.startsWith(ciCache)) log(`skipping ${node}: not a working node`);
      continue;
    }
    const version = run.stdout.trim();
    if (!byVersion.has(version)) byVersion.set(version, node);
  }
  const major = (v) => v.slice(1).split('.').map(Number);
  return [...byVersion].sort(([a], [b]) => major(a)[0] - major(b)[0] || major(a)[1] - major(b)[1]).map(([version, node]) => ({ version, node }));
}

/** The code cache folder of this build under `node` (bin/bundle.cjs names it so). */
function codeCacheFolders(node) {
  const dir = path.join(CODE_CACHE, 'csq', 'code');
  const { version } = node;
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.includes(`-node${version.slice(1)}-`)).map((f) => path.join(dir, f)) : [];
}

const signed = (value) => `${value >= 0 ? '+' : ''}${ms(value)}`;

/** `cpu`: csq's own CPU time (ms) when measured, which a busy machine disturbs less than wall time. */
function addStartupRow(node, name, subject, baselineName, baseline, target, cpu) {
  const s = summarize(subject);
  const base = summarize(baseline);
  const b = base.median;
  // A bare Node whose median is far above its fastest run was slowed by something else.
  if (b > 1.5 * base.min) busy.add(`${node.version}: ${baselineName} ${ms(base.min)} to ${ms(base.max)}, median ${ms(b)}`);
  const own = s.median - b;
  const met = target === undefined ? '' : own <= target ? 'yes' : '**no**';
  startup.push([node.version, name, ms(s.median), `${ms(s.min)}–${ms(s.max)}`, `${baselineName}: ${ms(b)}`, signed(own), cpu === undefined ? '' : signed(cpu), target === undefined ? '' : `≤ ${target} ms`, met]);
}

async function startupRows(node) {
  const time = (args) => () => timeNode(args, { node: node.node, cwd: ROOT, env: STARTUP_ENV });
  const jobs = [
    { name: 'base', run: time(['-e', '0']) },
    { name: 'version', run: time([CLI, '--version']) },
    { name: 'help', run: time([CLI, '--help']) },
    { name: 'report', run: time([CLI, 'report', FULL, '-o', '-']) },
    // The first run after an install (or under a new Node): no bytecode yet, csq writes it at exit.
    {
      name: 'cold',
      run: () => {
        for (const folder of codeCacheFolders(node)) rmSync(folder, { recursive: true, force: true });
        return timeNode([CLI, 'report', FULL, '-o', '-'], { node: node.node, cwd: ROOT, env: STARTUP_ENV });
      },
    },
  ];
  log(`node ${node.version}: start-up rows, ${RUNS} interleaved runs of each after 2 warm-up rounds …`);
  const samples = await interleave(jobs, RUNS, 2);
  log(`node ${node.version}: peak memory and CPU time, ${RSS_RUNS} more runs of each with the rss preload …`);
  const used = await resources(
    [['base', ['-e', '0']], ['version', [CLI, '--version']], ['help', [CLI, '--help']], ['report', [CLI, 'report', FULL, '-o', '-']]].map(([name, args]) => ({ name, args })),
    RSS_RUNS,
    { node: node.node, cwd: ROOT, env: STARTUP_ENV },
  );
  const cpu = (key) => used[key].cpu - used.base.cpu;
  addStartupRow(node, '`csq --version`', samples.version, '`node -e 0`', samples.base, TARGETS.version, cpu('version'));
  addStartupRow(node, '`csq --help`', samples.help, '`node -e 0`', samples.base, undefined, cpu('help'));
  addStartupRow(node, '`csq report full.yaml -o -`', samples.report, '`node -e 0`', samples.base, TARGETS.report, cpu('report'));
  addStartupRow(node, 'the same, first run (no code cache yet)', samples.cold, '`node -e 0`', samples.base);
  memory.push([`peak memory, one report (node ${node.version})`, mib(used.report.rss), '≤ 60 MiB', used.report.rss <= 60 * 1024 ? 'yes' : '**no**', `\`node -e 0\`: ${mib(used.base.rss)}`]);
}

function assessAvailable() {
  const run = spawnSync(process.execPath, [CLI, 'assess', '--help'], { encoding: 'utf8', env: { ...env, ...CHILD_ENV } });
  return run.status === 0 && /assess/.test(run.stdout);
}

async function assessRow(node) {
  const name = 'first question on screen in `csq assess`';
  if (!assessAvailable() || !hasScript) {
    startup.push([node.version, name, `n/a (${hasScript ? 'assess not built' : 'script(1) not found'})`, '', '', '', '', `≤ ${TARGETS.assess} ms`, 'n/a']);
    return;
  }
  // A fresh empty folder: no unfinished answers to offer, so the first question is the organization's name.
  const cwd = mkdtempSync(path.join(tmpdir(), 'csq-bench-assess-'));
  try {
    const jobs = [
      { name: 'base', run: () => timeToMarker([node.node, '-e', "process.stdout.write('?')"], '?', { cwd, env: STARTUP_ENV }) },
      { name: 'assess', run: () => timeToMarker([node.node, CLI, 'assess'], MARKER, { cwd, env: STARTUP_ENV }) },
    ];
    log(`node ${node.version}: assess row, ${RUNS} interleaved runs in a pseudo-terminal …`);
    const samples = await interleave(jobs, RUNS, 2);
    if (readdirSync(cwd).length > 0) throw new Error(`csq assess left files in ${cwd}`);
    addStartupRow(node, name, samples.assess, 'pty `node -e` printing `?`', samples.base, TARGETS.assess);
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
const startup = [];
const busy = new Set();
const started = new Date();
const nodes = ONLY.has('startup') || ONLY.has('assess') ? nodesToBench() : [];
try {
  for (const node of nodes) {
    if (ONLY.has('startup')) await startupRows(node);
    if (ONLY.has('assess')) await assessRow(node);
  }
  if (ONLY.has('batch')) await batchRow();
} finally {
  rmSync(CODE_CACHE, { recursive: true, force: true });
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`\ncsq benchmark · ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC · node ${[...new Set([process.version, ...nodes.map((n) => n.version)])].join(', ')} · ${cpus().length} × ${cpu} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
if (startup.length) {
  console.log(`start-up rows: median of ${RUNS} runs, interleaved with the bare Node's; NODE_EXTRA_CA_CERTS unset; csq's code cache written in the warm-up rounds`);
  console.log(`csq's own cost: its median wall time minus the bare Node's (the target applies to it); own CPU time: the same for user + system time, median of ${RSS_RUNS} more runs\n`);
  console.log(table(['node', 'row', 'median', 'min–max', 'bare Node (median)', 'csq’s own cost', 'own CPU time', 'target', 'met'], startup));
  if (busy.size) {
    console.log(`\nThe machine was busy: the bare Node's wall time swung (${[...busy].join('; ')}).`);
    console.log('Wall-time costs and their targets are not reliable in this run; the CPU times are steadier.');
  }
}
if (rows.length) {
  console.log(`\nbatch: median of ${BATCH_RUNS} runs of ${BATCH_FILES} files, node ${process.version}\n`);
  console.log(table(['row', 'median', 'min', 'max', 'baseline (median)', 'ratio', 'target', 'met', 'peak RSS', 'baseline peak RSS'], rows));
}
if (memory.length) {
  console.log();
  console.log(table(['memory', 'peak RSS', 'target', 'met', 'baseline'], memory));
}
