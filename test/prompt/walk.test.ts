import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMUNICATION_SKILLS, answersSchema, loadAnswers, missingRatings, type Answers } from '../../src/core/answers.js';
import { answersTemplate } from '../../src/core/answers-template.js';
import { stringifyAnswers } from '../../src/core/answers-yaml.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { en } from '../../src/i18n/en.js';
import { isWalkComplete, pendingSteps, walk } from '../../src/prompts/walk.js';
import { choose, clear, interrupt, no, pick, rate, scriptedPrompter, type, yes, type Step } from './scripted-prompter.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const CONTINUE = pick('', 'change an answer in this section');

async function run(steps: Step[], initial: Answers = { ratings: {} }) {
  const prompter = scriptedPrompter(steps);
  const answers: Answers = structuredClone(initial);
  const saves: string[] = [];
  const save = () => saves.push(stringifyAnswers(answers, ' test', answersSchema(q)));
  let error: unknown;
  try {
    await walk({ questionnaire: q, messages: en, prompter, answers, save });
  } catch (e) {
    error = e;
  }
  return { answers, saves, prompter, error, lastSave: saves.at(-1) ?? '' };
}

const ratingsWithStaff: Step[] = [
  ...rate(4, 3, 5, 4), CONTINUE,
  ...rate(4, 5, 3, 2), CONTINUE,
  ...rate(3, 2, 2), CONTINUE,
  ...rate(3, 4, 3), CONTINUE,
  ...rate(4, 4, 3), CONTINUE,
  ...rate(4, 3, 3, 2, 3), CONTINUE,
  ...rate(4, 2, 4), CONTINUE,
];

/** Write the plan, from the review screen. */
const WRITE = pick('', 'Your answers. Change any of them');

/** One idea and one action of the owner's own for the first and third areas; none for the second. */
const actionsScript = (areas: [string, string, string]): Step[] => [
  choose('Keep a complaints log', `Action 1 of at most 3 for ${areas[0]}`), type('', 'Who will do it'), type('2027-01-15', 'Due date'), type('complaints logged weekly', 'know it worked'),
  pick('', `Action 2 of at most 3 for ${areas[0]}`),
  pick('', `Action 1 of at most 3 for ${areas[1]}`),
  pick('own', `Action 1 of at most 3 for ${areas[2]}`), type('Call five clients a month', 'Your action'), type('Sam', 'Who will do it'), type('', 'Due date'), type('', 'know it worked'),
  pick('', `Action 2 of at most 3 for ${areas[2]}`),
];

const afterRatings = (staff: boolean, areas: [string, string, string] = ['Error reduction', 'Skilled and empowered staff', 'Using customer information']): Step[] => [
  yes('Your lowest areas are'),
  ...actionsScript(areas),
  type('Re-cleans on 1 in 12 jobs', 'own data'), type(''),
  ...(staff ? [type('Clients want evening cleaning', 'employees'), type('')] : []),
  type('Faster quotes', '1 of 3'), type('Evening hours', '2 of 3'), type('One contact person', '3 of 3'),
  type('The most recommended cleaner in town', 'ten years'),
  type('Reliability', '1 of 5'), type('Honesty', '2 of 5'), type(''),
  type('', 'customers’ shoes'),
  type('', 'Close your eyes'),
  type('Spotless, on time, every time.', 'customer vision'),
  type("We don't do windows", 'A policy'), no('friendly'), no('necessary'), type(''),
  type('Free re-clean within 24 hours', 'A policy'), yes('friendly'), yes('necessary'), type('Our promise', 'note'),
  type('', 'A policy'),
  yes('new friendly policies'), type('Cleaning on Sundays'), type(''),
  type('Answer by the third ring', 'First impressions'), type(''), type('Ask what went wrong last time'), type(''), type(''), type('Thank-you note after a month'),
  ...(staff ? [type('2026-12-01', 'kickoff'), type('Jane Doe', 'owns'), type('', 'train')] : []),
  type('2027-06-01', 'next assessment'),
  WRITE,
];

const fullScript: Step[] = [type('Acme Cleaning', 'Name of your business'), type('Jane Doe', 'Your name'), yes('employees'), ...ratingsWithStaff, ...afterRatings(true)];

