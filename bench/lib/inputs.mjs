/**
 * Generates varied, valid answers files for the batch row: different organizations,
 * with and without staff, with and without a chosen `improve`, lists of different
 * lengths, text that needs Markdown escaping, and two writing styles (the tidy YAML
 * the interactive walk saves, and a hand-written style with comments and flow maps).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Document, isMap, parse } from 'yaml';

/** A small deterministic PRNG (mulberry32), so every run generates the same files. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Acme Cleaning', 'Bright Smile Dental', 'Café Olé', 'Pipes & Co', 'North|South Movers', '#1 Bakery', 'Zoë’s Flowers', 'Fix-it *Fast*', 'The `Code` Shop', 'Green Leaf Landscaping'];
const PEOPLE = ['Jane Doe', 'Ana Lima', 'Sam O’Neil', 'Li Wei', 'Kwame Mensah', 'Ingrid Berg'];
const PHRASES = [
  'Quotes take five working days on average',
  'Re-cleans requested on 1 in 12 jobs last quarter',
  'Customers ask for evening hours',
  'Supplies run out on Friday shifts',
  'Invoices are hard to read | says 3 clients',
  'Phone rings > 5 times before anyone answers',
  'Nobody owns the follow-up after a complaint',
  'Prices on the website are out of date',
  '"Where is my order?" is the top question',
  'Weekend bookings doubled: we need more staff',
];
const SKILLS = ['greet', 'value', 'ask', 'listen', 'help', 'invite'];

export function loadSections(root) {
  const q = parse(readFileSync(path.join(root, 'questionnaires', 'csq.en.yaml'), 'utf8'));
  return q.sections.map((s) => ({ id: s.id, when: s.when, statements: s.statements.map((st) => st.id) }));
}

function pick(rnd, list) {
  return list[Math.floor(rnd() * list.length)];
}

function some(rnd, list, max) {
  const n = Math.floor(rnd() * (max + 1));
  return Array.from({ length: n }, () => pick(rnd, list));
}

export function makeAnswers(i, sections) {
  const rnd = random(i + 1);
  const staff = rnd() < 0.7;
  const applicable = sections.filter((s) => s.when === undefined || staff);
  const ratings = Object.fromEntries(applicable.map((s) => [s.id, Object.fromEntries(s.statements.map((st) => [st, 1 + Math.floor(rnd() * 5)]))]));
  const answers = { questionnaire: 'csq', organization: `${pick(rnd, NAMES)} ${i}`, respondent: pick(rnd, PEOPLE) };
  if (rnd() < 0.6) answers.date = `2026-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  answers.profile = { staff };
  answers.ratings = ratings;
  if (rnd() < 0.5) {
    const ids = applicable.map((s) => s.id).sort(() => rnd() - 0.5);
    answers.improve = ids.slice(0, 1 + Math.floor(rnd() * 3));
  }
  answers.requirements = { internal: some(rnd, PHRASES, 4), ...(staff ? { employees: some(rnd, PHRASES, 3) } : {}), topRequests: some(rnd, PHRASES, 3) };
  if (rnd() < 0.8) answers.vision = pick(rnd, ['Spotless, on time, every time.', 'Every customer leaves happier than they came.', 'Fixed right, the first time: no call-backs.', 'Fresh bread, warm welcome, fair prices.']);
  if (rnd() < 0.5) answers.visionNotes = { tenYears: 'The most recommended business in town.', fiveThings: some(rnd, ['Reliability', 'Honesty', 'Safety', 'Our people', 'Clear prices'], 5) };
  answers.policies = Array.from({ length: Math.floor(rnd() * 4) }, (_, k) => ({
    name: `${pick(rnd, ['No refunds after 7 days', 'Deposit required', 'We don’t do windows', 'Cash only on Sundays', 'Free re-clean within 24 hours'])} (${k + 1})`,
    friendly: rnd() < 0.5,
    necessary: rnd() < 0.5,
    ...(rnd() < 0.5 ? { note: pick(rnd, PHRASES) } : {}),
  }));
  answers.communication = Object.fromEntries(SKILLS.filter(() => rnd() < 0.6).map((k) => [k, pick(rnd, PHRASES)]));
  if (staff) answers.education = { kickoff: '2026-12-01', owner: pick(rnd, PEOPLE), training: 'Monthly 30-minute session on the four problem-solving steps.' };
  return answers;
}

/** The tidy style `csq assess` saves: block YAML with one flow line per section of ratings. */
function walkStyle(answers) {
  const doc = new Document(answers);
  for (const key of ['ratings', 'policies']) {
    const node = doc.get(key, true);
    for (const item of node?.items ?? []) {
      const value = isMap(item) ? item : item.value;
      if (isMap(value)) value.flow = true;
    }
  }
  doc.commentBefore = ' csq answers, saved after every answer.';
  return doc.toString({ lineWidth: 0 });
}

