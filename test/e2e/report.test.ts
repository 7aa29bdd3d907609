import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, csq, fixture, needsTool, readFixture, tempDir } from '../helpers.js';

const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |Error:|node:internal/);

describe('csq report (built CLI as a process)', () => {
  it('--version and --help explain themselves', () => {
    const version = csq(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    // Alone, --version and -V are answered before the CLI loads: the same line as commander's.
    expect(csq(['-V']).stdout).toBe(version.stdout);
    const viaCommander = csq(['--version', '--no-color']);
    expect(viaCommander).toMatchObject({ code: 0, stdout: version.stdout });
    const help = csq(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('Exit codes: 0 ok');
    const reportHelp = csq(['report', '--help']);
    expect(reportHelp.stdout).toContain('--min-section <id=percent>');
    expect(reportHelp.stdout).toContain('csq report answers.yaml -o plan.md');
  });

  it('--example prints a real plan on stdout', () => {
    const run = csq(['report', '--example']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# Customer service plan: Acme Cleaning\n/);
    expect(run.stdout).toContain('## E. Educating your staff');
    expect(run.stderr).toBe('');
  });

  it('-o writes the file, prints a summary on stderr, and never overwrites without --force', () => {
    const dir = tempDir();
    const out = path.join(dir, 'plan.md');
    const first = csq(['report', fixture('full.yaml'), '-o', out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toContain('Overall CSQ: 66% · Acme Cleaning');
    expect(first.stderr).toMatch(/Error reduction\s+█████░░░░░ {2}47% ◀/);
    expect(first.stderr).toContain('Skilled and empowered staff');
    expect(first.stderr).toContain(`Wrote ${out}`);
    expect(first.stderr).not.toMatch(/\x1b\[/); // NO_COLOR
    const plan = readFileSync(out, 'utf8');
    expect(plan).toBe(csq(['report', fixture('full.yaml')]).stdout);

    writeFileSync(out, 'my edits');
    const second = csq(['report', fixture('full.yaml'), '-o', out]);
    expect(second.code).toBe(2);
    expect(second.stderr).toBe(`csq: ${out} already exists; use --force to replace it\n`);
    expect(readFileSync(out, 'utf8')).toBe('my edits');
    expect(csq(['report', fixture('full.yaml'), '-o', out, '--force']).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(plan);
  });

  it('colours the summary on request and honours NO_COLOR', () => {
    const dir = tempDir();
    const coloured = csq(['report', fixture('full.yaml'), '-o', path.join(dir, 'a.md')], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(coloured.stderr).toMatch(/\x1b\[3[12]m/);
    const plain = csq(['report', fixture('full.yaml'), '-o', path.join(dir, 'b.md')], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(plain.stderr).not.toMatch(/\x1b\[/);
    // --no-color wins over FORCE_COLOR=1; FORCE_COLOR=0 and false mean off.
    for (const [name, args, env] of [
      ['--no-color', ['--no-color'], { NO_COLOR: undefined, FORCE_COLOR: '1' }],
      ['FORCE_COLOR=0', [], { NO_COLOR: undefined, FORCE_COLOR: '0' }],
      ['FORCE_COLOR=false', [], { NO_COLOR: undefined, FORCE_COLOR: 'false' }],
    ] as const) {
      const run = csq([...args, 'report', fixture('full.yaml'), '-o', path.join(dir, `${name}.md`)], { env });
      expect(run.code, name).toBe(0);
      expect(run.stderr, name).not.toMatch(/\x1b\[/);
    }
  });

  it('prints no terminal control from a file name, an argument or a name in a file', () => {
    const run = csq(['report', '/tmp/x\x1b[31mred\u009b.yaml']);
    expect(run.stderr).toBe('/tmp/x\ufffd[31mred\ufffd.yaml: cannot read: no such file\n');
    const fake = csq(['report', '-', '-o', path.join(tempDir(), 'p.md')], { input: `${readFixture('full.yaml').replace('organization: Acme Cleaning', 'organization: "Acme\\nOverall CSQ 100%"')}` });
    expect(fake.code).toBe(0);
    expect(fake.stderr.split('\n')[0]).toBe('Overall CSQ: 66% · Acme Overall CSQ 100%');
  });

  it('--format json gives the Result, and rendering a saved Result gives the same Markdown', () => {
    const json = csq(['report', fixture('full.yaml'), '--format', 'json']);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result).toMatchObject({
      schemaVersion: 1,
      questionnaire: { id: 'csq', version: 1, lang: 'en' },
      lang: 'en',
      organization: 'Acme Cleaning',
      date: '2026-11-23',
      overall: { score: 83, max: 125, percent: 66.4 },
      improve: ['errors', 'staff', 'information'],
    });
    expect(result.sections[2]).toEqual({
      id: 'errors',
      title: 'Error reduction',
      applicable: true,
      score: 7,
      max: 15,
      percent: 46.7,
      ratings: { 'review-complaints': 3, 'ask-feedback': 2, 'eliminate-errors': 2 },
    });
    expect(result.policies.map((p: { action: string }) => p.action)).toEqual(['drop', 'make-friendlier', 'keep-and-strengthen']);
    const dir = tempDir();
    writeFileSync(path.join(dir, 'result.json'), json.stdout);
    expect(csq(['report', path.join(dir, 'result.json')]).stdout).toBe(csq(['report', fixture('full.yaml')]).stdout);
  });

  it('reads stdin with -', () => {
    const run = csq(['report', '-', '--format', 'json'], { input: readFixture('solo.yaml') });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).overall.percent).toBe(72);
  });

  it('rejects bad input with located errors, exit 2, no stack trace and no output file', () => {
    const dir = tempDir();
    const out = path.join(dir, 'plan.md');
    const run = csq(['report', fixture('broken.yaml'), '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${fixture('broken.yaml')}:3:36 ratings.leadership.whatever-it-takes: 9 is outside the scale 1–5`);
    expect(run.stderr).toContain(`${fixture('broken.yaml')}:3:15 ratings.leadership: missing ratings for right-first-time, owner-example, success-measure`);
    noStack(run.stderr);
    expect(existsSync(out)).toBe(false);
  });

  it('answers usage errors with exit 2', () => {
    for (const args of [['report'], ['report', '--bogus'], ['report', 'missing.yaml'], ['report', '--format', 'docx', '--example'], ['frobnicate']]) {
      const run = csq(args);
      expect(run.code, args.join(' ')).toBe(2);
      noStack(run.stderr);
    }
    expect(csq(['report', 'missing.yaml']).stderr).toBe('missing.yaml: cannot read: no such file\n');
  });

  it('says a misspelt command is one, with or without arguments, and suggests the right one', () => {
    for (const args of [['reprot'], ['reprot', 'a.yaml'], ['reprot', 'a.yaml', 'b.yaml', '-o', 'x.md']]) {
      const run = csq(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toBe('csq: unknown command "reprot" (did you mean csq report? (csq --help lists every command))\n');
    }
    // A command that takes no arguments still says so.
    expect(csq(['schema', 'answers', 'extra']).stderr).toBe('csq: csq schema takes 1 argument, got 2\n');
  });

  it('refuses to write over an input', () => {
    const dir = tempDir();
    const answers = path.join(dir, 'a.yaml');
    writeFileSync(answers, readFixture('solo.yaml'));
    const run = csq(['report', answers, '-o', answers, '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is one of the inputs');
    expect(readFileSync(answers, 'utf8')).toBe(readFixture('solo.yaml'));
  });

  it('writes into a named pipe or a device (-o /dev/null) without replacing it', async () => {
    // A FIFO stands in for /dev/null: a regression would replace it with a file, not break the machine.
    const fifo = path.join(tempDir(), 'plan.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    let received = '';
    reader.stdout.on('data', (chunk) => (received += chunk));
    const run = csq(['report', fixture('full.yaml'), '-o', fifo, '--force', '-q']);
    if (run.code !== 0) reader.kill();
    await new Promise((resolve) => reader.on('close', resolve));
    expect(run.code).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(received).toMatch(/^# Customer service plan: Acme Cleaning\n/);
  });

  const hasPython = needsTool('python3', ['--version'], 'the slow non-blocking pipe test');
  it.skipIf(!hasPython)('writes all of a large plan into a non-blocking pipe whose reader is slow', () => {
    // stdout is written with write(2): a full non-blocking pipe (EAGAIN) must be waited for, not fatal.
    const template = path.join(tempDir(), 'big.hbs');
    writeFileSync(template, `{{#each sections}}{{#each ../sections}}${'0123456789'.repeat(6000)}\n{{/each}}{{/each}}`);
    const reader = [
      'import os, subprocess, sys, time',
      'r, w = os.pipe()',
      'os.set_blocking(w, False)',
      'p = subprocess.Popen(sys.argv[1:], stdout=w)',
      'os.close(w)',
      'time.sleep(0.3)',
      'total = 0',
      'while chunk := os.read(r, 65536): total += len(chunk)',
      'print(total, p.wait())',
    ].join('\n');
    const out = execFileSync('python3', ['-c', reader, process.execPath, CLI, 'report', fixture('full.yaml'), '--template', template, '-o', '-'], { encoding: 'utf8' });
    expect(out).toBe(`${7 * 7 * 60_001} 0\n`);
  });

  it('exits quietly when the reader of stdout goes away, with the exit code the work earned', () => {
    const out = execFileSync('bash', ['-c', `node ${CLI} report --example -o - | head -1; echo "status \${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(out).toBe('# Customer service plan: Acme Cleaning\nstatus 0\n');
    // The reader is gone long before the broken file's turn: it is still checked, and fails the run.
    const many = Array.from({ length: 300 }, () => fixture('full.yaml')).join(' ');
    const validate = execFileSync('bash', ['-c', `node ${CLI} validate ${many} ${fixture('broken.yaml')} 2>/dev/null | head -1 >/dev/null; echo "status \${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(validate).toBe('status 2\n');
  });

  it('keeps its exit code when stderr is closed or its reader goes away', async () => {
    const dir = tempDir();
    const exitOf = (args: string[]) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
        child.stderr.destroy(); // the reader is gone before csq writes its summary
        child.on('close', resolve);
      });
    const plan = path.join(dir, 'plan.md');
    expect(await exitOf(['report', fixture('full.yaml'), '-o', plan])).toBe(0);
    expect(readFileSync(plan, 'utf8')).toMatch(/^# Customer service plan: Acme Cleaning\n/);
    expect(await exitOf(['report', fixture('full.yaml'), '-o', path.join(dir, 'gate.md'), '--min-score', '90'])).toBe(1);
    expect(await exitOf(['report', fixture('broken.yaml'), '-o', path.join(dir, 'bad.md')])).toBe(2);
    const closed = execFileSync('bash', ['-c', `node ${CLI} report ${fixture('full.yaml')} -o ${path.join(dir, 'closed.md')} 2>&-; echo "status $?"`], { encoding: 'utf8' });
    expect(closed).toBe('status 0\n');
    expect(existsSync(path.join(dir, 'closed.md'))).toBe(true);
  });

  it('renders a custom template against the same data', () => {
    const dir = tempDir();
    const template = path.join(dir, 'mine.hbs');
    writeFileSync(template, '{{text organization}}: {{overall.percent}}{{#each priorities}} [{{title}}]{{/each}} {{result.overall.score}}\n');
    const run = csq(['report', fixture('full.yaml'), '--template', template]);
    expect(run.stdout).toBe('Acme Cleaning: 66% [Error reduction] [Skilled and empowered staff] [Using customer information] 83\n');
    writeFileSync(template, 'line one\n{{organisation}}\n');
    const bad = csq(['report', fixture('full.yaml'), '--template', template, '-o', path.join(dir, 'x.md')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`${template}:2:3 field "organisation" is not defined in the plan data\n`);
    expect(existsSync(path.join(dir, 'x.md'))).toBe(false);
  });
});
