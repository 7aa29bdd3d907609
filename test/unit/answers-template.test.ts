/**
 * `csq init`'s template in this process (the end-to-end test runs the built CLI): the header
 * with the scale, every field in the declaration's order, comments aligned per mapping, the
 * profile's sections only, and numbers filled in making a valid answers file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/core/answers.js';
import { answersTemplate } from '../../src/core/answers-template.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { en } from '../../src/i18n/en.js';
import { pl } from '../../src/i18n/pl.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const withStaff = answersTemplate(q, en, { profile: { staff: true }, schemaUrl: './s.json', lang: 'en' });
const noStaff = answersTemplate(q, en, { profile: { staff: false }, schemaUrl: 'https://x.test/a.json', lang: 'pt' });
const lines = (text: string) => text.split('\n');
/** The column a line's comment starts at. */
const hashAt = (line: string) => line.indexOf('   # ') + 3;

describe('the answers template', () => {
  it('starts with the schema, the questionnaire, the scale and what to do next, and ends with a newline', () => {
    expect(lines(withStaff).slice(0, 6)).toEqual([
      '# yaml-language-server: $schema=./s.json',
      '# Answers for the Customer service quotient (csq). Rate every statement from 1 to 5:',
      '#   1 Never · 2 Almost never · 3 Sometimes · 4 Usually · 5 Always',
      '# Then: csq report THIS-FILE -o plan.md    (csq validate THIS-FILE checks it)',
      'questionnaire: csq',
      'lang: en',
    ]);
    expect(lines(noStaff)[0]).toBe('# yaml-language-server: $schema=https://x.test/a.json');
    expect(lines(noStaff)[5]).toBe('lang: pt');
    expect(withStaff.endsWith('\n')).toBe(true);
    expect(withStaff.endsWith('\n\n')).toBe(false);
  });

  it('lists the top-level fields in the declaration’s order, without the vision notes', () => {
    const keys = lines(withStaff)
      .map((line) => /^(?:# )?([a-z][a-zA-Z]*):/.exec(line)?.[1])
      .filter((key) => key !== undefined);
    expect(keys).toEqual(['questionnaire', 'lang', 'organization', 'respondent', 'date', 'profile', 'business', 'ratings', 'improve', 'actions', 'review', 'requirements', 'vision', 'policies', 'communication', 'education']);
  });

  it('aligns the comments of one mapping on one column, three spaces after its longest field', () => {
    const top = lines(withStaff).filter((line) => /^[a-z]+:.*   # /.test(line));
    expect(top.map((line) => line.slice(0, line.indexOf(':') + 1))).toEqual(['organization:', 'respondent:', 'profile:', 'business:', 'ratings:', 'actions:', 'requirements:', 'vision:', 'policies:', 'communication:', 'education:']);
    // The widest is `organization: ""` (16 characters): every comment starts at column 19.
    expect(new Set(top.map(hashAt))).toEqual(new Set([19]));
    expect(withStaff).toContain('\norganization: ""   # The name of your business or organization.\n');
    expect(withStaff).toContain('\nrespondent: ""     # Who answered.\n');
    // A nested mapping aligns on its own.
    expect(withStaff).toContain('\n  internal: []      # what your own data shows (returns, stock-outs, response times, rework)\n  employees: []     # ');
  });

  it('writes an example commented out, its comment three spaces after it and not widening the others', () => {
    expect(withStaff).toContain('\n# date: 2026-11-23   # printed in the plan; leave it out for reproducible output\n');
    expect(withStaff).toContain('\n# improve: [leadership, alignment]   # optional: 1–3 areas to work on; default: the three lowest\n');
    expect(withStaff).toContain('\n# review: 2027-06-01   # the date of the next assessment\n');
    // A mapping of examples only: both commented out, so that the empty mapping reads as null, "not answered".
    expect(withStaff).toContain(
      '\nbusiness:          # About your customers: it sets how soon to survey them again.\n  # buys: weekly   # how often a typical customer buys from you: daily, weekly, monthly or yearly\n  # customersPerMonth: 400   # about how many customers you serve in a month\nratings:',
    );
  });

  it('gives the questionnaire and language as values, with no comment, and every other text field empty', () => {
    expect(withStaff).toMatch(/\nquestionnaire: csq\nlang: en\norganization: "" /);
    expect(withStaff).toContain('\n  greet: ""\n  value: ""\n');
    expect(withStaff).toContain('\nvision: ""         # short: a few words everyone remembers\n');
    expect(withStaff).toContain('\nactions: []        # ');
    expect(withStaff).toContain('\npolicies: []       # ');
  });

  it('lists each applicable section under its title, each id with its statement, comments aligned per section', () => {
    expect(withStaff).toContain(
      '\n  # Customer outreach\n  outreach:\n    easy-to-deal:           # We make it easy for customers to do business with us.\n' +
        '    resolve-complaints:     # Our goal is to resolve every customer complaint.\n    delight:                # We encourage "delighting the customer".\n',
    );
    expect(withStaff).toContain('\n  # Skilled and empowered staff\n  staff:\n');
    expect(withStaff.match(/^ {4}[a-z-]+: +# /gm)).toHaveLength(25);
  });

  it('writes the profile as given, else the questionnaire’s default', () => {
    expect(withStaff).toMatch(/\nprofile: +# About your business\.\n {2}staff: true +# Do you have employees\?\n/);
    expect(noStaff).toMatch(/\n {2}staff: false +# Do you have employees\?\n/);
    const byDefault = answersTemplate(q, en, { profile: {}, schemaUrl: './s.json', lang: 'en' });
    expect(byDefault).toMatch(/\n {2}staff: true +# /);
  });

  it('leaves out the staff section and the staff-only fields for a business without employees', () => {
    expect(noStaff).not.toContain('\n  staff:\n');
    expect(noStaff).not.toContain('employees:');
    expect(noStaff).not.toContain('education:');
    expect(noStaff.match(/^ {4}[a-z-]+: +# /gm)).toHaveLength(20);
    expect(withStaff).toMatch(/\neducation: +# [^\n]+\n {2}kickoff: "" +# [^\n]+\n {2}owner: ""\n {2}training: ""\n$/);
  });

  it('takes its comments from the catalogue of its language', () => {
    const polish = answersTemplate(q, pl, { profile: { staff: true }, schemaUrl: './s.json', lang: 'pl' });
    expect(polish).toContain(`# ${pl.answers.init.then}\n`);
    expect(polish).toContain(`   # ${pl.answers.docs.vision}\n`);
  });

  it('becomes a valid answers file once every rating is filled in', () => {
    const filled = (text: string, rating: number) => text.replace(/^( {4}[a-z-]+:)( +#)/gm, `$1 ${rating}$2`);
    const full = loadAnswers(filled(withStaff, 4), 'a.yaml', q);
    expect(scoreAnswers(q, full).overall).toEqual({ score: 100, max: 125, percent: 80 });
    expect(scoreAnswers(q, loadAnswers(filled(noStaff, 2), 'b.yaml', q)).overall).toEqual({ score: 40, max: 100, percent: 40 });
  });
});