describe('the walk, scripted', () => {
  it('takes a business with staff through every step, each autosave a valid answers file and the last one whole', async () => {
    const { answers, saves, prompter, error } = await run(fullScript);
    expect(error).toBeUndefined();
    expect(prompter.remaining()).toBe(0);
    expect(answers).toEqual({
      organization: 'Acme Cleaning',
      respondent: 'Jane Doe',
      profile: { staff: true },
      ratings: {
        leadership: { 'whatever-it-takes': 4, 'right-first-time': 3, 'owner-example': 5, 'success-measure': 4 },
        alignment: { partnership: 4, 'honest-promises': 5, 'know-benefits': 3, 'customer-led-design': 2 },
        errors: { 'review-complaints': 3, 'ask-feedback': 2, 'eliminate-errors': 2 },
        information: { 'know-expectations': 3, 'frequent-contact': 4, 'shared-knowledge': 3 },
        outreach: { 'easy-to-deal': 4, 'resolve-complaints': 4, delight: 3 },
        staff: { respected: 4, 'product-knowledge': 3, 'tools-skills': 3, 'encouraged-to-solve': 2, 'own-satisfaction': 3 },
        improvement: { 'constant-improvement': 4, 'learn-from-others': 2, 'fix-quickly': 4 },
      },
      improve: ['errors', 'staff', 'information'],
      requirements: { internal: ['Re-cleans on 1 in 12 jobs'], employees: ['Clients want evening cleaning'], topRequests: ['Faster quotes', 'Evening hours', 'One contact person'] },
      visionNotes: { tenYears: 'The most recommended cleaner in town', fiveThings: ['Reliability', 'Honesty'], customerShoes: null, picture: null },
      vision: 'Spotless, on time, every time.',
      policies: [
        { name: "We don't do windows", friendly: false, necessary: false },
        { name: 'Free re-clean within 24 hours', friendly: true, necessary: true, note: 'Our promise' },
        { name: 'Cleaning on Sundays', friendly: true, necessary: false },
      ],
      communication: { greet: 'Answer by the third ring', value: null, ask: 'Ask what went wrong last time', listen: null, help: null, invite: 'Thank-you note after a month' },
      education: { kickoff: '2026-12-01', owner: 'Jane Doe', training: null },
      actions: [
        {
          area: 'errors',
          action: expect.stringContaining('Keep a complaints log'),
          owner: 'Jane Doe',
          due: '2027-01-15',
          measure: 'complaints logged weekly',
        },
        { area: 'information', action: 'Call five clients a month', owner: 'Sam' },
        { action: 'Drop the policy "We don\'t do windows"' },
        { action: 'Kickoff meeting: launch the vision, and end it with next actions, owners and deadlines', due: '2026-12-01', owner: 'Jane Doe' },
      ],
      review: '2027-06-01',
    });
    expect(prompter.said).toContain('Added to your actions: Drop the policy "We don\'t do windows"');
    expect(prompter.said).toContain('Added to your actions: Kickoff meeting: launch the vision, and end it with next actions, owners and deadlines');
    expect(isWalkComplete(q, answers)).toBe(true);
    // Every autosave is a valid (partial) answers file; the last is the whole thing.
    for (const saved of saves) expect(() => loadAnswers(saved, 'saved.yaml', q, { complete: false })).not.toThrow();
    const result = scoreAnswers(q, loadAnswers(saves.at(-1)!, 'saved.yaml', q));
    expect(result.overall).toEqual({ score: 83, max: 125, percent: 66.4 });
    expect(result.policies.map((p) => p.action)).toEqual(['drop', 'keep-and-strengthen', 'add-more']);
    expect(result.education).toEqual({ kickoff: '2026-12-01', owner: 'Jane Doe', training: null });
  });

  it('has everything answered on disk at whichever question Ctrl-C comes', async () => {
    for (let k = 0; k <= fullScript.length; k++) {
      const { answers, lastSave, error } = await run([...fullScript.slice(0, k), interrupt()]);
      if (k < fullScript.length) expect((error as Error).name, `at step ${k}`).toBe('ExitPromptError');
      const onDisk = lastSave ? loadAnswers(lastSave, 'saved.yaml', q, { complete: false }) : { ratings: {} };
      expect(onDisk, `interrupted at step ${k}`).toEqual(answers);
    }
  });

  it('shows progress, section scores and the proposed areas', async () => {
    const { prompter } = await run(fullScript);
    expect(prompter.asked).toContain('rating: We review customer complaints.');
    expect(prompter.said).toContain('Leadership and commitment: 16 of 20 points, 80%');
    expect(prompter.said.join('\n')).toMatch(/Error reduction\s+█████░░░░░ {2}47%/);
    expect(prompter.asked).toContain('confirm: Your lowest areas are Error reduction, Skilled and empowered staff, Using customer information. Work on these first?');
    expect(prompter.said.join('\n')).toContain("We don't do windows: Unfriendly and unnecessary. Drop it immediately.");
  });

  it('skips the staff section, employees and staff education for a one-person business', async () => {
    const script: Step[] = [
      type('Solo Books'), type(''), no('employees'),
      ...rate(5, 5, 5, 5), CONTINUE, ...rate(3, 5, 3, 1), CONTINUE, ...rate(3, 2, 3), CONTINUE,
      ...rate(4, 4, 4), CONTINUE, ...rate(4, 4, 4), CONTINUE, ...rate(2, 2, 4), CONTINUE,
      ...afterRatings(false, ['Error reduction', 'Improving products, services and processes', 'Customer alignment']),
    ];
    const { answers, prompter, error } = await run(script);
    expect(error).toBeUndefined();
    expect(prompter.remaining()).toBe(0);
    expect(answers.ratings.staff).toBeUndefined();
    expect(answers.requirements!.employees).toBeUndefined();
    expect(answers.education).toBeUndefined();
    expect(prompter.asked.filter((a) => a.startsWith('rating'))).toHaveLength(20);
    expect(prompter.said.join('\n')).toContain('Answer from your own perspective.');
    expect(isWalkComplete(q, answers)).toBe(true);
    expect(scoreAnswers(q, answers).overall.percent).toBe(72);
  });

  it('lets a review change an answer before moving on', async () => {
    const script: Step[] = [
      type('Acme'), type(''), yes(),
      ...rate(4, 3, 5, 4),
      pick('right-first-time', 'change an answer in this section'), { kind: 'rating', answer: 1, match: 'right the very first time' },
      CONTINUE,
      interrupt(),
    ];
    const { answers, prompter, error } = await run(script);
    expect((error as Error).name).toBe('ExitPromptError');
    expect(answers.ratings.leadership).toEqual({ 'whatever-it-takes': 4, 'right-first-time': 1, 'owner-example': 5, 'success-measure': 4 });
    expect(prompter.said).toContain('Leadership and commitment: 16 of 20 points, 80%');
    expect(prompter.said).toContain('Leadership and commitment: 14 of 20 points, 70%');
  });

  it('resumes after an interruption, asking only what is missing', async () => {
    const first = await run([type('Acme Cleaning'), type('Jane Doe'), yes(), ...rate(4, 3, 5, 4), CONTINUE, ...rate(4, 5), interrupt()]);
    expect((first.error as Error).name).toBe('ExitPromptError');
    // What was saved before Ctrl-C is all that survives a real interruption.
    const saved = loadAnswers(first.lastSave, 'acme.yaml', q, { complete: false });
    expect(saved.ratings).toEqual({
      leadership: { 'whatever-it-takes': 4, 'right-first-time': 3, 'owner-example': 5, 'success-measure': 4 },
      alignment: { partnership: 4, 'honest-promises': 5 },
    });
    const second = await run([...rate(3, 2), CONTINUE, ...ratingsWithStaff.slice(10), ...afterRatings(true)], saved);
    expect(second.error).toBeUndefined();
    expect(second.prompter.remaining()).toBe(0);
    expect(second.prompter.asked[0]).toBe('rating: We know which features and benefits matter most to our customers.');
    expect(second.answers.ratings.alignment).toEqual({ partnership: 4, 'honest-promises': 5, 'know-benefits': 3, 'customer-led-design': 2 });
    expect(scoreAnswers(q, second.answers).overall).toEqual({ score: 83, max: 125, percent: 66.4 });
  });

  it('leaves readable, resumable answers when something crashes mid-walk', async () => {
    const upToVision = fullScript.slice(0, fullScript.findIndex((st) => st.match === 'customer vision'));
    const prompter = scriptedPrompter([...upToVision]);
    const answers: Answers = { ratings: {} };
    const saves: string[] = [];
    const crashing = { ...prompter, input: async (c: { message: string }) => (c.message.includes('customer vision') ? Promise.reject(new TypeError('boom')) : prompter.input(c)) };
    await expect(walk({ questionnaire: q, messages: en, prompter: crashing, answers, save: () => saves.push(stringifyAnswers(answers, ' t', answersSchema(q))) })).rejects.toThrow('boom');
    const saved = loadAnswers(saves.at(-1)!, 'a.yaml', q, { complete: false });
    expect(saved).toEqual(answers);
    const resumed = await run([type('Spotless.', 'customer vision'), interrupt()], saved);
    expect(resumed.answers.vision).toBe('Spotless.');
  });

  it('reopens the list the owner was filling in when interrupted', async () => {
    const upToPolicies = fullScript.slice(0, fullScript.findIndex((st) => st.match === 'A policy'));
    const first = await run([...upToPolicies, type("We don't do windows", 'A policy'), no('friendly'), no('necessary'), type(''), interrupt()]);
    const saved = loadAnswers(first.lastSave, 'a.yaml', q, { complete: false });
    expect(saved.policies).toEqual([{ name: "We don't do windows", friendly: false, necessary: false }]);
    const second = await run(
      [type('Free re-clean within 24 hours', 'A policy'), yes(), yes(), type(''), type('', 'A policy'), no('new friendly policies'), ...Array.from({ length: 6 }, () => type('')), type(''), type(''), type(''), type('', 'next assessment'), WRITE],
      saved,
    );
    expect(second.error).toBeUndefined();
    expect(second.prompter.said).toContain("So far: We don't do windows");
    expect(second.answers.policies!.map((p) => p.name)).toEqual(["We don't do windows", 'Free re-clean within 24 hours']);

    // The same for a plain list: interrupted after one item of "own data".
    const a = await run([...fullScript.slice(0, fullScript.findIndex((st) => st.match === 'own data')), type('Late deliveries'), interrupt()]);
    const b = await run([type('Returns up 10%', 'Another one'), type(''), interrupt()], loadAnswers(a.lastSave, 'a.yaml', q, { complete: false }));
    expect(b.prompter.said).toContain('So far: Late deliveries');
    expect(b.answers.requirements!.internal).toEqual(['Late deliveries', 'Returns up 10%']);
  });

  it('prefills from a consultant’s partial file and asks only the rest', async () => {
    const partial = loadAnswers(
      `organization: Acme Cleaning
respondent: Jane Doe
profile: { staff: false }
ratings:
  leadership: { whatever-it-takes: 5, right-first-time: 5, owner-example: 5, success-measure: 5 }
  alignment: { partnership: 3, honest-promises: 5, know-benefits: 3, customer-led-design: 1 }
  errors: { review-complaints: 3, ask-feedback: 2, eliminate-errors: 3 }
  information: { know-expectations: 4, frequent-contact: 4, shared-knowledge: 4 }
  outreach: { easy-to-deal: 4, resolve-complaints: 4 }
improve: [errors]
vision: Clear books, no surprises.
policies: null
`,
      'partial.yaml',
      q,
      { complete: false },
    );
    const { answers, prompter, error } = await run(
      [
        { kind: 'rating', answer: 4, match: 'delighting the customer' }, CONTINUE,
        ...rate(2, 2, 4), CONTINUE,
        pick('', 'Action 1 of at most 3 for Error reduction'),
        type('Late invoices', 'own data'), type(''), type('Clear invoices'), type(''),
        ...Array.from({ length: 6 }, () => type('')),
        type('', 'next assessment'),
        WRITE,
      ],
      partial,
    );
    expect(error).toBeUndefined();
    expect(prompter.remaining()).toBe(0);
    expect(prompter.asked.some((a) => /Name of your business|employees|vision|policy/i.test(a))).toBe(false);
    expect(answers.improve).toEqual(['errors']);
    expect(isWalkComplete(q, answers)).toBe(true);
  });

  it('takes the empty placeholders of a `csq init` file as questions still to ask', () => {
    const template = answersTemplate(q, en, { profile: { staff: true }, schemaUrl: './s.json', lang: 'en' });
    // A consultant filled in every rating and nothing else.
    const rated = template.replace(/^( {4}[a-z-]+:) +#.*$/gm, '$1 4');
    const answers = loadAnswers(rated, 'init.yaml', q, { complete: false });
    expect(missingRatings(q, answers)).toEqual([]);
    expect(pendingSteps(q, answers)).toEqual([
      'organization', 'respondent', 'improve', 'actions',
      'requirements.internal', 'requirements.employees', 'requirements.topRequests',
      'visionNotes.tenYears', 'visionNotes.fiveThings', 'visionNotes.customerShoes', 'visionNotes.picture', 'vision',
      'policies', ...COMMUNICATION_SKILLS.map((k) => `communication.${k}`), 'education.kickoff', 'education.owner', 'education.training', 'review',
    ]);
    // What the walk saves for a question left empty (null) is answered; a placeholder is not.
    expect(pendingSteps(q, { ...answers, organization: 'Acme', respondent: null, vision: null })).not.toContain('vision');
    expect(pendingSteps(q, { ...answers, organization: 'Acme', respondent: null, vision: null })).not.toContain('respondent');
  });

  it('warns about a long vision and lets the owner shorten it', async () => {
    const long = 'We will be the friendliest, fastest and most reliable cleaning company in the whole region, known by every business for spotless offices, fair prices and happy staff who love their work.';
    const initial = loadAnswers(
      `organization: A\nrespondent: null\nprofile: { staff: false }\nimprove: [errors]\nactions: null\nrequirements: { internal: null, topRequests: null }\nvisionNotes: { tenYears: null, fiveThings: null, customerShoes: null, picture: null }\nratings: {}\n`,
      'a.yaml',
      q,
      { complete: false },
    );
    initial.ratings = scoreAnswers(q, loadAnswers(readFileSync('test/fixtures/solo.yaml', 'utf8'), 's.yaml', q)).sections.reduce(
      (all, s) => (s.applicable ? { ...all, [s.id]: s.ratings } : all),
      {},
    );
    const { answers, prompter } = await run([type(long, 'customer vision'), no('words'), type('Spotless, every time.', 'customer vision'), interrupt()], initial);
    expect(prompter.asked).toContain('confirm: That is 31 words. Short visions are remembered (McDonald’s: “Quality, Service, Cleanliness, Value”). Keep it as it is?');
    expect(answers.vision).toBe('Spotless, every time.');
  });

  it('lets the owner choose other areas than the three lowest', async () => {
    const script: Step[] = [
      type('A'), type(''), no(),
      ...rate(5, 5, 5, 5), CONTINUE, ...rate(3, 5, 3, 1), CONTINUE, ...rate(3, 2, 3), CONTINUE,
      ...rate(4, 4, 4), CONTINUE, ...rate(4, 4, 4), CONTINUE, ...rate(2, 2, 4), CONTINUE,
      no('Your lowest areas are'),
      { kind: 'checkbox', answer: ['outreach', 'leadership'] },
      interrupt(),
    ];
    const { answers } = await run(script);
    expect(answers.improve).toEqual(['outreach', 'leadership']);
  });

  it('rejects a malformed kickoff date at the prompt', async () => {
    const initial = loadAnswers(readFileSync('test/fixtures/full.yaml', 'utf8').replace(/education:[\s\S]*$/, ''), 'f.yaml', q, { complete: false });
    Object.assign(initial, { improve: ['errors'], actions: null, communication: { greet: null, value: null, ask: null, listen: null, help: null, invite: null } });
    const { error } = await run([type('1 December', 'kickoff')], initial);
    expect(String(error)).toContain('expected a date like 2026-11-23, found "1 December"');
  });
});

/** The answers the full script leaves: every question answered. */
async function completed(script: Step[] = fullScript): Promise<Answers> {
  const { answers, error } = await run(script);
  if (error) throw error;
  return answers;
}

describe('a one-person business', () => {
  it('rates the statements worded for one person, in the walk and in its section review', async () => {
    const { prompter, error } = await run([
      type('Solo Books'), type(''), no('employees'),
      ...rate(5, 5, 5, 5), CONTINUE, ...rate(3, 5, 3, 1), CONTINUE, ...rate(3, 2, 3), CONTINUE,
      ...rate(4, 4, 4), CONTINUE, ...rate(4, 4, 4), CONTINUE, ...rate(2, 2, 4), CONTINUE,
      ...afterRatings(false, ['Error reduction', 'Improving products, services and processes', 'Customer alignment']),
    ]);
    expect(error).toBeUndefined();
    const ratings = prompter.asked.filter((a) => a.startsWith('rating: ')).map((a) => a.slice('rating: '.length));
    expect(ratings).toHaveLength(20);
    const soloWorded = q.sections.flatMap((s) => s.statements).filter((st) => st.without?.staff);
    expect(soloWorded.length).toBeGreaterThan(0);
    for (const st of soloWorded) {
      if (q.sections.find((s) => s.statements.includes(st))!.when) continue;
      expect(ratings).toContain(st.without!.staff);
      expect(ratings).not.toContain(st.text);
    }
  });
});

describe('the actions', () => {
  it('offers only ideas that fit a one-person business, those for its weakest statements first', async () => {
    const solo = await completed([
      type('Solo Books'), type(''), no('employees'),
      ...rate(5, 5, 5, 5), CONTINUE, ...rate(3, 5, 3, 1), CONTINUE, ...rate(3, 2, 3), CONTINUE,
      ...rate(4, 4, 4), CONTINUE, ...rate(4, 4, 4), CONTINUE, ...rate(2, 2, 4), CONTINUE,
      ...afterRatings(false, ['Error reduction', 'Improving products, services and processes', 'Customer alignment']),
    ]);
    const offered: string[][] = [];
    const prompter = scriptedPrompter([pick('actions', 'Your answers'), { kind: 'checkbox', answer: [] }, pick('', 'Error reduction'), pick('', 'Improving'), pick('', 'Customer alignment'), WRITE]);
    const select = prompter.select;
    prompter.select = async (c) => {
      if (c.message.startsWith('Action')) offered.push(c.choices.map((x) => x.name));
      return select(c);
    };
    const answers = structuredClone(solo);
    await walk({ questionnaire: q, messages: en, prompter, answers, save: () => {} });
    expect(offered).toHaveLength(3);
    const all = offered.flat().join('\n');
    expect(all).not.toMatch(/\b(staff|employees?|team|managers?|meetings?|colleagues)\b/i);
    // Error reduction: "We constantly ask our customers for feedback" was rated 2, the lowest; its ideas come first.
    const errors = q.sections.find((s) => s.id === 'errors')!;
    const feedbackIdeas = errors.ideas.filter((i) => i.statements?.includes('ask-feedback')).map((i) => i.text.slice(0, 40));
    expect(feedbackIdeas.length).toBeGreaterThan(0);
    expect(feedbackIdeas.some((t) => offered[0]![0]!.startsWith(t))).toBe(true);
    expect(answers.actions).toBeNull();
  });

  it('takes at most three actions for an area, and never offers an idea twice', async () => {
    const initial = await completed();
    const prompter = scriptedPrompter([
      pick('actions', 'Your answers'),
      { kind: 'checkbox', answer: [] },
      choose('complaints log', 'Action 1 of at most 3 for Error reduction'), clear('Who'), type(''), type(''),
      choose('Proofread', 'Action 2 of at most 3'), type(''), type('2027-02-01'), type(''),
      pick('own', 'Action 3 of at most 3'), type('Fix the quote template', 'Your action'), type('Ann'), type(''), type('fewer than 1 error in 50'),
      pick('', 'Skilled'), pick('', 'Using customer information'),
      WRITE,
    ]);
    const names: string[][] = [];
    const select = prompter.select;
    prompter.select = async (c) => {
      if (c.message.includes('Error reduction')) names.push(c.choices.map((x) => x.name));
      return select(c);
    };
    const answers = structuredClone(initial);
    await walk({ questionnaire: q, messages: en, prompter, answers, save: () => {} });
    expect(prompter.remaining()).toBe(0);
    expect(names).toHaveLength(3);
    expect(names[1]!.some((n) => n.includes('complaints log'))).toBe(false);
    expect(answers.actions!.filter((a) => a.area === 'errors')).toEqual([
      { area: 'errors', action: expect.stringContaining('Keep a complaints log') },
      { area: 'errors', action: expect.stringContaining('Proofread'), owner: 'Jane Doe', due: '2027-02-01' },
      { area: 'errors', action: 'Fix the quote template', owner: 'Ann', measure: 'fewer than 1 error in 50' },
    ]);
  });
});

describe('the review screen', () => {
  it('lists every answer and changes one of each kind: a rating, a name, a list, policies, areas, actions, a date', async () => {
    const initial = await completed();
    const script: Step[] = [
      pick('ratings.errors', 'Your answers'), pick('ask-feedback', 'change an answer in this section'), { kind: 'rating', answer: 4, match: 'feedback' }, CONTINUE,
      pick('organization', 'Your answers'), type('Acme Cleaning Ltd', 'Name of your business'),
      pick('requirements.topRequests', 'Your answers'), { kind: 'checkbox', answer: ['Faster quotes'], match: 'Keep which' }, type('Parking on site', '2 of 3'), type(''),
      pick('policies', 'Your answers'), { kind: 'checkbox', answer: [1, 2], match: 'Keep which' }, type('Card payments only', 'A policy'), no('friendly'), yes('necessary'), type(''), type('', 'A policy'), no('new friendly'),
      pick('improve', 'Your answers'), { kind: 'checkbox', answer: ['errors', 'outreach'], match: 'areas' }, choose('My own', 'Action 1 of at most 3 for Customer outreach'), type('Call back within the hour', 'Your action'), type(''), type(''), type(''), pick('', 'Action 2'),
      pick('education.kickoff', 'Your answers'), type('2027-01-10', 'kickoff'),
      pick('review', 'Your answers'), type('2027-09-01', 'next assessment'),
      pick('profile.staff', 'Your answers'), no('employees'),
      WRITE,
    ];
    const { answers, prompter, error } = await run(script, initial);
    expect(error).toBeUndefined();
    expect(prompter.remaining()).toBe(0);
    expect(answers.ratings.errors!['ask-feedback']).toBe(4);
    expect(answers.organization).toBe('Acme Cleaning Ltd');
    expect(answers.requirements!.topRequests).toEqual(['Faster quotes', 'Parking on site']);
    expect(answers.policies!.map((p) => p.name)).toEqual(['Free re-clean within 24 hours', 'Cleaning on Sundays', 'Card payments only']);
    expect(answers.improve).toEqual(['errors', 'outreach']);
    expect(answers.review).toBe('2027-09-01');
    // The dropped policy's action went with it; the new unfriendly one brought its own; without staff, no kickoff.
    expect(answers.actions!.map((a) => a.action)).toEqual([
      expect.stringContaining('Keep a complaints log'),
      'Call five clients a month',
      'Make "Card payments only" as friendly as possible: explain why, offer a compromise',
      'Call back within the hour',
    ]);
    expect(answers.profile).toEqual({ staff: false });
    expect(answers.ratings.staff).toBeUndefined();
    expect(answers.education).toBeUndefined();
    // The review screen named the answers as they stood.
    const screens = prompter.asked.filter((a) => a.startsWith('select: Your answers'));
    expect(screens).toHaveLength(9);
  });

  it('moves the kickoff action with the kickoff date, and asks what a new staff brings', async () => {
    const initial = await completed();
    const { answers } = await run([pick('education.kickoff', 'Your answers'), type('2027-01-10', 'kickoff'), WRITE], initial);
    expect(answers.actions!.find((a) => a.action.startsWith('Kickoff'))).toMatchObject({ due: '2027-01-10', owner: 'Jane Doe' });

    const solo = structuredClone(answers);
    solo.profile = { staff: false };
    delete solo.ratings.staff;
    delete solo.education;
    delete solo.requirements!.employees;
    solo.improve = ['errors'];
    const back = await run(
      [
        pick('profile.staff', 'Your answers'), yes('employees'),
        ...rate(4, 3, 3, 2, 3), CONTINUE,
        type('They ask for weekend slots', 'employees'), type(''),
        type('2027-02-01', 'kickoff'), type('', 'owns'), type('', 'train'),
        WRITE,
      ],
      solo,
    );
    expect(back.error).toBeUndefined();
    expect(back.prompter.remaining()).toBe(0);
    expect(back.answers.ratings.staff).toEqual({ respected: 4, 'product-knowledge': 3, 'tools-skills': 3, 'encouraged-to-solve': 2, 'own-satisfaction': 3 });
    expect(back.answers.actions!.filter((a) => a.action.startsWith('Kickoff'))).toEqual([expect.objectContaining({ due: '2027-02-01' })]);
  });

  it('can stop without writing the plan, the answers kept', async () => {
    const initial = await completed();
    const prompter = scriptedPrompter([pick('-', 'Your answers')]);
    const answers = structuredClone(initial);
    const saves: string[] = [];
    await expect(walk({ questionnaire: q, messages: en, prompter, answers, save: () => saves.push('') })).resolves.toBe(false);
    expect(answers).toEqual(initial);
    await expect(walk({ questionnaire: q, messages: en, prompter: scriptedPrompter([WRITE]), answers, save: () => {} })).resolves.toBe(true);
  });
});
