/**
 * The interactive walk through steps A–E, as one declarative list of steps (`walkSteps`).
 * Each step says which answer it fills, when it applies, how it is asked and whether it
 * reopens after an interruption; progress, resume and "ask only what is missing" all come
 * from that list. The walk mutates the answers in place and calls `save` after every
 * single answer, so nothing typed is lost. Every answer passes the answers schema before
 * it is kept, so the walk never saves a file that csq would refuse.
 * No file system, no terminal: everything goes through the injected Prompter.
 */
import { COMMUNICATION_SKILLS, answersSchema, isAnswered, metaOf, missingRatings, schemaAt, type Answers } from '../core/answers.js';
import { rankIdeas } from '../core/ideas.js';
import { forbiddenCharacter, forbiddenProblem } from '../core/characters.js';
import { checkValue } from '../core/issues.js';
import { problemMessage } from '../render/problems.js';
import { bar, LONG_VISION_WORDS, wordCount } from '../core/plan.js';
import { isApplicable, resolveProfile, scaleLabel, statementText, type Questionnaire } from '../core/questionnaire.js';
import { lowestSections, scoreSection, triagePolicy, wholePercentOf } from '../core/scoring.js';
import { fill, type Messages } from '../i18n/en.js';
import type { Prompter } from './prompter.js';

export interface WalkContext {
  questionnaire: Questionnaire;
  messages: Messages;
  prompter: Prompter;
  answers: Answers;
  save: () => void;
}

/** The groups of questions, each introduced once when the walk first asks one of its steps. */
type Group = 'welcome' | 'A' | 'actions' | 'B' | 'vision' | 'policies' | 'D' | 'E' | 'review';

interface Step {
  /** The answer it fills, as a dotted path (`requirements.internal`). */
  id: string;
  group: Group;
  /** Whether the answers already hold it. */
  answered: (a: Answers) => boolean;
  /** Whether it applies to these answers (staff only, say); default: always. */
  applies?: (a: Answers) => boolean;
  /** A list that an interruption can cut short: it reopens when the walk resumes. */
  list?: boolean;
  ask: (ctx: Walk) => Promise<void>;
  /** On the review screen: what the answer is called, and how it reads now. */
  label: (ctx: Walk) => string;
  shown: (ctx: Walk) => string;
  /** How the review screen changes it (default: asked again, the current answer as the default). */
  edit?: (ctx: Walk) => Promise<void>;
}

interface Walk extends WalkContext {
  /** The step, if any, that an interruption cut short, or that the review screen changes. */
  reopen?: string;
  /** Asking again from the review screen: the current answer is the default. */
  editing?: boolean;
}

type Action = NonNullable<Answers['actions']>[number];

/** Up to this many actions for each area to improve: the method's "focused" (you can work on only a few). */
const ACTIONS_PER_AREA = 3;

const at = (a: Answers, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), a);
const filled = (path: string) => (a: Answers) => isAnswered(at(a, path));

function hasStaff(q: Questionnaire, answers: Answers): boolean {
  return q.profile.some((p) => p.id === 'staff') && resolveProfile(q, answers.profile).staff === true;
}

