/**
 * The interactive walk through steps A–E. It asks only what the answers do not
 * hold yet (absent = not asked; empty = asked and skipped), mutates the answers
 * in place and calls `save` after every single answer, so nothing typed is lost.
 * No file system, no terminal: everything goes through the injected Prompter.
 */
import { COMMUNICATION_SKILLS, missingRatings, type Answers } from '../core/answers.js';
import { bar, LONG_VISION_WORDS, wordCount } from '../core/plan.js';
import { isApplicable, resolveProfile, scaleLabel, type Questionnaire } from '../core/questionnaire.js';
import { lowestSections, percentOf, triagePolicy, wholePercentOf } from '../core/scoring.js';
import type { SectionResult } from '../core/result.js';
import { fill, type Messages } from '../i18n/en.js';
import type { Prompter } from './prompter.js';

export interface WalkContext {
  questionnaire: Questionnaire;
  messages: Messages;
  prompter: Prompter;
  answers: Answers;
  save: () => void;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The walk's questions in order, each known answered or not from the answers alone. */
interface Slot {
  id: string;
  answered: (a: Answers) => boolean;
  /** Lists may have been cut short by an interruption: they reopen on resume. */
  list?: boolean;
}

function slots(q: Questionnaire, answers: Answers): Slot[] {
  const staff = hasStaff(q, answers);
  // A prefilled vision means the vision prompts are not needed.
  const note = (key: 'tenYears' | 'fiveThings' | 'customerShoes' | 'picture') => (a: Answers) => a.vision !== undefined || a.visionNotes?.[key] !== undefined;
  return [
    { id: 'organization', answered: (a) => a.organization !== undefined },
    { id: 'respondent', answered: (a) => a.respondent !== undefined },
    ...q.profile.map((p) => ({ id: `profile.${p.id}`, answered: (a: Answers) => a.profile?.[p.id] !== undefined })),
    { id: 'ratings', answered: (a) => missingRatings(q, a).length === 0 },
    { id: 'improve', answered: (a) => a.improve !== undefined },
    { id: 'requirements.internal', answered: (a) => a.requirements?.internal !== undefined, list: true },
    ...(staff ? [{ id: 'requirements.employees', answered: (a: Answers) => a.requirements?.employees !== undefined, list: true }] : []),
    { id: 'requirements.topRequests', answered: (a) => a.requirements?.topRequests !== undefined, list: true },
    { id: 'visionNotes.tenYears', answered: note('tenYears') },
    { id: 'visionNotes.fiveThings', answered: note('fiveThings'), list: true },
    { id: 'visionNotes.customerShoes', answered: note('customerShoes') },
    { id: 'visionNotes.picture', answered: note('picture') },
    { id: 'vision', answered: (a) => a.vision !== undefined },
    { id: 'policies', answered: (a) => a.policies !== undefined, list: true },
    ...COMMUNICATION_SKILLS.map((k) => ({ id: `communication.${k}`, answered: (a: Answers) => a.communication?.[k] !== undefined })),
    ...(staff
      ? (['kickoff', 'owner', 'training'] as const).map((k) => ({ id: `education.${k}`, answered: (a: Answers) => a.education?.[k] !== undefined }))
      : []),
  ];
}

/** Whether the walk still has questions for these answers. */
export function isWalkComplete(q: Questionnaire, answers: Answers): boolean {
  return slots(q, answers).every((slot) => slot.answered(answers));
}

/** The list the owner was filling in when interrupted: answered, but nothing after it is. */
function interruptedList(q: Questionnaire, answers: Answers): string | undefined {
  const all = slots(q, answers);
  const next = all.findIndex((slot) => !slot.answered(answers));
  const previous = all[next - 1];
  return next > 0 && previous?.list ? previous.id : undefined;
}

function hasStaff(q: Questionnaire, answers: Answers): boolean {
  return q.profile.some((p) => p.id === 'staff') && resolveProfile(q, answers.profile).staff === true;
}

/** Inside the walk: the context plus the list, if any, that an interruption cut short. */
interface Step extends WalkContext {
  reopen?: string;
}

export async function walk(context: WalkContext): Promise<Answers> {
  const ctx: Step = { ...context, reopen: interruptedList(context.questionnaire, context.answers) };
  await welcome(ctx);
  await assess(ctx);
  await requirements(ctx);
  await vision(ctx);
  await policies(ctx);
  await communication(ctx);
  if (hasStaff(ctx.questionnaire, ctx.answers)) await education(ctx);
  return ctx.answers;
}

async function welcome({ questionnaire: q, messages: m, prompter: p, answers, save }: Step) {
  const w = m.walk;
  if (answers.organization === undefined) {
    p.say(`\n${w.title}\n`);
    const staffPart = q.profile.some((pr) => pr.id === 'staff') ? w.welcomeStaffPart : '';
    p.say(`${fill(w.welcome, { staffPart })}\n${w.savedAsYouGo}\n`);
    answers.organization = (await p.input({ message: w.organization })).trim();
    save();
  }
  if (answers.respondent === undefined) {
    answers.respondent = (await p.input({ message: w.respondent })).trim();
    save();
  }
  for (const question of q.profile) {
    if (answers.profile?.[question.id] !== undefined) continue;
    const value = await p.confirm({ message: question.question, default: question.default });
    answers.profile = { ...answers.profile, [question.id]: value };
    save();
  }
}

function sectionResult(q: Questionnaire, answers: Answers, id: string): SectionResult {
  const section = q.sections.find((s) => s.id === id)!;
  const ratings = answers.ratings[id] ?? {};
  const score = section.statements.reduce((sum, st) => sum + (ratings[st.id] ?? 0), 0);
  const max = q.scale.max * section.statements.length;
  return { id, title: section.title, applicable: true, score, max, percent: percentOf(score, max), ratings };
}

async function assess(ctx: Step) {
  const { questionnaire: q, messages: m, prompter: p, answers, save } = ctx;
  const w = m.walk;
  const profile = resolveProfile(q, answers.profile);
  const sections = q.sections.filter((s) => isApplicable(s, profile));
  // The number of the first statement of each section, counted over the applicable ones.
  const offsets = sections.map((_, i) => sections.slice(0, i).reduce((n, s) => n + s.statements.length, 0));
  const total = sections.reduce((n, s) => n + s.statements.length, 0);
  const rate = async (sectionIndex: number, statementIndex: number) => {
    const section = sections[sectionIndex]!;
    const statement = section.statements[statementIndex]!;
    const number = offsets[sectionIndex]! + statementIndex + 1;
    const header = fill(w.progress, { section: sectionIndex + 1, sections: sections.length, title: section.title, statement: number, statements: total });
    const value = await p.rating({
      message: statement.text,
      header,
      min: q.scale.min,
      max: q.scale.max,
      labels: q.scale.labels,
      default: answers.ratings[section.id]?.[statement.id],
      help: fill(w.ratingHelp, { min: q.scale.min, max: Math.min(q.scale.max, 9) }),
    });
    answers.ratings[section.id] = { ...answers.ratings[section.id], [statement.id]: value };
    save();
  };

  if (missingRatings(q, answers).length > 0) {
    p.say(`\n${w.stepA}\n${profile.staff ? w.perspectiveStaff : w.perspectiveSolo}\n`);
  }
  for (const [s, section] of sections.entries()) {
    const missing = section.statements.map((st, i) => ({ st, i })).filter(({ st }) => answers.ratings[section.id]?.[st.id] === undefined);
    if (missing.length === 0) continue;
    for (const { i } of missing) await rate(s, i);
    // Review before moving on: inquirer has no "back", so offer changes here.
    for (;;) {
      const result = sectionResult(q, answers, section.id);
      p.say(fill(w.sectionScore, { title: section.title, score: result.score!, max: result.max!, percent: wholePercentOf(result.score!, result.max!) }));
      const choice = await p.select<string>({
        message: w.review,
        choices: [
          { name: w.reviewContinue, value: '' },
          ...section.statements.map((st) => {
            const r = answers.ratings[section.id]![st.id]!;
            return { name: `${r} ${scaleLabel(q, r)} · ${truncate(st.text, 60)}`, value: st.id };
          }),
        ],
      });
      if (choice === '') break;
      await rate(s, section.statements.findIndex((st) => st.id === choice));
    }
  }

  if (answers.improve === undefined) {
    const results = sections.map((s) => sectionResult(q, answers, s.id));
    const width = Math.max(...results.map((r) => r.title.length));
    p.say(`\n${w.scores}`);
    for (const r of results) p.say(`  ${r.title.padEnd(width)}  ${bar(r.score!, r.max!)} ${String(wholePercentOf(r.score!, r.max!)).padStart(3)}%`);
    const proposed = lowestSections(results);
    const title = (id: string) => q.sections.find((s) => s.id === id)!.title;
    const accept = await p.confirm({ message: fill(w.proposeImprove, { areas: proposed.map(title).join(', ') }), default: true });
    answers.improve = accept
      ? proposed
      : await p.checkbox({
          message: w.pickImprove,
          choices: results.map((r) => ({ name: `${r.title} (${wholePercentOf(r.score!, r.max!)}%)`, value: r.id, checked: proposed.includes(r.id) })),
          validate: (chosen) => (chosen.length >= 1 && chosen.length <= 3) || w.pickImproveError,
        });
    save();
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** A new list, the interrupted one to go on with, or undefined when this list is done. */
function listToFill<T>(ctx: Step, id: string, current: T[] | undefined): T[] | undefined {
  if (current === undefined) return [];
  return ctx.reopen === id ? current : undefined;
}

/** Ask for list items one by one (each saved at once) until an empty answer or the maximum. */
async function askList(ctx: Step, list: string[], message: (n: number) => string, max = Infinity) {
  if (list.length > 0) ctx.prompter.say(fill(ctx.messages.walk.soFar, { items: list.join('; ') }));
  while (list.length < max) {
    const item = (await ctx.prompter.input({ message: message(list.length + 1) })).trim();
    if (!item) break;
    list.push(item);
    ctx.save();
  }
}

async function requirements(ctx: Step) {
  const { messages: m, prompter: p, answers, save } = ctx;
  const w = m.walk;
  const staff = hasStaff(ctx.questionnaire, answers);
  const lists = (
    [
      ['internal', (n: number) => (n === 1 ? w.internal : w.another), Infinity],
      ['employees', (n: number) => (n === 1 ? w.employees : w.another), Infinity],
      ['topRequests', (n: number) => fill(w.topRequests, { n }), 3],
    ] as const
  )
    .filter(([key]) => key !== 'employees' || staff)
    .map(([key, message, max]) => ({ key, message, max, list: listToFill(ctx, `requirements.${key}`, answers.requirements?.[key]) }));
  if (lists.every(({ list }) => list === undefined)) return;
  p.say(`\n${w.stepB}\n${w.requirementsIntro}\n`);
  for (const { key, message, max, list } of lists) {
    if (!list) continue;
    answers.requirements = { ...answers.requirements, [key]: list };
    save();
    await askList(ctx, list, message, max);
  }
  p.say(w.compare);
}

async function vision(ctx: Step) {
  const { messages: m, prompter: p, answers, save } = ctx;
  const w = m.walk;
  if (answers.vision !== undefined) return;
  p.say(`\n${w.stepC}\n${w.visionIntro}\n`);
  const prompts = m.method.visionPrompts;
  for (const key of ['tenYears', 'fiveThings', 'customerShoes', 'picture'] as const) {
    if (key === 'fiveThings') {
      const list = listToFill(ctx, 'visionNotes.fiveThings', answers.visionNotes?.fiveThings);
      if (!list) continue;
      p.say(prompts.fiveThings);
      answers.visionNotes = { ...answers.visionNotes, fiveThings: list };
      save();
      await askList(ctx, list, (n) => fill(w.fiveThings, { n }), 5);
    } else if (answers.visionNotes?.[key] === undefined) {
      const note = (await p.input({ message: prompts[key] })).trim();
      answers.visionNotes = { ...answers.visionNotes, [key]: note };
      save();
    }
  }
  let text = '';
  for (;;) {
    text = (await p.input({ message: w.vision, default: text || undefined })).trim();
    answers.vision = text;
    save();
    const words = wordCount(text);
    if (words <= LONG_VISION_WORDS || (await p.confirm({ message: fill(w.visionLong, { words }), default: false }))) break;
  }
}

async function policies(ctx: Step) {
  const { messages: m, prompter: p, answers, save } = ctx;
  const w = m.walk;
  const list = listToFill(ctx, 'policies', answers.policies);
  if (!list) return;
  p.say(`\n${w.policiesIntro}\n`);
  if (list.length > 0) p.say(fill(w.soFar, { items: list.map((policy) => policy.name).join('; ') }));
  answers.policies = list;
  save();
  for (;;) {
    const name = (await p.input({ message: w.policyName })).trim();
    if (!name) break;
    const friendly = await p.confirm({ message: fill(w.policyFriendly, { name }), default: false });
    const necessary = await p.confirm({ message: w.policyNecessary, default: true });
    const note = (await p.input({ message: w.policyNote })).trim();
    list.push({ name, friendly, necessary, ...(note ? { note } : {}) });
    save();
  }
  if (list.length === 0) p.say(w.noPolicies);
  else {
    p.say(`\n${w.triage}`);
    for (const policy of list) {
      const action = m.method.policyActions[triagePolicy(policy)];
      p.say(`  • ${policy.name}: ${action.group}. ${action.action}`);
    }
  }
  if (await p.confirm({ message: w.addFriendly, default: false })) {
    for (;;) {
      const name = (await p.input({ message: w.newFriendly })).trim();
      if (!name) break;
      // A new friendly policy is one the business chooses to offer: friendly, not required.
      list.push({ name, friendly: true, necessary: false });
      save();
    }
  }
}

async function communication(ctx: Step) {
  const { messages: m, prompter: p, answers, save } = ctx;
  const w = m.walk;
  const missing = COMMUNICATION_SKILLS.filter((k) => answers.communication?.[k] === undefined);
  if (missing.length > 0) {
    p.say(`\n${w.stepD}\n${w.communicationIntro}\n`);
    for (const key of missing) {
      const skill = m.method.skills[key];
      p.say(fill(w.skill, { name: skill.name, voice: skill.voice }));
      const plan = (await p.input({ message: skill.tip })).trim();
      answers.communication = { ...answers.communication, [key]: plan };
      save();
    }
    p.say(`\n${w.problemSteps}`);
    m.method.problemSteps.forEach((step, i) => p.say(`  ${i + 1}. ${step.name}: ${step.detail}`));
  }
}

async function education(ctx: Step) {
  const { messages: m, prompter: p, answers, save } = ctx;
  const w = m.walk;
  const missing = (['kickoff', 'owner', 'training'] as const).filter((key) => answers.education?.[key] === undefined);
  if (missing.length === 0) return;
  p.say(`\n${w.stepE}`);
  for (const key of missing) {
    const validate = key === 'kickoff' ? (v: string) => v.trim() === '' || ISO_DATE.test(v.trim()) || w.kickoffInvalid : undefined;
    const value = (await p.input({ message: w[key], validate })).trim();
    answers.education = { ...answers.education, [key]: value };
    save();
  }
}