/** A hand-written style: comments, flow maps for ratings, quoted text. */
function handStyle(answers) {
  const q = (s) => JSON.stringify(s);
  const lines = ['# Answers for the customer service quotient', `questionnaire: ${answers.questionnaire}`, `organization: ${q(answers.organization)}`, `respondent: ${q(answers.respondent)}`];
  if (answers.date) lines.push(`date: ${answers.date}   # printed in the plan`);
  lines.push('profile:', `  staff: ${answers.profile.staff}`, 'ratings:');
  for (const [section, r] of Object.entries(answers.ratings)) lines.push(`  ${section}: { ${Object.entries(r).map(([k, v]) => `${k}: ${v}`).join(', ')} }`);
  if (answers.improve) lines.push(`improve: [${answers.improve.join(', ')}]`);
  lines.push('requirements:');
  for (const [k, list] of Object.entries(answers.requirements)) {
    if (list.length === 0) lines.push(`  ${k}: []`);
    else lines.push(`  ${k}:`, ...list.map((item) => `    - ${q(item)}`));
  }
  if (answers.vision) lines.push(`vision: ${q(answers.vision)}`);
  if (answers.visionNotes) lines.push('visionNotes:', `  tenYears: ${answers.visionNotes.tenYears}`, `  fiveThings: [${answers.visionNotes.fiveThings.join(', ')}]`);
  lines.push(answers.policies.length ? 'policies:' : 'policies: []');
  for (const p of answers.policies) {
    lines.push(`  - name: ${q(p.name)}`, `    friendly: ${p.friendly}`, `    necessary: ${p.necessary}`);
    if (p.note) lines.push(`    note: ${q(p.note)}`);
  }
  lines.push('communication:');
  if (Object.keys(answers.communication).length === 0) lines[lines.length - 1] += ' {}';
  for (const [k, v] of Object.entries(answers.communication)) lines.push(`  ${k}: ${q(v)}`);
  if (answers.education) lines.push('education:', `  kickoff: ${answers.education.kickoff}`, `  owner: ${answers.education.owner}`, `  training: ${answers.education.training}`);
  return `${lines.join('\n')}\n`;
}

/** The text of the i-th file: the walk's style for even i, the hand-written style for odd. */
export function answersText(i, sections) {
  const answers = makeAnswers(i, sections);
  return i % 2 === 0 ? walkStyle(answers) : handStyle(answers);
}

/** Writes `count` answers files named 00000.yaml … into `dir`; returns their names. */
export function writeAnswersFiles(dir, count, root) {
  mkdirSync(dir, { recursive: true });
  const sections = loadSections(root);
  const width = String(count - 1).length;
  const names = [];
  for (let i = 0; i < count; i++) {
    const name = `${String(i).padStart(width, '0')}.yaml`;
    writeFileSync(path.join(dir, name), answersText(i, sections));
    names.push(name);
  }
  return names;
}