/** Every question of the walk, in order. */
export function walkSteps(q: Questionnaire): Step[] {
  const staff = (a: Answers) => hasStaff(q, a);
  // A prefilled vision means the prompts that lead to it are not needed.
  const note = (key: string) => (a: Answers) => isAnswered(a.vision) || isAnswered(at(a, `visionNotes.${key}`));
  const noVision = (a: Answers) => !isAnswered(a.vision);
  /** A free-text step: asked, shown and changed the same way. */
  const textStep = (id: string, group: Group, message: (w: Walk) => string, more: Partial<Step> & { required?: boolean } = {}): Step => ({
    id,
    group,
    answered: filled(id),
    ask: (w) => askText(w, id, message(w), { required: more.required }),
    label: message,
    shown: (w) => shownText(w, at(w.answers, id)),
    ...more,
  });
  const listStep = (id: string, group: Group, message: (w: Walk, n: number) => string, max = Infinity, lead?: (w: Walk) => string, more: Partial<Step> = {}): Step => ({
    id,
    group,
    list: true,
    answered: filled(id),
    ask: (w) => askList(w, id, (n) => message(w, n), max, lead?.(w)),
    label: (w) => message(w, 1),
    shown: (w) => shownText(w, at(w.answers, id)),
    edit: (w) => editList(w, id, (n) => message(w, n), max),
    ...more,
  });
  const other = (w: Walk, n: number, first: string) => (n === 1 ? first : w.messages.walk.another);
  return [
    textStep('organization', 'welcome', (w) => w.messages.walk.organization, { required: true }),
    textStep('respondent', 'welcome', (w) => w.messages.walk.respondent),
    ...q.profile.map(
      (p): Step => ({
        id: `profile.${p.id}`,
        group: 'welcome',
        answered: (a) => a.profile?.[p.id] !== undefined,
        ask: async (w) => {
          const current = w.answers.profile?.[p.id];
          w.answers.profile = { ...w.answers.profile, [p.id]: await w.prompter.confirm({ message: p.question, default: current ?? p.default }) };
          dropWhatNoLongerApplies(w);
          w.save();
        },
        label: () => p.question,
        shown: (w) => (resolveProfile(q, w.answers.profile)[p.id] ? w.messages.prompts.yes : w.messages.prompts.no),
      }),
    ),
    ...q.sections.map(
      (section): Step => ({
        id: `ratings.${section.id}`,
        group: 'A',
        applies: (a) => isApplicable(section, resolveProfile(q, a.profile)),
        answered: (a) => section.statements.every((st) => a.ratings[section.id]?.[st.id] !== undefined),
        ask: (w) => rateSection(w, section.id),
        label: () => section.title,
        shown: (w) => {
          const { score, max } = scoreSection(q, section, w.answers.ratings[section.id] ?? {});
          return fill(w.messages.walk.sectionScoreShort, { score, max, percent: wholePercentOf(score, max) });
        },
      }),
    ),
    {
      id: 'improve',
      group: 'A',
      answered: (a) => a.improve !== undefined,
      ask: confirmImprove,
      edit: editImprove,
      label: (w) => w.messages.walk.reviewImprove,
      shown: (w) => (w.answers.improve ?? []).map((id) => q.sections.find((s) => s.id === id)?.title ?? id).join(', '),
    },
    {
      id: 'actions',
      group: 'actions',
      list: true,
      answered: filled('actions'),
      ask: (w) => askActions(w),
      label: (w) => w.messages.walk.reviewActions,
      shown: (w) => shownText(w, (w.answers.actions ?? []).map((a) => a.action)),
      edit: editActions,
    },
    listStep('requirements.internal', 'B', (w, n) => other(w, n, w.messages.walk.internal)),
    listStep('requirements.employees', 'B', (w, n) => other(w, n, w.messages.walk.employees), Infinity, undefined, { applies: staff }),
    listStep('requirements.topRequests', 'B', (w, n) => fill(w.messages.walk.topRequests, { n }), 3),
    textStep('visionNotes.tenYears', 'vision', (w) => w.messages.method.visionPrompts.tenYears, { applies: noVision, answered: note('tenYears') }),
    listStep('visionNotes.fiveThings', 'vision', (w, n) => fill(w.messages.walk.fiveThings, { n }), 5, (w) => w.messages.method.visionPrompts.fiveThings, {
      applies: noVision,
      answered: note('fiveThings'),
    }),
    textStep('visionNotes.customerShoes', 'vision', (w) => w.messages.method.visionPrompts.customerShoes, { applies: noVision, answered: note('customerShoes') }),
    textStep('visionNotes.picture', 'vision', (w) => w.messages.method.visionPrompts.picture, { applies: noVision, answered: note('picture') }),
    { ...textStep('vision', 'vision', (w) => w.messages.walk.vision), ask: askVision },
    {
      id: 'policies',
      group: 'policies',
      list: true,
      answered: filled('policies'),
      ask: askPolicies,
      label: (w) => w.messages.walk.reviewPolicies,
      shown: (w) => shownText(w, (w.answers.policies ?? []).map((p) => p.name)),
      edit: editPolicies,
    },
    ...COMMUNICATION_SKILLS.map((key) =>
      textStep(`communication.${key}`, 'D', (w) => w.messages.method.skills[key].name, {
        ask: async (w) => {
          const skill = w.messages.method.skills[key];
          w.prompter.say(fill(w.messages.walk.skill, { name: skill.name, voice: skill.voice }));
          await askText(w, `communication.${key}`, skill.tip);
        },
      }),
    ),
    ...(['kickoff', 'owner', 'training'] as const).map((key) =>
      textStep(`education.${key}`, 'E', (w) => w.messages.walk[key], {
        applies: staff,
        ask: async (w) => {
          await askText(w, `education.${key}`, w.messages.walk[key]);
          if (key !== 'training') syncKickoffAction(w);
        },
      }),
    ),
    textStep('review', 'review', (w) => w.messages.walk.reviewDate),
  ];
}

