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
import { forbiddenCharacter, forbiddenProblem } from '../core/characters.js';
import { checkValue } from '../core/issues.js';
import { problemMessage } from '../render/problems.js';
import { bar, LONG_VISION_WORDS, wordCount } from '../core/plan.js';
import { isApplicable, resolveProfile, scaleLabel, type Questionnaire } from '../core/questionnaire.js';
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
type Group = 'welcome' | 'A' | 'B' | 'vision' | 'policies' | 'D' | 'E';

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
}

interface Walk extends WalkContext {
  /** The step, if any, that an interruption cut short. */
  reopen?: string;
}

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
  return [
    { id: 'organization', group: 'welcome', answered: filled('organization'), ask: (w) => askText(w, 'organization', w.messages.walk.organization, { required: true }) },
    { id: 'respondent', group: 'welcome', answered: filled('respondent'), ask: (w) => askText(w, 'respondent', w.messages.walk.respondent) },
    ...q.profile.map(
      (p): Step => ({
        id: `profile.${p.id}`,
        group: 'welcome',
        answered: (a) => a.profile?.[p.id] !== undefined,
        ask: async (w) => {
          w.answers.profile = { ...w.answers.profile, [p.id]: await w.prompter.confirm({ message: p.question, default: p.default }) };
          w.save();
        },
      }),
    ),
    ...q.sections.map(
      (section): Step => ({
        id: `ratings.${section.id}`,
        group: 'A',
        applies: (a) => isApplicable(section, resolveProfile(q, a.profile)),
        answered: (a) => section.statements.every((st) => a.ratings[section.id]?.[st.id] !== undefined),
        ask: (w) => rateSection(w, section.id),
      }),
    ),
    { id: 'improve', group: 'A', answered: (a) => a.improve !== undefined, ask: confirmImprove },
    { id: 'requirements.internal', group: 'B', list: true, answered: filled('requirements.internal'), ask: (w) => askList(w, 'requirements.internal', (n) => (n === 1 ? w.messages.walk.internal : w.messages.walk.another)) },
    { id: 'requirements.employees', group: 'B', list: true, applies: staff, answered: filled('requirements.employees'), ask: (w) => askList(w, 'requirements.employees', (n) => (n === 1 ? w.messages.walk.employees : w.messages.walk.another)) },
    { id: 'requirements.topRequests', group: 'B', list: true, answered: filled('requirements.topRequests'), ask: (w) => askList(w, 'requirements.topRequests', (n) => fill(w.messages.walk.topRequests, { n }), 3) },
    { id: 'visionNotes.tenYears', group: 'vision', applies: noVision, answered: note('tenYears'), ask: (w) => askText(w, 'visionNotes.tenYears', w.messages.method.visionPrompts.tenYears) },
    {
      id: 'visionNotes.fiveThings',
      group: 'vision',
      list: true,
      applies: noVision,
      answered: note('fiveThings'),
      ask: (w) => askList(w, 'visionNotes.fiveThings', (n) => fill(w.messages.walk.fiveThings, { n }), 5, w.messages.method.visionPrompts.fiveThings),
    },
    { id: 'visionNotes.customerShoes', group: 'vision', applies: noVision, answered: note('customerShoes'), ask: (w) => askText(w, 'visionNotes.customerShoes', w.messages.method.visionPrompts.customerShoes) },
    { id: 'visionNotes.picture', group: 'vision', applies: noVision, answered: note('picture'), ask: (w) => askText(w, 'visionNotes.picture', w.messages.method.visionPrompts.picture) },
    { id: 'vision', group: 'vision', answered: filled('vision'), ask: askVision },
    { id: 'policies', group: 'policies', list: true, answered: filled('policies'), ask: askPolicies },
    ...COMMUNICATION_SKILLS.map(
      (key): Step => ({
        id: `communication.${key}`,
        group: 'D',
        answered: filled(`communication.${key}`),
        ask: async (w) => {
          const skill = w.messages.method.skills[key];
          w.prompter.say(fill(w.messages.walk.skill, { name: skill.name, voice: skill.voice }));
          await askText(w, `communication.${key}`, skill.tip);
        },
      }),
    ),
    ...(['kickoff', 'owner', 'training'] as const).map(
      (key): Step => ({ id: `education.${key}`, group: 'E', applies: staff, answered: filled(`education.${key}`), ask: (w) => askText(w, `education.${key}`, w.messages.walk[key]) }),
    ),
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

export async function walk(context: WalkContext): Promise<Answers> {
  const steps = walkSteps(context.questionnaire);
  const w: Walk = { ...context, reopen: interruptedList(steps, context.answers) };
  // Each run of asked steps of one group gets the group's opening and closing words.
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
  return w.answers;
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
    B: () => `\n${w.stepB}\n${w.requirementsIntro}\n`,
    vision: () => `\n${w.stepC}\n${w.visionIntro}\n`,
    policies: () => `\n${w.policiesIntro}\n`,
    D: () => `\n${w.stepD}\n${w.communicationIntro}\n`,
    E: () => `\n${w.stepE}`,
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
  const raw = await w.prompter.input({
    message,
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
      message: statement.text,
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
          return { name: `${r} ${scaleLabel(q, r)} · ${truncate(st.text, 60)}`, value: st.id };
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
  const accept = await p.confirm({ message: fill(m.walk.proposeImprove, { areas: proposed.map(title).join(', ') }), default: true });
  answers.improve = accept
    ? proposed
    : await p.checkbox({
        message: m.walk.pickImprove,
        choices: results.map((r) => ({ name: `${r.title} (${wholePercentOf(r.score, r.max)}%)`, value: r.id, checked: proposed.includes(r.id) })),
        validate: (chosen) => (chosen.length >= 1 && chosen.length <= 3) || m.walk.pickImproveError,
      });
  save();
}

async function askVision(w: Walk): Promise<void> {
  const { messages: m, prompter: p, answers, save } = w;
  let text = '';
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

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
