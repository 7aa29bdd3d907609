import { Ajv } from 'ajv';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { csq, fixture, readFixture, tempDir } from '../helpers.js';

const full = readFixture('full.yaml');

describe('batch reports', () => {
  it('writes one plan per input, reports a broken file, and exits 2 with a count', () => {
    const dir = tempDir();
    const out = path.join(dir, 'reports');
    const run = csq(['report', fixture('full.yaml'), fixture('broken.yaml'), fixture('solo.yaml'), '--out-dir', out]);
    expect(run.code).toBe(2);
    expect(readdirSync(out).sort()).toEqual(['full.md', 'solo.md']);
    expect(readFileSync(path.join(out, 'solo.md'), 'utf8')).toContain('# Customer service plan: Solo Bookkeeping');
    expect(run.stderr).toContain(`${fixture('broken.yaml')}:3:36 ratings.leadership.whatever-it-takes: 9 is outside the scale 1–5`);
    expect(run.stderr).toContain(`1 of 3 files failed; the others were written to ${out}`);
    expect(run.stderr).toContain(`${path.join(out, 'full.md')} (CSQ 66.4%)`);
  });

  it('writes Results with --format json and refuses to overwrite without --force', () => {
    const out = path.join(tempDir(), 'json');
    expect(csq(['report', fixture('full.yaml'), fixture('solo.yaml'), '--out-dir', out, '--format', 'json']).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(out, 'solo.json'), 'utf8')).overall.percent).toBe(72);
    const again = csq(['report', fixture('full.yaml'), '--out-dir', out, '--format', 'json']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('full.json already exists; use --force to replace it');
    expect(csq(['report', fixture('full.yaml'), '--out-dir', out, '--format', 'json', '--force']).code).toBe(0);
  });

  it('refuses two inputs with the same name', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'a'));
    writeFileSync(path.join(dir, 'a', 'full.yaml'), full);
    const run = csq(['report', fixture('full.yaml'), path.join(dir, 'a', 'full.yaml'), '--out-dir', path.join(dir, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('two inputs would both be written to');
  });
});

describe('quality gates', () => {
  it('passes quietly when every gate holds', () => {
    const out = path.join(tempDir(), 'plan.md');
    const run = csq(['report', fixture('full.yaml'), '-o', out, '--min-score', '60', '--min-section', 'errors=40', '--min-section', 'staff=60']);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('gate failed');
  });

  it('prints every failed check, still writes the output, and exits 1', () => {
    const out = path.join(tempDir(), 'plan.md');
    const run = csq(['report', fixture('full.yaml'), '-o', out, '--min-score', '70', '--min-section', 'errors=50', '--min-section', 'leadership=80']);
    expect(run.code).toBe(1);
    expect(existsSync(out)).toBe(true);
    expect(run.stderr).toContain('gate failed: overall CSQ 66.4% is below the minimum 70%');
    expect(run.stderr).toContain('gate failed: section errors 46.7% is below the minimum 50%');
    expect(run.stderr).not.toContain('section leadership');
  });

  it('applies gates per file in a batch, and skips a gate for a section that does not apply', () => {
    const out = path.join(tempDir(), 'r');
    const run = csq(['report', fixture('full.yaml'), fixture('solo.yaml'), '--out-dir', out, '--min-section', 'staff=70']);
    expect(run.code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['full.md', 'solo.md']);
    expect(run.stderr).toContain(`${fixture('full.yaml')}: gate failed: section staff 60% is below the minimum 70%`);
    expect(run.stderr).toContain(`${fixture('solo.yaml')}: note: section staff does not apply to these answers; its gate was skipped`);
  });

  it('rejects malformed gates as usage errors', () => {
    expect(csq(['report', fixture('full.yaml'), '--min-score', 'high']).stderr).toBe('csq: --min-score expects a percentage from 0 to 100, got "high"\n');
    expect(csq(['report', fixture('full.yaml'), '--min-section', 'eror=50']).stderr).toBe('csq: --min-section: unknown section "eror" (did you mean "errors"?)\n');
    expect(csq(['report', fixture('full.yaml'), '--min-section', 'errors']).code).toBe(2);
  });
});