/** The steps that apply to these answers and are not answered yet. */
export function pendingSteps(q: Questionnaire, answers: Answers): string[] {
  return walkSteps(q)
    .filter((step) => (step.applies?.(answers) ?? true) && !step.answered(answers))
    .map((step) => step.id);
}

/** Whether the walk still has questions for these answers. */
export function isWalkComplete(q: Questionnaire, answers: Answers): boolean {
  return pendingSteps(q, answers).length === 0;
}

/** The list the owner was filling in when interrupted: answered, but nothing after it is. */
function interruptedList(steps: Step[], answers: Answers): string | undefined {
  const applying = steps.filter((step) => step.applies?.(answers) ?? true);
  const next = applying.findIndex((step) => !step.answered(answers));
  const previous = applying[next - 1];
  return next > 0 && previous?.list ? previous.id : undefined;
}

/** Asks what is missing, then shows the review screen; resolves to whether the owner wants the plan written now. */
export async function walk(context: WalkContext): Promise<boolean> {
  const steps = walkSteps(context.questionnaire);
  const w: Walk = { ...context, reopen: interruptedList(steps, context.answers) };
  await askPending(w, steps);
  return reviewScreen(w, steps);
}

/** Every step not answered yet, in order; each run of steps of one group with the group's opening and closing words. */
async function askPending(w: Walk, steps: Step[]): Promise<void> {
  let group: Group | undefined;
  for (const step of steps) {
    if (!(step.applies?.(w.answers) ?? true)) continue;
    if (step.answered(w.answers) && w.reopen !== step.id) continue;
    if (group !== step.group) {
      if (group) outro(w, group);
      intro(w, step.group);
      group = step.group;
    }
    await step.ask(w);
  }
  if (group) outro(w, group);
  w.reopen = undefined;
}

/**
 * The last screen: every answer, any of which can be changed before the plan is written.
 * A change that brings new questions (a business that now has staff) asks them, then comes back.
 */
async function reviewScreen(w: Walk, steps: Step[]): Promise<boolean> {
  const m = w.messages.walk;
  for (;;) {
    const shown = steps.filter((step) => step.applies?.(w.answers) ?? true);
    const width = Math.min(Math.max(...shown.map((step) => step.label(w).length)), 40);
    const choice = await w.prompter.select<string>({
      message: m.reviewScreen,
      pageSize: 15,
      choices: [
        { name: m.reviewWrite, value: '' },
        ...shown.map((step) => ({ name: `${truncate(step.label(w), width).padEnd(width)}  ${truncate(step.shown(w), 60)}`, value: step.id })),
        { name: m.reviewLater, value: '-' },
      ],
    });
    if (choice === '') return true;
    if (choice === '-') return false;
    const step = steps.find((s) => s.id === choice)!;
    w.editing = true;
    w.reopen = step.id;
    try {
      await (step.edit ?? step.ask)(w);
    } finally {
      w.editing = false;
      w.reopen = undefined;
    }
    await askPending(w, steps);
  }
}

