/**
 * csq benchmarks (npm run bench). Every subject is measured against a baseline in the same
 * run, interleaved with it so drift affects both alike. The start-up rows run on every Node
 * found and give csq's own cost over a bare Node; the batch rows are ratios against a naive
 * script and two copies of the same files. See README.md.
 *
 * Settings (environment):
 *   CSQ_BENCH_RUNS=21          timed runs per start-up row (after warm-up)
 *   CSQ_BENCH_RSS_RUNS=11      extra runs per start-up row that record peak memory and CPU time
 *   CSQ_BENCH_NODES=PATH:PATH  more Node binaries for the start-up rows (besides this one and
 *                              those .ci/run keeps in ${XDG_CACHE_HOME:-~/.cache}/csq-ci)
 *   CSQ_BENCH_BATCH_FILES=10000, CSQ_BENCH_BATCH_RUNS=9
 *   CSQ_BENCH_MEMORY_FILES=1000,20000, CSQ_BENCH_MEMORY_RUNS=3   peak memory of a small and a large batch
 *   CSQ_BENCH_OTHER_CSQ=PATH   another build's bin/csq.cjs, timed beside this one in the batch runs
 *   CSQ_BENCH_ASSESS_MARKER    text of the first question (default: the English one)
 *   CSQ_BENCH_PDF_FILES=100, CSQ_BENCH_PDF_RUNS=5   the PDF rows (a browser: CHROME_PATH, or chromium on PATH)
 *   CSQ_BENCH_ONLY=startup,assess,batch,pdf   run only these groups
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
const NAIVE = path.join(ROOT, 'bench', 'lib', 'naive-baseline.mjs');
const FULL = path.join(ROOT, 'test', 'fixtures', 'full.yaml');

const env = process.env;
const RUNS = Math.max(9, Number(env.CSQ_BENCH_RUNS ?? 21));
const RSS_RUNS = Math.max(1, Number(env.CSQ_BENCH_RSS_RUNS ?? 11));
const BATCH_FILES = Number(env.CSQ_BENCH_BATCH_FILES ?? 10_000);
const BATCH_RUNS = Math.max(1, Number(env.CSQ_BENCH_BATCH_RUNS ?? 9));
/** Peak memory is compared between a small and a large batch, the median of this many runs each. */
const MEMORY_FILES = (env.CSQ_BENCH_MEMORY_FILES ?? '1000,20000').split(',').map(Number);
const MEMORY_RUNS = Math.max(1, Number(env.CSQ_BENCH_MEMORY_RUNS ?? 3));
/** The batch's targets: this much faster than the naive script, at most this much slower than the fsync copy. */
const TARGET_NAIVE = 1.3;
const TARGET_COPY = 1.2;
/** Another build's bin/csq.cjs (say, before a change), timed in the same interleaved batch runs. */
const OTHER = env.CSQ_BENCH_OTHER_CSQ;
const MARKER = env.CSQ_BENCH_ASSESS_MARKER ?? 'Name of your business or organization';
const ONLY = new Set((env.CSQ_BENCH_ONLY ?? 'startup,assess,batch,pdf').split(','));
const PDF_FILES = Math.max(2, Number(env.CSQ_BENCH_PDF_FILES ?? 100));
const PDF_RUNS = Math.max(1, Number(env.CSQ_BENCH_PDF_RUNS ?? 5));
const PDF_BASELINE = path.join(ROOT, 'bench', 'lib', 'pdf-baseline.mjs');
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

/** Bundles the naive baseline (it imports csq's TypeScript) into `dir`; returns its path. */
async function bundleNaive(dir) {
  const { build } = await import('esbuild');
  const outfile = path.join(dir, 'naive.cjs');
  await build({ absWorkingDir: ROOT, entryPoints: [NAIVE], outfile, bundle: true, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'warning' });
  return outfile;
}