describe('csq validate', () => {
  it('detects answers, questionnaires and Results, and exits 2 if any is bad', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'result.json'), csq(['report', fixture('full.yaml'), '--format', 'json']).stdout);
    const run = csq(['validate', fixture('full.yaml'), 'questionnaires/csq.pt.yaml', path.join(dir, 'result.json'), fixture('broken.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(
      [
        `${fixture('full.yaml')}: ok (answers for csq, 25 ratings)`,
        'questionnaires/csq.pt.yaml: ok (questionnaire csq, 7 sections, 25 statements)',
        `${path.join(dir, 'result.json')}: ok (Result, overall 66.4%)`,
        '',
      ].join('\n'),
    );
    expect(run.stderr).toContain(`${fixture('broken.yaml')}:3:36 ratings.leadership.whatever-it-takes: 9 is outside the scale 1–5`);
    expect(run.stderr).toContain('3 of 4 valid');
    expect(csq(['validate', fixture('full.yaml')]).code).toBe(0);
  });

  it('checks that a translation keeps the ids', () => {
    const dir = tempDir();
    const translated = readFileSync('questionnaires/csq.en.yaml', 'utf8').replace(/\bdelight\b/g, 'delite').replace('lang: en', 'lang: pl');
    writeFileSync(path.join(dir, 'csq.pl.yaml'), translated);
    const run = csq(['validate', path.join(dir, 'csq.pl.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/csq\.pl\.yaml:\d+:\d+ sections\[4\]\.statements: section outreach has statements \[easy-to-deal, resolve-complaints, delite\], expected \[easy-to-deal, resolve-complaints, delight\]/);
  });
});

describe('csq init', () => {
  it('writes a commented template whose filled-in numbers make a valid answers file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'answers.yaml');
    const run = csq(['init', file]);
    expect(run.code).toBe(0);
    const template = readFileSync(file, 'utf8');
    expect(template.split('\n')[0]).toBe('# yaml-language-server: $schema=./csq-answers.schema.json');
    expect(template).toContain('#   1 Never · 2 Almost never · 3 Sometimes · 4 Usually · 5 Always');
    expect(template).toMatch(/^ {4}delight: +# We encourage "delighting the customer"\.$/m);
    expect(template.match(/^ {4}[a-z-]+: +#/gm)).toHaveLength(25);

    const unfilled = csq(['report', file]);
    expect(unfilled.code).toBe(2);
    expect(unfilled.stderr).toContain('ratings.leadership.whatever-it-takes: not rated yet: write a rating from 1 to 5');

    writeFileSync(file, template.replace(/^( {4}[a-z-]+:)( +#)/gm, '$1 4$2'));
    const filled = csq(['report', file, '--format', 'json']);
    expect(filled.code).toBe(0);
    expect(JSON.parse(filled.stdout).overall).toEqual({ score: 100, max: 125, percent: 80 });
    expect(csq(['init', file]).code).toBe(2); // never clobbers
  });

  it('leaves out the staff section with --no-staff, and prints to stdout without a file', () => {
    const run = csq(['init', '--no-staff']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  staff: false');
    expect(run.stdout).not.toMatch(/^ {2}staff:$/m);
    expect(run.stdout).not.toContain('education:');
    const filled = run.stdout.replace(/^( {4}[a-z-]+:)( +#)/gm, '$1 2$2');
    const report = csq(['report', '-', '--format', 'json'], { input: filled });
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout).overall).toEqual({ score: 40, max: 100, percent: 40 });
  });
});

describe('csq schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  // The completion hints VS Code's and the YAML language server's editors read.
  ajv.addKeyword('enumDescriptions').addKeyword('markdownEnumDescriptions');
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  const schemaOf = (kind: string) => JSON.parse(csq(['schema', kind]).stdout);

  it('validates good answers and rejects bad ones, like csq itself', () => {
    const validate = ajv.compile(schemaOf('answers'));
    expect(validate(parse(full))).toBe(true);
    expect(validate(parse(readFixture('solo.yaml')))).toBe(true);
    expect(validate(parse(full.replace('delight: 3', 'delight: 6')))).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ instancePath: '/ratings/outreach/delight', keyword: 'maximum' }));
    expect(validate(parse(full.replace('outreach:', 'outrech:')))).toBe(false);
    expect(validate(parse(full.replace('delight: 3', 'delight: 3.5')))).toBe(false);
    expect(validate(parse(`${full}colour: red\n`))).toBe(false);
  });

  it('is as strict as csq validate on the bad-answers corpus, wherever JSON Schema can say it', () => {
    const validate = ajv.compile(schemaOf('answers'));
    // What an editor's JSON Schema cannot see: it gets the data after YAML has been read.
    const yamlLevel: Record<string, string> = {
      'answers-custom-tag.yaml': 'a tag is YAML syntax',
      'answers-local-tag.yaml': 'a tag is YAML syntax',
      'answers-duplicate-statement-key.yaml': 'a duplicate key is gone once the YAML is read',
      'answers-duplicate-top-level-key.yaml': 'a duplicate key is gone once the YAML is read',
      'answers-latin1-bytes.yaml': 'the file’s encoding',
      'answers-rating-hex.yaml': '0x5 is the number 5 once read',
      'answers-yaml-1-1-directive.yaml': 'a YAML directive',
      'answers-several-documents.yaml': 'an editor checks each document on its own',
      'answers-tag-bool-on-profile.yaml': 'a tag is YAML syntax',
      'answers-tag-int-on-quoted-rating.yaml': 'a tag is YAML syntax',
      'answers-tag-non-specific.yaml': 'a tag is YAML syntax',
      'answers-tag-omap.yaml': 'a tag is YAML syntax',
      'answers-tag-on-document.yaml': 'a tag is YAML syntax',
      'answers-tag-on-key.yaml': 'a tag is YAML syntax',
      'answers-tag-on-list.yaml': 'a tag is YAML syntax',
      'answers-tag-verbatim-str.yaml': 'a tag is YAML syntax',
      'answers-rating-exponent-in-scale.yaml': '5e0 is the number 5 once read',
      'answers-rating-leading-point-exponent.yaml': '.4e1 is the number 4 once read',
      'answers-rating-leading-zero.yaml': '04 is the number 4 once read',
      'answers-rating-plus-sign.yaml': '+4 is the number 4 once read',
      'answers-rating-trailing-point.yaml': '4. is the number 4 once read',
      'answers-rating-whole-with-point.yaml': '4.0 is the number 4 once read',
      'answers-c1-raw-in-comment.yaml': 'a comment is gone once the YAML is read',
      'answers-lone-surrogate-escape.yaml': 'its text pattern leaves lone surrogates to csq',
    };
    const bad = readdirSync(fixture('bad')).filter((f) => f.startsWith('answers-'));
    const accepted = bad.filter((name) => {
      let data: unknown;
      try {
        data = parse(readFileSync(fixture('bad', name), 'utf8'), { uniqueKeys: false, logLevel: 'silent' });
      } catch {
        return false; // not YAML at all: an editor flags it before any schema
      }
      return validate(data);
    });
    expect(accepted.sort()).toEqual(Object.keys(yamlLevel).filter((name) => bad.includes(name)).sort());
  });

  it('is draft-07, which editors understand', () => {
    for (const kind of ['questionnaire', 'answers', 'result']) expect(schemaOf(kind).$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('validates the bundled questionnaires and a Result', () => {
    const questionnaire = ajv.compile(schemaOf('questionnaire'));
    for (const file of ['questionnaires/csq.en.yaml', 'questionnaires/csq.pt.yaml']) expect(questionnaire(parse(readFileSync(file, 'utf8'))), file).toBe(true);
    expect(questionnaire({ id: 'x', version: 1 })).toBe(false);
    const result = ajv.compile(schemaOf('result'));
    expect(result(JSON.parse(csq(['report', fixture('full.yaml'), '--format', 'json']).stdout))).toBe(true);
    expect(result(JSON.parse(csq(['team', ...['owner', 'manager', 'clerk'].map((w) => fixture('team', `${w}.yaml`)), '--format', 'json']).stdout))).toBe(true);
    expect(result({ schemaVersion: 2 })).toBe(false);
    expect(csq(['schema', 'plan']).code).toBe(2);
  });
});

describe('csq compare', () => {
  const later = () => {
    const file = path.join(tempDir(), 'later.yaml');
    // Errors improve, leadership drops 25 points.
    writeFileSync(file, full.replace('errors: { review-complaints: 3, ask-feedback: 2, eliminate-errors: 2 }', 'errors: { review-complaints: 4, ask-feedback: 4, eliminate-errors: 4 }').replace('owner-example: 5, success-measure: 4', 'owner-example: 1, success-measure: 3').replace('date: 2026-11-23', 'date: 2027-05-23'));
    return file;
  };

  it('shows every change in the terminal and as Markdown and JSON', () => {
    const after = later();
    const text = csq(['compare', fixture('full.yaml'), after]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Acme Cleaning 2026-11-23 → 2027-05-23/);
    expect(text.stdout).toMatch(/Leadership and commitment\s+80% →\s+55%\s+-25 ▼/);
    expect(text.stdout).toMatch(/Error reduction\s+46\.7% →\s+80%\s+\+33\.3 ▲/);
    expect(text.stdout).toMatch(/Customer alignment\s+70% →\s+70%\s+±0/);
    const markdown = csq(['compare', fixture('full.yaml'), after, '--format', 'markdown']).stdout;
    expect(markdown).toContain('| Area | Before (2026-11-23) | After (2027-05-23) | Change (points) |');
    expect(markdown).toContain('| Leadership and commitment | 80% | 55% | -25 |');
    const json = JSON.parse(csq(['compare', fixture('full.yaml'), after, '--format', 'json']).stdout);
    expect(json.overall).toEqual({ id: 'overall', title: 'Overall CSQ', before: 66.4, after: 66.4, change: 0 }); // +5 and −5 points
    expect(json.sections.find((s: { id: string }) => s.id === 'errors')).toEqual({ id: 'errors', title: 'Error reduction', before: 46.7, after: 80, change: 33.3 });
  });

  it('fails on a drop beyond --fail-on-drop, listing each one', () => {
    const after = later();
    const run = csq(['compare', fixture('full.yaml'), after, '--fail-on-drop', '10']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('gate failed: Leadership and commitment dropped 25 points (80% → 55%), more than 10\n');
    expect(csq(['compare', fixture('full.yaml'), after, '--fail-on-drop', '25']).code).toBe(0);
  });

  it('shows n/a for an area that applies on one side only', () => {
    const json = JSON.parse(csq(['compare', fixture('solo.yaml'), fixture('full.yaml'), '--format', 'json']).stdout);
    expect(json.sections.find((s: { id: string }) => s.id === 'staff')).toEqual({ id: 'staff', title: 'Skilled and empowered staff', before: null, after: 60, change: null });
  });
});

describe('csq team', () => {
  const files = ['owner', 'manager', 'clerk'].map((w) => fixture('team', `${w}.yaml`));

  it('combines respondents with the mean per area and flags wide disagreement', () => {
    const json = JSON.parse(csq(['team', ...files, '--format', 'json']).stdout);
    const staff = json.sections.find((s: { id: string }) => s.id === 'staff');
    expect(staff).toMatchObject({ score: 15 + 25 + 6, max: 75, percent: 61.3 });
    expect(json.team.respondents).toBe(3);
    expect(json.team.names).toEqual(['Jane Doe', 'Sam Lee', 'Ana Ruiz']);
    expect(json.team.sections.find((s: { id: string }) => s.id === 'staff')).toEqual({
      id: 'staff',
      mean: 61.3,
      min: 24,
      max: 100,
      spread: 76,
      disagree: true,
      statements: { respected: 3.33, 'product-knowledge': 3.33, 'tools-skills': 3, 'encouraged-to-solve': 2.67, 'own-satisfaction': 3 },
    });
    expect(json.team.sections.filter((s: { disagree: boolean }) => s.disagree)).toHaveLength(1);
  });

  it('renders one plan naming the disagreement', () => {
    const out = path.join(tempDir(), 'team.md');
    const run = csq(['team', ...files, '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('respondents disagree on Skilled and empowered staff: 24% to 100%');
    const plan = readFileSync(out, 'utf8');
    expect(plan).toContain('The combined answers of 3 respondents (Jane Doe, Sam Lee, Ana Ruiz)');
    expect(plan).toContain('They disagree widely (40 points or more) on Skilled and empowered staff (24% to 100%)');
    expect(plan).toContain('They judged policies differently: Medical waste is not removed (Jane Doe: Unfriendly but necessary; Sam Lee: Unfriendly but necessary; Ana Ruiz: Unfriendly and unnecessary).');
    // Every respondent's actions, each once, by due date; a copy without owner or date takes them from another's.
    const rows = plan.split('\n').filter((line) => /^\| (?!Action|---)/.test(line) && line.split('|').length === 7);
    expect(rows).toEqual([
      '| Start a complaints log | Error reduction | Jane Doe | January 15, 2027 | complaints logged weekly |',
      '| Let the crew refund up to 50 euros without asking | Skilled and empowered staff | Ana Ruiz | February 1, 2027 | – |',
      '| Call five clients a month | Using customer information | Sam Lee | – | – |',
    ]);
    expect(plan).toContain('Next assessment: June 1, 2027.');
  });

  it('refuses respondents who disagree on the profile', () => {
    const run = csq(['team', fixture('full.yaml'), fixture('solo.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('says profile.staff is false');
  });
});