/** How an answer reads on the review screen: a text, the items of a list, or "–". */
function shownText(w: Walk, value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '–' : value.join('; ');
  return typeof value === 'string' && value !== '' ? value.replace(/\s+/g, ' ') : '–';
}

/** After the profile changes: what no longer applies goes (a staff section's ratings when there is no staff). */
function dropWhatNoLongerApplies(w: Walk): void {
  const q = w.questionnaire;
  const profile = resolveProfile(q, w.answers.profile);
  for (const section of q.sections) if (!isApplicable(section, profile)) delete w.answers.ratings[section.id];
  if (w.answers.improve) {
    const kept = w.answers.improve.filter((id) => isApplicable(q.sections.find((s) => s.id === id)!, profile));
    w.answers.improve = kept.length > 0 ? kept : undefined;
  }
  if (!hasStaff(q, w.answers)) {
    if (w.answers.requirements) delete w.answers.requirements.employees;
    delete w.answers.education;
    syncKickoffAction(w);
  }
}

function intro({ questionnaire: q, messages: m, prompter: p, answers }: Walk, group: Group): void {
  const w = m.walk;
  const texts: Record<Group, () => string | undefined> = {
    welcome: () =>
      answers.organization === undefined || answers.organization === ''
        ? `\n${w.title}\n\n${fill(w.welcome, { staffPart: q.profile.some((pr) => pr.id === 'staff') ? w.welcomeStaffPart : '' })}\n${w.savedAsYouGo}\n`
        : undefined,
    A: () =>
      missingRatings(q, answers).length > 0 ? `\n${w.stepA}\n${resolveProfile(q, answers.profile).staff ? w.perspectiveStaff : w.perspectiveSolo}\n` : undefined,
    actions: () => `\n${w.actionsIntro}`,
    B: () => `\n${w.stepB}\n${w.requirementsIntro}\n`,
    vision: () => `\n${w.stepC}\n${w.visionIntro}\n`,
    policies: () => `\n${w.policiesIntro}\n`,
    D: () => `\n${w.stepD}\n${w.communicationIntro}\n`,
    E: () => `\n${w.stepE}`,
    review: () => `\n${w.reviewIntro}`,
  };
  const text = texts[group]();
  if (text !== undefined) p.say(text);
}

function outro({ messages: m, prompter: p }: Walk, group: Group): void {
  if (group === 'B') p.say(m.walk.compare);
  if (group === 'D') {
    p.say(`\n${m.walk.problemSteps}`);
    m.method.problemSteps.forEach((step, i) => p.say(`  ${i + 1}. ${step.name}: ${step.detail}`));
  }
}

