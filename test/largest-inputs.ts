/**
 * The largest valid inputs under csq's limits (src/core/limits.ts), built to make the
 * largest Result: every list at its most items, every text as long as the file allows,
 * and written in the one character that grows most in JSON (a backslash: 1 byte in YAML,
 * 2 in JSON). What csq writes from them, csq must read back.
 */
import {
  MAX_ID_CHARS,
  MAX_IDEAS_PER_SECTION,
  MAX_INPUT_BYTES,
  MAX_LIST_ITEMS,
  MAX_NAME_CHARS,
  MAX_PROFILE_QUESTIONS,
  MAX_SCALE,
  MAX_SECTIONS,
  MAX_STATEMENTS_PER_SECTION,
  MAX_TEXT_CHARS,
} from '../src/core/limits.js';

const GROWS = '\\';
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** An id of exactly `length` characters, distinct per `n`. */
const idOf = (prefix: string, n: number, length = MAX_ID_CHARS) => `${prefix}${n}`.padEnd(length, 'x');

export interface LargestQuestionnaire {
  text: string;
  sections: { id: string; statements: string[] }[];
}

/**
 * A questionnaire at its bounds, one of two shapes:
 * - `wide`: every count at its maximum (sections, statements, ideas, profile questions, the 0–100 scale);
 * - `long`: every section, each title as long as the file allows (titles are copied into the Result).
 */
export function largestQuestionnaire(shape: 'wide' | 'long'): LargestQuestionnaire {
  const statementsPer = shape === 'wide' ? MAX_STATEMENTS_PER_SECTION : 1;
  const sections = Array.from({ length: MAX_SECTIONS }, (_, s) => ({
    id: idOf('s', s, shape === 'wide' ? 3 : MAX_ID_CHARS),
    statements: Array.from({ length: statementsPer }, (_, t) => idOf('t', t, shape === 'wide' ? 3 : MAX_ID_CHARS)),
  }));
  const labels = Array.from({ length: MAX_SCALE + 1 }, (_, v) => `${v}: l`).join(', ');
  // Profile questions beyond `staff` default to true and gate nothing: each is one more key in the Result.
  const profile = ['staff', ...Array.from({ length: MAX_PROFILE_QUESTIONS - 1 }, (_, p) => idOf('p', p))];
  const head = [
    'id: big',
    'version: 1',
    'lang: en',
    'title: Big',
    `scale: { min: 0, max: ${MAX_SCALE}, labels: { ${labels} } }`,
    'profile:',
    ...profile.map((id) => `  - { id: ${id}, question: q }`),
    'sections:',
  ].join('\n');
  const ideas = shape === 'wide' ? `[${Array.from({ length: MAX_IDEAS_PER_SECTION }, () => 'i').join(', ')}]` : '[]';
  const section = (s: (typeof sections)[number], title: string, i: number) =>
    [
      `  - id: ${s.id}`,
      `    title: ${title}`,
      ...(i === MAX_SECTIONS - 1 ? ['    when: staff'] : []),
      `    statements: [${s.statements.map((id) => `{ id: ${id}, text: x }`).join(', ')}]`,
      `    ideas: ${ideas}`,
    ].join('\n');
  const build = (titleChars: number) => `${head}\n${sections.map((s, i) => section(s, `T${GROWS.repeat(titleChars)}`, i)).join('\n')}\n`;
  const fixed = bytes(build(0));
  const titleChars = Math.min(MAX_TEXT_CHARS - 1, Math.floor((MAX_INPUT_BYTES - fixed) / MAX_SECTIONS));
  return { text: build(titleChars), sections };
}

/**
 * The largest valid answers for a questionnaire: its every rating at the top of the scale,
 * then every field and every list item present, their texts filled to the file's limit.
 */
