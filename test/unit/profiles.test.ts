/**
 * Three owners' plans, read as each owner would: a one-person web designer, a 12-person
 * restaurant with two allergen mix-ups on record, and a 40-person equipment supplier.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/core/answers.js';
import { dataPointingTo } from '../../src/core/ideas.js';
import { buildPlan } from '../../src/core/plan.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { en } from '../../src/i18n/en.js';
import { compileTemplate } from '../../src/render/markdown.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const pt = loadQuestionnaire(readFileSync('questionnaires/csq.pt.yaml', 'utf8'), 'csq.pt.yaml');
const template = compileTemplate(readFileSync('templates/plan.md.hbs', 'utf8'), 'plan.md.hbs');
const section = (id: string, questionnaire = q) => questionnaire.sections.find((s) => s.id === id)!;

function plan(file: string) {
  const text = readFileSync(file, 'utf8');
  const answers = loadAnswers(text, file, q);
  const result = scoreAnswers(q, answers);
  return { text, answers, result, markdown: template({ ...buildPlan(result, q, en), result }) };
}

const pinUpPage = (markdown: string) => markdown.slice(0, markdown.indexOf('## Post this'));
const words = (text: string) => (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;

/** The plan's words that are csq's own: every text the owner typed taken out first (longest first), escapes undone. */
function ownWords(markdown: string, answers: unknown): number {
  const typed: string[] = [];
  (function collect(v: unknown) {
    if (typeof v === 'string') typed.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  })(answers);
  let text = markdown.replace(/\\([\\`*_{}[\]()#+\-.!|&<>~])/g, '$1');
  for (const t of typed.filter((t) => t.length > 2).sort((a, b) => b.length - a.length)) text = text.split(t).join(' ');
  return words(text);
}

describe('the owners’ own data points the plan to an area', () => {
  it('matches a cue as a whole word, or a word’s beginning when it ends in *, whatever the case', () => {
    const outreach = section('outreach');
    expect(dataPointingTo(outreach, ['Friday tables WAIT 25 minutes', 'New waiters are not told', 'Waited an hour'], 'en')).toEqual(['Friday tables WAIT 25 minutes', 'Waited an hour']);
    const errors = section('errors');
    expect(dataPointingTo(errors, ['Two allergen mix-ups in October', 'complaints doubled', 'uncomplaining guests', 'a clean kitchen'], 'en')).toEqual([
      'Two allergen mix-ups in October',
      'complaints doubled',
    ]);
    expect(dataPointingTo(section('errors', pt), ['Alérgicos reclamaram duas vezes', 'tudo certo'], 'pt')).toEqual(['Alérgicos reclamaram duas vezes']);
    expect(dataPointingTo({ ...errors, cues: undefined }, ['mistakes'], 'en')).toEqual([]);
    // Hebrew glues up to two letters (and, the, in…) to the front of a word.
    const hebrew = { ...errors, cues: ['תלונ*'] };
    expect(dataPointingTo(hebrew, ['והתלונות גדלו', 'תלונה אחת', 'בתלונה', 'אותלונה'], 'he')).toEqual(['והתלונות גדלו', 'תלונה אחת', 'בתלונה']);
  });
});

describe('three owners’ plans', () => {
  // Rendered inside each test, not at collection: mutation testing sees only what a test itself runs.
  const restaurant = () => plan('examples/profiles/restaurant.yaml');
  const designer = () => plan('examples/profiles/web-designer.yaml');
  const supplier = () => plan('examples/profiles/supplier.yaml');

  it('each fits its page to pin up in 60 lines, and stays short', () => {
    for (const p of [restaurant(), designer(), supplier()]) {
      expect(pinUpPage(p.markdown).split('\n').length).toBeLessThanOrEqual(60);
      expect(ownWords(p.markdown, p.answers)).toBeLessThan(1400);
    }
  });

  it('the restaurant’s allergen mix-ups lead its plan: quoted under error reduction, its idea suggested first', () => {
    // By score, "Improving…" (learn from others rated 1) is the first priority and error reduction the second.
    expect(restaurant().result.improve).toEqual(['improvement', 'errors', 'information']);
    const errorsPart = restaurant().markdown.slice(restaurant().markdown.indexOf('### 2. Error reduction'), restaurant().markdown.indexOf('### 3.'));
    expect(errorsPart).toContain('Our own data points here: “Two allergen mix-ups in October, one guest needed treatment” and “Clear allergen information”.');
    const actions = pinUpPage(restaurant().markdown).split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Action'));
    // The kickoff (dated) first, then the suggestions: error reduction's before the lowest-scored "learn from others".
    expect(actions[0]).toContain('Kickoff meeting');
    const suggested = actions.filter((l) => l.includes('*(suggested)*'));
    expect(suggested.map((l) => l.split(' | ')[1])).toEqual(['Error reduction', 'Improving products, services and processes', 'Using customer information']);
    expect(suggested[1]).toContain('Meet peers');
    expect(pinUpPage(restaurant().markdown)).toContain('*Our own data points to Customer outreach as well, which is not a priority by its score;');
  });

  it('the web designer’s plan has no staff, team or meeting, and her three dated actions in date order', () => {
    const outsideScores = designer().markdown.replace(/## A\.[\s\S]*?\n### /, '### ');
    expect(outsideScores).not.toMatch(/\b(staff|employees?|team|managers?|meetings?|colleagues|whole organization)\b/i);
    const due = [...pinUpPage(designer().markdown).matchAll(/\| (\w+ \d+, \d{4}) \|/g)].map((m) => new Date(m[1]!).getTime());
    expect(due).toHaveLength(3);
    expect([...due].sort((a, b) => a - b)).toEqual(due);
  });

  it('the supplier’s plan names the areas its data points to that are not priorities', () => {
    expect(pinUpPage(supplier().markdown)).toContain('*Our own data points to Customer alignment, Customer outreach, and Skilled and empowered staff as well, which are not priorities');
  });

  it('the bundled example is under 1,200 words of csq’s own', () => {
    const example = plan('examples/acme-cleaning.yaml');
    expect(ownWords(example.markdown, example.answers)).toBeLessThan(1200);
  });
});