/** Sets the answer at a dotted path, creating the mappings on the way. */
function setAt(answers: Answers, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = answers as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

/** The answers schema's verdict on one answer, and the rule for characters csq reads: an error text, or true. */
function check(w: Walk, path: string, value: unknown): string | true {
  const found = typeof value === 'string' ? forbiddenCharacter(value) : undefined;
  if (found) return problemMessage(forbiddenProblem(found), w.messages);
  const schema = schemaAt(answersSchema(w.questionnaire), path.split('.'));
  const complaint = schema && checkValue(schema, value);
  return complaint ? problemMessage(complaint, w.messages) : true;
}

/**
 * One free-text answer. Empty is "left empty" (null) unless the answer is required; a
 * single-line field joins the lines of a paste, and says so.
 */
async function askText(w: Walk, path: string, message: string, options: { required?: boolean } = {}): Promise<void> {
  const m = w.messages.walk;
  const singleLine = metaOf(schemaAt(answersSchema(w.questionnaire), path.split('.'))).singleLine === true;
  const current = at(w.answers, path);
  const raw = await w.prompter.input({
    message,
    ...(w.editing && typeof current === 'string' && current !== '' ? { default: current } : {}),
    validate: (value) => {
      const trimmed = value.trim();
      if (!trimmed) return options.required ? m.required : true;
      return check(w, path, singleLine ? joinLines(trimmed) : trimmed);
    },
  });
  let value = raw.trim();
  if (singleLine && value.includes('\n')) {
    w.prompter.say(fill(m.joinedLines, { count: value.split('\n').filter((l) => l.trim()).length }));
    value = joinLines(value);
  }
  setAt(w.answers, path, value === '' ? null : value);
  w.save();
}

const joinLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');

/**
 * Ask for list items one by one (each saved at once) until an empty answer or the maximum.
 * A paste of several lines adds one item per line. A list left empty is saved as null.
 */
async function askList(w: Walk, path: string, message: (n: number) => string, max = Infinity, lead?: string): Promise<void> {
  const m = w.messages.walk;
  const current = at(w.answers, path);
  const list = w.reopen === path && Array.isArray(current) ? (current as string[]) : [];
  if (lead) w.prompter.say(lead);
  if (list.length > 0) w.prompter.say(fill(m.soFar, { items: list.join('; ') }));
  while (list.length < max) {
    const entered = await w.prompter.input({
      message: message(list.length + 1),
      validate: (value) => {
        for (const item of splitLines(value)) {
          const verdict = check(w, `${path}.0`, item);
          if (verdict !== true) return verdict;
        }
        return true;
      },
    });
    const items = splitLines(entered);
    if (items.length === 0) break;
    const room = max - list.length;
    list.push(...items.slice(0, room));
    if (items.length > 1) w.prompter.say(fill(m.pastedItems, { count: Math.min(items.length, room) }));
    if (items.length > room) w.prompter.say(fill(m.listFull, { max, dropped: items.slice(room).join('; ') }));
    setAt(w.answers, path, list);
    w.save();
  }
  if (list.length === 0) {
    setAt(w.answers, path, null);
    w.save();
  }
}

const splitLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

async function rateSection(w: Walk, id: string): Promise<void> {
  const { questionnaire: q, messages: m, prompter: p, answers, save } = w;
  const wm = m.walk;
  const profile = resolveProfile(q, answers.profile);
  const sections = q.sections.filter((s) => isApplicable(s, profile));
  const index = sections.findIndex((s) => s.id === id);
  const section = sections[index]!;
  // The number of the section's first statement, counted over the applicable ones.
  const offset = sections.slice(0, index).reduce((n, s) => n + s.statements.length, 0);
  const total = sections.reduce((n, s) => n + s.statements.length, 0);
  const rate = async (statementIndex: number) => {
    const statement = section.statements[statementIndex]!;
    const header = fill(wm.progress, { section: index + 1, sections: sections.length, title: section.title, statement: offset + statementIndex + 1, statements: total });
    const value = await p.rating({
      // A one-person business rates the statement worded for one person.
      message: statementText(statement, profile),
      header,
      min: q.scale.min,
      max: q.scale.max,
      labels: q.scale.labels,
      default: answers.ratings[section.id]?.[statement.id],
      help: fill(wm.ratingHelp, { min: q.scale.min, max: Math.min(q.scale.max, 9) }),
      chooseFirst: wm.ratingChooseFirst,
      notOnScale: wm.ratingNotOnScale,
    });
    answers.ratings[section.id] = { ...answers.ratings[section.id], [statement.id]: value };
    save();
  };
  for (const [i, st] of section.statements.entries()) if (answers.ratings[section.id]?.[st.id] === undefined) await rate(i);
  // Review before moving on: inquirer has no "back", so offer changes here.
  for (;;) {
    const { score, max } = scoreSection(q, section, answers.ratings[section.id] ?? {});
    p.say(fill(wm.sectionScore, { title: section.title, score, max, percent: wholePercentOf(score, max) }));
    const choice = await p.select<string>({
      message: wm.review,
      choices: [
        { name: wm.reviewContinue, value: '' },
        ...section.statements.map((st) => {
          const r = answers.ratings[section.id]![st.id]!;
          return { name: `${r} ${scaleLabel(q, r)} · ${truncate(statementText(st, profile), 60)}`, value: st.id };
        }),
      ],
    });
    if (choice === '') break;
    await rate(section.statements.findIndex((st) => st.id === choice));
  }
}

async function confirmImprove(w: Walk): Promise<void> {
  const { questionnaire: q, messages: m, prompter: p, answers, save } = w;
  const profile = resolveProfile(q, answers.profile);
  const results = q.sections.filter((s) => isApplicable(s, profile)).map((s) => ({ id: s.id, title: s.title, ...scoreSection(q, s, answers.ratings[s.id] ?? {}) }));
  const width = Math.max(...results.map((r) => r.title.length));
  p.say(`\n${m.walk.scores}`);
  for (const r of results) p.say(`  ${r.title.padEnd(width)}  ${bar(r.score, r.max)} ${String(wholePercentOf(r.score, r.max)).padStart(3)}%`);
  const proposed = lowestSections(results.map((r) => ({ ...r, applicable: true })));
  const title = (id: string) => q.sections.find((s) => s.id === id)!.title;
  if (await p.confirm({ message: fill(m.walk.proposeImprove, { areas: proposed.map(title).join(', ') }), default: true })) {
    answers.improve = proposed;
    save();
  } else await pickImprove(w, proposed);
}

/** One to three areas, from a list of every applicable area with its score. */
async function pickImprove(w: Walk, checked: readonly string[]): Promise<void> {
  const { questionnaire: q, messages: m, answers } = w;
  const profile = resolveProfile(q, answers.profile);
  const results = q.sections.filter((s) => isApplicable(s, profile)).map((s) => ({ id: s.id, title: s.title, ...scoreSection(q, s, answers.ratings[s.id] ?? {}) }));
  answers.improve = await w.prompter.checkbox({
    message: m.walk.pickImprove,
    choices: results.map((r) => ({ name: `${r.title} (${wholePercentOf(r.score, r.max)}%)`, value: r.id, checked: checked.includes(r.id) })),
    validate: (chosen) => (chosen.length >= 1 && chosen.length <= 3) || m.walk.pickImproveError,
  });
  w.save();
}

async function askVision(w: Walk): Promise<void> {
  const { messages: m, prompter: p, answers, save } = w;
  let text = w.editing ? (answers.vision ?? '') : '';
  for (;;) {
    text = (await p.input({ message: m.walk.vision, default: text || undefined, validate: (v) => check(w, 'vision', v.trim()) })).trim();
    answers.vision = text === '' ? null : text;
    save();
    const words = wordCount(text);
    if (words <= LONG_VISION_WORDS || (await p.confirm({ message: fill(m.walk.visionLong, { words }), default: false }))) break;
  }
}

async function askPolicies(w: Walk): Promise<void> {
  const { messages: m, prompter: p, answers, save } = w;
  const wm = m.walk;
  const list = w.reopen === 'policies' && Array.isArray(answers.policies) ? answers.policies : [];
  if (list.length > 0) p.say(fill(wm.soFar, { items: list.map((policy) => policy.name).join('; ') }));
  const name = async (message: string) => {
    const entered = await p.input({ message, validate: (v) => (v.trim() ? check(w, 'policies.0.name', joinLines(v)) : true) });
    return joinLines(entered);
  };
  for (;;) {
    const policy = await name(wm.policyName);
    if (!policy) break;
    const friendly = await p.confirm({ message: fill(wm.policyFriendly, { name: policy }), default: false });
    const necessary = await p.confirm({ message: wm.policyNecessary, default: true });
    const note = (await p.input({ message: wm.policyNote, validate: (v) => check(w, 'policies.0.note', v.trim()) })).trim();
    list.push({ name: policy, friendly, necessary, ...(note ? { note } : {}) });
    answers.policies = list;
    save();
    const action = policyAction(w, list.at(-1)!);
    if (action) addActions(w, [action]);
  }
  if (list.length === 0) p.say(wm.noPolicies);
  else {
    p.say(`\n${wm.triage}`);
    for (const policy of list) {
      const action = m.method.policyActions[triagePolicy(policy)];
      p.say(`  • ${policy.name}: ${action.group}. ${action.action}`);
    }
  }
  if (await p.confirm({ message: wm.addFriendly, default: false })) {
    for (;;) {
      const policy = await name(wm.newFriendly);
      if (!policy) break;
      // A new friendly policy is one the business chooses to offer: friendly, not required.
      list.push({ name: policy, friendly: true, necessary: false });
      answers.policies = list;
      save();
    }
  }
  answers.policies = list.length > 0 ? list : null;
  save();
}

/** An action's owner, due date and measure, each optional: asked one after the other. */
async function actionDetails(w: Walk, action: string, area: string | undefined): Promise<Action> {
  const m = w.messages.walk;
  const optional = async (path: string, message: string, fallback?: string | null) => {
    const value = (await w.prompter.input({ message, ...(fallback ? { default: fallback } : {}), validate: (v) => (v.trim() ? check(w, `actions.0.${path}`, joinLines(v)) : true) })).trim();
    return value === '' ? undefined : joinLines(value);
  };
  const owner = await optional('owner', m.actionOwner, w.answers.respondent);
  const due = await optional('due', m.actionDue);
  const measure = await optional('measure', m.actionMeasure);
  return { ...(area ? { area } : {}), action, ...(owner ? { owner } : {}), ...(due ? { due } : {}), ...(measure ? { measure } : {}) };
}

/**
 * For each area to improve, up to three actions: from the ideas that fit the business, those
 * for its weakest statements first, or in the owner's own words; each with its owner, due date
 * and measure. Every one is saved at once. None at all is saved as null. After an
 * interruption it goes on from the area it stopped in.
 */
async function askActions(w: Walk, areas: readonly string[] = w.answers.improve ?? []): Promise<void> {
  const { questionnaire: q, messages: m, prompter: p } = w;
  const wm = m.walk;
  const profile = resolveProfile(q, w.answers.profile);
  const list: Action[] = w.reopen === 'actions' && Array.isArray(w.answers.actions) ? w.answers.actions : [];
  const resumeFrom = w.reopen === 'actions' && !w.editing ? Math.max(0, ...areas.map((id, i) => (list.some((a) => a.area === id) ? i : 0))) : 0;
  for (const id of areas.slice(resumeFrom)) {
    const section = q.sections.find((s) => s.id === id)!;
    const ofArea = () => list.filter((a) => a.area === id);
    if (ofArea().length >= ACTIONS_PER_AREA) continue;
    p.say(`\n${section.title}`);
    if (ofArea().length > 0) p.say(fill(wm.soFar, { items: ofArea().map((a) => a.action).join('; ') }));
    while (ofArea().length < ACTIONS_PER_AREA) {
      const count = ofArea().length;
      const ideas = rankIdeas(section, w.answers.ratings[id] ?? {}, profile).filter((r) => !list.some((a) => a.action === r.idea.text));
      const choice = await p.select<string>({
        message: fill(wm.actionPick, { area: section.title, n: count + 1, max: ACTIONS_PER_AREA }),
        pageSize: 10,
        choices: [
          ...ideas.slice(0, 6).map((r) => ({ name: truncate(r.idea.text, 100), value: String(r.index) })),
          { name: wm.actionOwn, value: 'own' },
          { name: count > 0 ? wm.actionsDone : wm.actionsSkip, value: '' },
        ],
      });
      if (choice === '') break;
      const text =
        choice === 'own'
          ? joinLines((await p.input({ message: wm.actionText, validate: (v) => (v.trim() ? check(w, 'actions.0.action', joinLines(v)) : wm.required) })).trim())
          : section.ideas[Number(choice)]!.text;
      list.push(await actionDetails(w, text, id));
      w.answers.actions = list;
      w.save();
    }
  }
  w.answers.actions = list.length > 0 ? list : null;
  w.save();
}

/** The action a policy calls for, if any: drop it, or make it as friendly as it can be. */
function policyAction(w: Walk, policy: NonNullable<Answers['policies']>[number]): Action | undefined {
  const t = w.messages.plan;
  const triage = triagePolicy(policy);
  if (triage === 'drop') return { action: fill(t.actionDropPolicy, { name: policy.name }) };
  if (triage === 'make-friendlier') return { action: fill(t.actionSoftenPolicy, { name: policy.name }) };
  return undefined;
}

/** Adds actions the answers call for (once each), and says so. */
function addActions(w: Walk, wanted: Action[]): void {
  const list = w.answers.actions ?? [];
  const added = wanted.filter((a) => !list.some((b) => b.action === a.action));
  if (added.length === 0) return;
  w.answers.actions = [...list, ...added];
  w.save();
  w.prompter.say(fill(w.messages.walk.actionsAdded, { items: added.map((a) => a.action).join('; ') }));
}

/** With staff and a kickoff date, the kickoff meeting is an action, due that day and owned by the rollout's owner. */
function syncKickoffAction(w: Walk): void {
  const text = w.messages.plan.actionKickoff;
  const kickoff = w.answers.education?.kickoff;
  const owner = w.answers.education?.owner;
  const list = w.answers.actions ?? [];
  const index = list.findIndex((a) => a.action === text);
  if (!hasStaff(w.questionnaire, w.answers) || !kickoff) {
    if (index < 0) return;
    list.splice(index, 1);
    w.answers.actions = list.length > 0 ? list : null;
    w.save();
    return;
  }
  const action: Action = { action: text, due: kickoff, ...(owner ? { owner } : {}) };
  if (index < 0) return addActions(w, [action]);
  list[index] = { ...list[index], ...action };
  w.save();
}

/** On the review screen, a list: keep which items, then add more. */
async function editList(w: Walk, path: string, message: (n: number) => string, max: number): Promise<void> {
  const current = at(w.answers, path);
  const items = Array.isArray(current) ? (current as string[]) : [];
  const kept = items.length > 0 ? await w.prompter.checkbox({ message: w.messages.walk.keepWhich, choices: items.map((item) => ({ name: item, value: item, checked: true })) }) : [];
  setAt(w.answers, path, kept.length > 0 ? kept : null);
  w.save();
  await askList(w, path, message, max);
}

/** On the review screen, the policies: keep which, then add more. A policy let go takes its action with it. */
async function editPolicies(w: Walk): Promise<void> {
  const items = w.answers.policies ?? [];
  const kept = items.length > 0 ? await w.prompter.checkbox({ message: w.messages.walk.keepWhich, choices: items.map((policy, i) => ({ name: policy.name, value: i, checked: true })) }) : [];
  w.answers.policies = kept.length > 0 ? kept.map((i) => items[i]!) : null;
  const gone = items.filter((_, i) => !kept.includes(i)).map((policy) => policyAction(w, policy)?.action);
  const actions = (w.answers.actions ?? []).filter((a) => !gone.includes(a.action));
  if (w.answers.actions) w.answers.actions = actions.length > 0 ? actions : null;
  w.save();
  await askPolicies(w);
}

/** On the review screen, the areas to improve: choose again; a new area is asked for its actions. */
async function editImprove(w: Walk): Promise<void> {
  const before = w.answers.improve ?? [];
  await pickImprove(w, before);
  const added = (w.answers.improve ?? []).filter((id) => !before.includes(id));
  if (added.length === 0) return;
  w.reopen = 'actions';
  await askActions(w, added);
}

async function editActions(w: Walk): Promise<void> {
  const items = w.answers.actions ?? [];
  const kept = items.length > 0 ? await w.prompter.checkbox({ message: w.messages.walk.keepWhich, choices: items.map((a, i) => ({ name: a.action, value: i, checked: true })) }) : [];
  w.answers.actions = kept.length > 0 ? kept.map((i) => items[i]!) : null;
  w.save();
  await askActions(w);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