export function largestAnswers(q: { sections: { id: string; statements: string[] }[] }, scaleMax: number, respondent = 'r'): string {
  const ratings = q.sections.map((s) => `  ${s.id}: { ${s.statements.map((id) => `${id}: ${scaleMax}`).join(', ')} }`).join('\n');
  // Every text slot, in the order they are filled; each gets what is left, up to its own limit.
  const limits: number[] = [];
  const texts: string[] = [];
  const slot = (max: number) => {
    const i = limits.length;
    limits.push(max);
    return () => texts[i]!;
  };
  const organization = slot(MAX_NAME_CHARS);
  const name = slot(MAX_NAME_CHARS - respondent.length + 1);
  const vision = slot(MAX_TEXT_CHARS);
  const notes = [slot(MAX_TEXT_CHARS), slot(MAX_TEXT_CHARS), slot(MAX_TEXT_CHARS)];
  const fiveThings = Array.from({ length: 5 }, () => slot(MAX_TEXT_CHARS));
  const skills = ['greet', 'value', 'ask', 'listen', 'help', 'invite'].map((skill) => [skill, slot(MAX_TEXT_CHARS)] as const);
  const education = [slot(MAX_TEXT_CHARS), slot(MAX_TEXT_CHARS)];
  const internal = Array.from({ length: MAX_LIST_ITEMS }, () => slot(MAX_TEXT_CHARS));
  const employees = Array.from({ length: MAX_LIST_ITEMS }, () => slot(MAX_TEXT_CHARS));
  const topRequests = Array.from({ length: 3 }, () => slot(MAX_TEXT_CHARS));
  const policies = Array.from({ length: MAX_LIST_ITEMS }, () => [slot(MAX_TEXT_CHARS), slot(MAX_TEXT_CHARS)] as const);
  // Every text starts with a letter (a plain scalar may not start with every character) and then grows.
  const t = (get: () => string) => `a${get()}`;
  const render = () =>
    [
      `organization: ${t(organization)}`,
      `respondent: ${respondent}${name()}`,
      'date: 2026-11-23',
      'profile: { staff: true }',
      'ratings:',
      ratings,
      `vision: ${t(vision)}`,
      `visionNotes: { tenYears: ${t(notes[0]!)}, customerShoes: ${t(notes[1]!)}, picture: ${t(notes[2]!)}, fiveThings: [${fiveThings.map(t).join(', ')}] }`,
      'requirements:',
      `  internal: [${internal.map(t).join(', ')}]`,
      `  employees: [${employees.map(t).join(', ')}]`,
      `  topRequests: [${topRequests.map(t).join(', ')}]`,
      'policies:',
      ...policies.map(([n, note]) => `  - { name: ${t(n)}, friendly: true, necessary: true, note: ${t(note)} }`),
      `communication: { ${skills.map(([skill, get]) => `${skill}: ${t(get)}`).join(', ')} }`,
      `education: { kickoff: 2026-12-01, owner: ${t(education[0]!)}, training: ${t(education[1]!)} }`,
      '',
    ].join('\n');
  for (let i = 0; i < limits.length; i++) texts[i] = '';
  let room = MAX_INPUT_BYTES - bytes(render());
  if (room < 0) throw new Error(`the ratings alone take more than ${MAX_INPUT_BYTES} bytes`);
  limits.forEach((max, i) => {
    // The leading character of each text counts against its limit too.
    const chars = Math.min(room, max - 1);
    texts[i] = GROWS.repeat(chars);
    room -= chars;
  });
  const text = render();
  if (bytes(text) > MAX_INPUT_BYTES) throw new Error(`largestAnswers made ${bytes(text)} bytes`);
  return text;
}

/**
 * A team whose combined Result is the largest: `csq team` merges every respondent's lists
 * (each item once, at most MAX_LIST_ITEMS), so the respondents share out 50 distinct items of
 * the longest text for each list, and the first (the lead, whose vision and notes the plan
 * uses) also writes every single text at its longest. Names too are as long as allowed.
 */
export function largestTeamAnswers(q: { sections: { id: string; statements: string[] }[] }, scaleMax: number, respondents: number): string[] {
  const ratings = q.sections.map((s) => `  ${s.id}: { ${s.statements.map((id) => `${id}: ${scaleMax}`).join(', ')} }`).join('\n');
  const long = (tag: string, max = MAX_TEXT_CHARS) => `${tag}${GROWS.repeat(max - tag.length)}`;
  type List = 'internal' | 'employees' | 'topRequests' | 'policies';
  const lists: List[] = ['internal', 'employees', 'topRequests', 'policies'];
  // Every distinct item the team may have, in the order they are handed out.
  const pool = Array.from({ length: MAX_LIST_ITEMS }, (_, k) => lists.map((list) => ({ list, k }))).flat();
  const perFile: Record<List, number> = { internal: MAX_LIST_ITEMS, employees: MAX_LIST_ITEMS, topRequests: 3, policies: MAX_LIST_ITEMS };
  let next = 0;
  return Array.from({ length: respondents }, (_, i) => {
    const lead = i === 0;
    const single = (tag: string) => (lead ? long(tag) : 'x');
    const taken: Record<List, number[]> = { internal: [], employees: [], topRequests: [], policies: [] };
    const render = () =>
      [
        `organization: ${long('Acme', MAX_NAME_CHARS)}`,
        `respondent: ${long(`r${i}`, MAX_NAME_CHARS)}`,
        'date: 2026-11-23',
        'profile: { staff: true }',
        'ratings:',
        ratings,
        `vision: ${single('v')}`,
        `visionNotes: { tenYears: ${single('t')}, customerShoes: ${single('c')}, picture: ${single('p')}, fiveThings: [${[1, 2, 3, 4, 5].map((n) => single(`f${n}`)).join(', ')}] }`,
        'requirements:',
        ...(['internal', 'employees', 'topRequests'] as const).map((list) => `  ${list}: [${taken[list].map((k) => long(`${list[0]}${k}`)).join(', ')}]`),
        `policies: [${taken.policies.map((k) => `{ name: ${long(`n${k}`)}, friendly: true, necessary: true, note: ${long(`o${k}`)} }`).join(', ')}]`,
        `communication: { ${['greet', 'value', 'ask', 'listen', 'help', 'invite'].map((skill) => `${skill}: ${single(skill)}`).join(', ')} }`,
        `education: { kickoff: 2026-12-01, owner: ${single('w')}, training: ${single('g')} }`,
        '',
      ].join('\n');
    // Hand out the pool in turn, as much as fits in this file; round again once it is all out.
    for (let tries = 0; tries < pool.length; tries++) {
      const { list, k } = pool[next % pool.length]!;
      if (taken[list].length >= perFile[list] || taken[list].includes(k)) break;
      taken[list].push(k);
      if (bytes(render()) > MAX_INPUT_BYTES) {
        taken[list].pop();
        break;
      }
      next++;
    }
    const text = render();
    if (bytes(text) > MAX_INPUT_BYTES) throw new Error(`largestTeamAnswers made ${bytes(text)} bytes`);
    return text;
  });
}
