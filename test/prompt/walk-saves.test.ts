/**
 * The walk's saves, counted: whenever it asks a question, every answer given so far is on disk
 * (the last save is the answers as they are), so a kill at any prompt loses nothing. And the
 * long-vision question at exactly its limit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answersSchema, loadAnswers, type Answers } from '../../src/core/answers.js';
import { stringifyAnswers } from '../../src/core/answers-yaml.js';
import { LONG_VISION_WORDS } from '../../src/core/plan.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { en } from '../../src/i18n/en.js';
import type { Prompter } from '../../src/prompts/prompter.js';
import { walk } from '../../src/prompts/walk.js';
import { interrupt, no, pick, rate, scriptedPrompter, type, yes, type Step } from './scripted-prompter.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const schema = answersSchema(q);

/** Each question as the walk asks it: how many saves came before, and whether the last one holds every answer. */
interface Asked {
  question: string;
  saves: number;
  onDisk: boolean;
  answers: string;
}

async function walkCounting(steps: Step[], initial: Answers = { ratings: {} }) {
  const script = scriptedPrompter(steps);
  const answers: Answers = structuredClone(initial);
  const saves: string[] = [];
  const asked: Asked[] = [];
  const current = () => stringifyAnswers(answers, ' test', schema);
  const before = (question: string) => asked.push({ question, saves: saves.length, onDisk: saves.at(-1) === current(), answers: current() });
  // Every question first notes what is on disk at that moment, then goes to the script.
  const prompter: Prompter = {
    ...script,
    rating: (c) => (before(c.message), script.rating(c)),
    select: (c) => (before(c.message), script.select(c)),
    checkbox: (c) => (before(c.message), script.checkbox(c)),
    input: (c) => (before(c.message), script.input(c)),
    confirm: (c) => (before(c.message), script.confirm(c)),
  };
  let error: unknown;
  try {
    await walk({ questionnaire: q, messages: en, prompter, answers, save: () => saves.push(current()) });
  } catch (e) {
    error = e;
  }
  return { asked, saves, answers, error, script };
}

const CONTINUE = pick('', 'change an answer in this section');

describe('the walk saves after every answer', () => {
  it('has every answer given so far on disk whenever it asks the next question, and saved each change', async () => {
    const steps: Step[] = [
      type('Acme Cleaning', 'Name of your business'),
      type('Jane Doe', 'Your name'),
      yes('employees'),
      ...rate(4, 3, 5, 4), CONTINUE,
      ...rate(4, 5, 3, 2), CONTINUE,
      ...rate(3, 2, 2), CONTINUE,
      interrupt(),
    ];
    const { asked, saves, answers, error, script } = await walkCounting(steps, { ratings: {} });
    expect((error as Error).name).toBe('ExitPromptError');
    expect(script.remaining()).toBe(0);
    // The first question comes before any answer; from then on the disk is never behind.
    expect(asked.length).toBe(steps.length);
    const late = asked.slice(1).filter((a) => !a.onDisk);
    expect(late.map((a) => a.question)).toEqual([]);
    // Each answer that changed the answers was saved before the next question: at least one save between them.
    let changes = 0;
    for (let i = 1; i < asked.length; i++) {
      if (asked[i]!.answers !== asked[i - 1]!.answers) {
        changes++;
        expect(asked[i]!.saves, `saves before "${asked[i]!.question}"`).toBeGreaterThan(asked[i - 1]!.saves);
      }
    }
    // The name, the respondent, staff, and each of the 11 ratings: 14 answers that changed something.
    expect(changes).toBe(14);
    expect(saves.length).toBeGreaterThanOrEqual(changes);
    expect(saves.at(-1)).toBe(stringifyAnswers(answers, ' test', schema));
    expect(loadAnswers(saves.at(-1)!, 'saved.yaml', q, { complete: false }).ratings.errors).toEqual({ 'review-complaints': 3, 'ask-feedback': 2, 'eliminate-errors': 2 });
  });
});

describe('the long-vision question', () => {
  // Everything before the vision answered, for a one-person business.
  const initial = (): Answers => {
    const answers = loadAnswers(
      `organization: A\nrespondent: null\nprofile: { staff: false }\nimprove: [errors]\nactions: null\nrequirements: { internal: null, topRequests: null }\nvisionNotes: { tenYears: null, fiveThings: null, customerShoes: null, picture: null }\nratings: {}\n`,
      'a.yaml',
      q,
      { complete: false },
    );
    answers.ratings = scoreAnswers(q, loadAnswers(readFileSync('test/fixtures/solo.yaml', 'utf8'), 's.yaml', q)).sections.reduce(
      (all, s) => (s.applicable ? { ...all, [s.id]: s.ratings } : all),
      {},
    );
    return answers;
  };
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

  it(`keeps a vision of exactly ${LONG_VISION_WORDS} words without asking`, async () => {
    const { script, answers } = await walkCounting([type(words(LONG_VISION_WORDS), 'customer vision'), interrupt()], initial());
    expect(script.asked.filter((a) => a.startsWith('confirm:'))).toEqual([]);
    expect(answers.vision).toBe(words(25));
  });

  it(`asks about one of ${LONG_VISION_WORDS + 1} words, and keeps it when told to`, async () => {
    const { script, answers, asked } = await walkCounting([type(words(26), 'customer vision'), yes('26 words'), interrupt()], initial());
    expect(script.asked.filter((a) => a.startsWith('confirm:'))).toEqual([`confirm: ${en.walk.visionLong.replace('{words}', '26')}`]);
    expect(answers.vision).toBe(words(26));
    // Saved before the question about its length.
    expect(asked[1]!.onDisk).toBe(true);
  });

  it('asks again when the owner shortens it, and saves each version', async () => {
    const { answers, saves } = await walkCounting([type(words(30), 'customer vision'), no('30 words'), type('Spotless, every time.', 'customer vision'), interrupt()], initial());
    expect(answers.vision).toBe('Spotless, every time.');
    const visions = saves.map((s) => loadAnswers(s, 'saved.yaml', q, { complete: false }).vision);
    expect(visions).toContain(words(30));
    expect(visions.at(-1)).toBe('Spotless, every time.');
  });
});