/** Each file of `a` has the same bytes in `b`: the naive script renders the same plans as csq. */
function sameOutputs(a, b) {
  const names = readdirSync(a).sort();
  if (names.join('\n') !== readdirSync(b).sort().join('\n')) return `${a} and ${b} hold different names`;
  const differ = names.find((name) => !readFileSync(path.join(a, name)).equals(readFileSync(path.join(b, name))));
  return differ === undefined ? undefined : `${differ} differs between ${a} and ${b}`;
}

/**
 * Writes that a subject leaves to the kernel (the plain copy and the naive script never flush)
 * are flushed after its run, untimed, and so is the removal of its outputs: the next subject
 * does not pay for them. `sync -f` flushes the one file system (syncfs).
 */
const hasSync = spawnSync('sync', ['--version'], { stdio: 'ignore' }).status === 0;
function settle(dir) {
  if (hasSync) spawnSync('sync', ['-f', dir], { stdio: 'ignore' });
}

async function batchRows() {
  const dir = mkdtempSync(path.join(tmpdir(), 'csq-bench-batch-'));
  const inputs = path.join(dir, 'in');
  try {
    const count = Math.max(BATCH_FILES, ...MEMORY_FILES);
    log(`batch rows: generating ${count} answers files in ${inputs} …`);
    const all = writeAnswersFiles(inputs, count, ROOT);
    const names = all.slice(0, BATCH_FILES);
    const naive = await bundleNaive(dir);
    let n = 0;
    const kept = {};
    const usage = {};
    const runIn = (name, args, files = names, extraEnv = {}) => async (round) => {
      // A fresh output folder for every run (csq never overwrites); removing it is not timed.
      const out = path.join(dir, `out-${n++}`);
      // NODE_EXTRA_CA_CERTS unset, as in the start-up rows: set to a system bundle, it changed
      // csq's peak at 20,000 files from 110 to 146 MiB (one output folder, measured by hand).
      const result = await timeNode([...args, '--out-dir', out, ...files], { cwd: inputs, env: { ...CHILD_ENV, NODE_EXTRA_CA_CERTS: '', CSQ_ROOT: ROOT, ...extraEnv }, rss: true });
      const written = readdirSync(out).length;
      if (written !== files.length) throw new Error(`${args.join(' ')} wrote ${written} of ${files.length} files`);
      // The warm-up round's plans are kept, to check that the naive script renders what csq does.
      if (round === -1 && (name === 'naive' || name === 'csq')) kept[name] = out;
      else rmSync(out, { recursive: true, force: true });
      settle(dir);
      (usage[name] ??= { rss: [], cpu: [] }).rss.push(result.maxRss);
      usage[name].cpu.push(result.cpuMs);
      return result;
    };
    const jobs = [
      { name: 'copy', run: runIn('copy', [COPY]) },
      { name: 'plain', run: runIn('plain', [COPY, '--plain']) },
      { name: 'naive', run: runIn('naive', [naive]) },
      { name: 'csq', run: runIn('csq', [CLI, 'report', '-q']) },
      // The same without its worker threads: what they buy.
      { name: 'one', run: runIn('one', [CLI, 'report', '-q'], names, { CSQ_WORKERS: '0' }) },
      ...(OTHER ? [{ name: 'other', run: runIn('other', [OTHER, 'report', '-q']) }] : []),
    ];
    log(`batch rows: ${BATCH_RUNS} interleaved runs of each of ${BATCH_FILES} files after 1 warm-up round …`);
    const samples = await interleave(jobs, BATCH_RUNS, 1);
    const differ = sameOutputs(kept.naive, kept.csq);
    if (differ) throw new Error(`the naive script does not render what csq does: ${differ}`);
    const subjects = [
      ['csq', `\`csq report -q --out-dir\``],
      ['one', '`csq report -q --out-dir`, one thread (`CSQ_WORKERS=0`), for information'],
      ['naive', 'naive script (yaml.parse, the same template, writeFileSync)'],
      ['copy', 'copy, fsync each file (temp, fsync, link)'],
      ['plain', 'copy, no fsync (writeFileSync), for information'],
      ...(OTHER ? [['other', `another csq: ${OTHER}`]] : []),
    ];
    for (const [key, label] of subjects) {
      const s = summarize(samples[key]);
      batch.push([label, ms(s.median), ms(s.min), ms(s.max), ms(summarize(usage[key].cpu).median), mib(Math.max(...usage[key].rss))]);
    }
    const median = (key) => summarize(samples[key]).median;
    const faster = median('naive') / median('csq');
    const ofCopy = median('csq') / median('copy');
    ratios.push(['csq faster than the naive script (its time ÷ csq’s)', `${faster.toFixed(2)}×`, `≥ ${TARGET_NAIVE}×`, faster >= TARGET_NAIVE ? 'yes' : '**no**']);
    ratios.push(['csq’s time ÷ the fsync copy’s', `${ofCopy.toFixed(2)}×`, `≤ ${TARGET_COPY}×`, ofCopy <= TARGET_COPY ? 'yes' : '**no**']);
    ratios.push(['csq on one thread ÷ csq (what the worker threads buy)', `${(median('one') / median('csq')).toFixed(2)}×`, '', '']);
    ratios.push(['csq’s time ÷ the plain copy’s', `${(median('csq') / median('plain')).toFixed(2)}×`, '', '']);
    if (OTHER) ratios.push(['csq faster than the other csq (its time ÷ csq’s)', `${(median('other') / median('csq')).toFixed(2)}×`, '', '']);
    const csqRss = Math.max(...usage.csq.rss);
    memory.push([`peak memory, ${BATCH_FILES.toLocaleString('en')}-file batch`, mib(csqRss), '≤ 120 MiB', csqRss <= 120 * 1024 ? 'yes' : '**no**', `copy: ${mib(Math.max(...usage.copy.rss))}`]);
    // Peak memory at a small and a large batch, interleaved: flat in the number of files.
    const [small, large] = MEMORY_FILES;
    log(`batch rows: peak memory, ${MEMORY_RUNS} interleaved runs of csq on ${small} and ${large} files …`);
    await interleave(MEMORY_FILES.map((count) => ({ name: `${count}`, run: runIn(`rss-${count}`, [CLI, 'report', '-q'], all.slice(0, count)) })), MEMORY_RUNS, 0);
    // The median run's peak: one run disturbed by the machine does not decide it.
    const peak = (count) => summarize(usage[`rss-${count}`].rss).median;
    const growth = peak(large) - peak(small);
    memory.push([`peak memory, ${small.toLocaleString('en')} files (median of ${MEMORY_RUNS})`, mib(peak(small)), '', '', '']);
    memory.push([`peak memory, ${large.toLocaleString('en')} files (median of ${MEMORY_RUNS})`, mib(peak(large)), '≤ 120 MiB', peak(large) <= 120 * 1024 ? 'yes' : '**no**', '']);
    memory.push([`growth from ${small.toLocaleString('en')} to ${large.toLocaleString('en')} files`, `${growth >= 0 ? '+' : ''}${mib(growth)}`, '≤ 10 MiB', growth <= 10 * 1024 ? 'yes' : '**no**', '']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The browser csq would print with, as csq looks for it (CHROME_PATH, then chromium and the like on PATH). */
function benchBrowser() {
  if (env.CHROME_PATH) return env.CHROME_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
    if (found) return found;
  }
  return undefined;
}

/**
 * One PDF, and a batch of PDF_FILES with one browser, each against the baseline printing as many
 * trivial pages with the same browser and puppeteer-core, interleaved with it.
 */
async function pdfRows() {
  const browser = benchBrowser();
  if (!browser) {
    pdf.push(['one PDF, and a batch', 'n/a (no browser: set CHROME_PATH or install chromium)', '', '', '', '']);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'csq-bench-pdf-'));
  try {
    const inputs = path.join(dir, 'in');
    const names = writeAnswersFiles(inputs, PDF_FILES, ROOT);
    let n = 0;
    const fresh = () => path.join(dir, `out-${n++}`);
    const childEnv = { ...CHILD_ENV, CHROME_PATH: browser };
    const after = (out, count) => (result) => {
      const written = readdirSync(out).filter((f) => f.endsWith('.pdf')).length;
      if (written !== count) throw new Error(`${out}: ${written} of ${count} PDFs written`);
      rmSync(out, { recursive: true, force: true });
      return result;
    };
    const jobs = [
      { name: 'one', run: () => { const out = fresh(); mkdirSync(out); return timeNode([CLI, 'report', FULL, '-o', path.join(out, 'plan.pdf'), '-q'], { cwd: ROOT, env: childEnv }).then(after(out, 1)); } },
      { name: 'one-base', run: () => { const out = fresh(); return timeNode([PDF_BASELINE, browser, '1', out], { cwd: ROOT, env: childEnv }).then(after(out, 1)); } },
      { name: 'batch', run: () => { const out = fresh(); return timeNode([CLI, 'report', '-q', '--format', 'pdf', '--out-dir', out, ...names], { cwd: inputs, env: childEnv }).then(after(out, PDF_FILES)); } },
      { name: 'batch-base', run: () => { const out = fresh(); return timeNode([PDF_BASELINE, browser, String(PDF_FILES), out], { cwd: ROOT, env: childEnv }).then(after(out, PDF_FILES)); } },
    ];
    log(`pdf rows: ${PDF_RUNS} interleaved runs of each after 1 warm-up round, with ${browser} …`);
    const samples = await interleave(jobs, PDF_RUNS, 1);
    const m = (key) => summarize(samples[key]).median;
    pdf.push(['`csq report full.yaml -o plan.pdf`', ms(m('one')), `${ms(summarize(samples.one).min)}–${ms(summarize(samples.one).max)}`, `1 trivial page: ${ms(m('one-base'))}`, `${(m('one') / m('one-base')).toFixed(2)}×`, `${signed(m('one') - m('one-base'))}`]);
    pdf.push([`\`csq report --format pdf --out-dir\`, ${PDF_FILES} files, one browser`, ms(m('batch')), `${ms(summarize(samples.batch).min)}–${ms(summarize(samples.batch).max)}`, `${PDF_FILES} trivial pages: ${ms(m('batch-base'))}`, `${(m('batch') / m('batch-base')).toFixed(2)}×`, `${ms(m('batch') / PDF_FILES)} per file`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const memory = [];
const pdf = [];
const batch = [];
const ratios = [];
const startup = [];
const busy = new Set();
const started = new Date();
const nodes = ONLY.has('startup') || ONLY.has('assess') ? nodesToBench() : [];
try {
  for (const node of nodes) {
    if (ONLY.has('startup')) await startupRows(node);
    if (ONLY.has('assess')) await assessRow(node);
  }
  if (ONLY.has('batch')) await batchRows();
  if (ONLY.has('pdf')) await pdfRows();
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
if (batch.length) {
  console.log(`\nbatch: median of ${BATCH_RUNS} interleaved runs of ${BATCH_FILES} varied answers files each, node ${process.version}${hasSync ? '; outputs flushed and removed after each run, untimed' : ''}\n`);
  console.log(table(['subject', 'median', 'min', 'max', 'CPU time (median)', 'peak RSS'], batch));
  console.log();
  console.log(table(['ratio of the medians', 'value', 'target', 'met'], ratios));
}
if (pdf.length) {
  console.log(`\npdf: median of ${PDF_RUNS} interleaved runs, node ${process.version}; the baseline is the same browser and puppeteer-core printing trivial pages\n`);
  console.log(table(['subject', 'median', 'min–max', 'baseline (median)', 'ratio', 'over the baseline'], pdf));
}
if (memory.length) {
  console.log();
  console.log(table(['memory', 'peak RSS', 'target', 'met', 'baseline'], memory));
}
