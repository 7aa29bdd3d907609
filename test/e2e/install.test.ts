/**
 * csq installs as a user installs it, each into a temporary global prefix: from a tarball packed
 * in a clean clone, from a clean clone's folder, and from a git URL. Each gives a `csq` on the
 * PATH that prints its version, renders the example plan and shows the walk's first question.
 * Slow (every install builds csq): see install-helpers.ts for when these run.
 */
import { lstatSync, readFileSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { VERSION, check, cloneHead, installEnv, installTestsWanted, nodeFirstPath, requireTools, run } from './install-helpers.js';
import { Terminal } from './tmux.js';

const scratch: string[] = [];
const temp = () => {
  const dir = tempDir();
  scratch.push(dir);
  return dir;
};
const env = installEnv(temp());
const tarballName = `csq-${VERSION}.tgz`;
/** The tarball packed from a clean clone, by the first test. */
let packed: Buffer | undefined;

/** `npm install --global --prefix PREFIX SPEC` into a fresh prefix; returns the prefix. */
async function installGlobally(spec: string, cwd: string): Promise<string> {
  const prefix = temp();
  await check('npm', ['install', '--global', '--prefix', prefix, spec], { cwd, env });
  return prefix;
}

/** What a global install added, as npm lists it: one line per package. */
async function globalPackages(prefix: string): Promise<string[]> {
  const { stdout } = await check('npm', ['ls', '--global', '--prefix', prefix, '--all', '--parseable'], { cwd: prefix, env, timeout: 60_000 });
  const lib = path.join(prefix, 'lib');
  return stdout.split('\n').filter((line) => line && line !== lib).map((line) => path.relative(lib, line));
}

/** The installed `csq`, found on the PATH from a folder of its own, works as a user sees it. */
async function expectWorkingCsq(prefix: string): Promise<void> {
  const cwd = temp();
  const userEnv = { ...env, PATH: nodeFirstPath(path.join(prefix, 'bin')) };
  const version = await run('csq', ['--version'], { cwd, env: userEnv, timeout: 20_000 });
  expect(version).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  const example = await run('csq', ['report', '--example'], { cwd, env: userEnv, timeout: 20_000 });
  expect(example.code).toBe(0);
  expect(example.stdout).toContain('# Customer service plan: Acme Cleaning');
  expect(example.stdout).toContain('Error reduction');
  const terminal = new Terminal('csq', cwd, { PATH: userEnv.PATH!, XDG_CACHE_HOME: env.XDG_CACHE_HOME! });
  try {
    await terminal.waitFor('Name of your business or organization', { timeout: 20_000 });
  } finally {
    terminal.close();
  }
  expect(readdirSync(cwd)).toEqual([]); // the walk, stopped at its first question, wrote nothing
}

describe.skipIf(!installTestsWanted)('installing csq', () => {
  beforeAll(() => requireTools({ git: ['--version'], npm: ['--version'], tar: ['--version'], tmux: ['-V'] }));
  afterAll(() => {
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  });

  it('from a tarball packed in a clean clone: the same bytes from every build, and nothing to install beside it', async () => {
    const clone = await cloneHead(env);
    // A clean clone has neither node_modules nor dist/: prepare installs the build's tools and builds.
    await check('npm', ['pack'], { cwd: clone, env });
    const tarball = path.join(clone, tarballName);
    const first = readFileSync(tarball);
    await check('npm', ['pack'], { cwd: clone, env }); // builds again
    expect(readFileSync(tarball).equals(first), 'two builds of the same sources packed different bytes').toBe(true);

    const { stdout: listing } = await check('tar', ['-tzf', tarball], { cwd: clone, env, timeout: 30_000 });
    const files = listing.split('\n').filter(Boolean);
    for (const file of ['LICENSE', 'README.md', 'package.json', 'bin/csq.cjs', 'bin/bundle.cjs', 'dist/BUILT', 'dist/cli.cjs', 'dist/THIRD-PARTY-NOTICES.txt', 'dist/assets/csq.en.json', 'dist/assets/messages.en.json', 'questionnaires/csq.en.yaml', 'templates/plan.md.hbs']) {
      expect(files).toContain(`package/${file}`);
    }
    expect(files.filter((f) => f.endsWith('.cache') || f.includes('node_modules') || f.startsWith('package/src/') || f.startsWith('package/test/'))).toEqual([]);
    const notices = readFileSync(path.join(clone, 'dist', 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    for (const name of ['commander', 'handlebars', 'yaml', 'zod', '@inquirer/core']) expect(notices).toMatch(new RegExp(`^${name} \\d`, 'm'));

    packed = first;

    const prefix = await installGlobally(tarball, clone);
    expect(await globalPackages(prefix)).toEqual([path.join('node_modules', 'csq')]);
    await expectWorkingCsq(prefix);
  }, 900_000);

  it('from the folder of a clean clone, which then packs to the same bytes', async () => {
    const clone = await cloneHead(env);
    const prefix = await installGlobally(`./${path.basename(clone)}`, path.dirname(clone));
    // npm links a folder: the link, and the build made inside that folder.
    const link = path.join(prefix, 'lib', 'node_modules', 'csq');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(realpathSync(link)).toBe(realpathSync(clone));
    await expectWorkingCsq(prefix);
    // That folder is now a built tree: packed as it is, it gives the clean clone's package.
    const destination = temp();
    await check('npm', ['pack', '--ignore-scripts', '--pack-destination', destination], { cwd: clone, env });
    expect(packed, 'the tarball of the first test').toBeDefined();
    expect(readFileSync(path.join(destination, tarballName)).equals(packed!), 'a built tree and a clean clone packed different bytes').toBe(true);
  }, 900_000);

  it('from a git URL, and again over that install', async () => {
    const repository = await cloneHead(env, 'repository');
    const url = `git+file://${repository}`;
    const prefix = await installGlobally(url, temp());
    const installed = path.join(prefix, 'lib', 'node_modules', 'csq');
    // A real folder, not a link into npm's temporary clone (see scripts/prepare.mjs).
    expect(lstatSync(installed).isDirectory()).toBe(true);
    expect(readdirSync(installed)).not.toContain('node_modules');
    expect(await globalPackages(prefix)).toEqual([path.join('node_modules', 'csq')]);
    await expectWorkingCsq(prefix);
    await check('npm', ['install', '--global', '--prefix', prefix, url], { cwd: temp(), env });
    expect(lstatSync(installed).isDirectory()).toBe(true);
    await expectWorkingCsq(prefix);
  }, 900_000);
});
