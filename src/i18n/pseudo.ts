/**
 * The pseudo-locale en-XA, generated from English for tests (as Chromium's and Android's):
 * every word accented and every message bracketed and lengthened, with placeholders, code
 * and command lines kept as they are. Run in en-XA, any plain English word that csq prints
 * is a string that escaped the catalogues (test/e2e/pseudo-locale.test.ts).
 */
import type { Questionnaire } from '../core/questionnaire.js';
import type { Messages } from './en.js';

export const PSEUDO_LANG = 'en-XA';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'áƀçðéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýžÁƁÇÐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ'][i]!]),
);

/**
 * What stays as written: placeholders, code in backticks, Markdown and Handlebars syntax in
 * braces, options and file names (`-o`, `plan.md`, `profile.staff`), URLs, all-capital words
 * (CSQ, YAML, THIS-FILE), and `csq` with the command word after it.
 */
const KEEP = /(\{\{[^}]*\}\}|\{\w+\}|`[^`]*`|https?:\/\/\S+|(?<![\p{L}\d])-{1,2}[\w-]+|[\w-]*[./=_][\w./=_-]*\w|\b[A-Z][A-Z0-9-]+\b|\bcsq(?: (?:assess|report|validate|init|schema|compare|team|survey|poster))?\b)/gu;

/** Letters accented, nothing else changed: for what Intl writes in en-XA (dates, lists). */
export function accent(text: string): string {
  return text.replace(/[A-Za-z]/g, (c) => ACCENTED[c]!);
}

/** One message: its words accented, about a third longer, in brackets. */
export function pseudoText(text: string): string {
  const parts = text.split(KEEP);
  const body = parts.map((part, i) => (i % 2 === 1 ? part : accent(part))).join('');
  const letters = text.replace(KEEP, '').replace(/[^A-Za-z]/g, '').length;
  return `⟦${body}${letters > 0 ? ` ${'·'.repeat(Math.ceil(letters / 3))}` : ''}⟧`;
}

/** An example command line of the help: the command as typed, its comment in words. */
function pseudoExample(line: string): string {
  const at = line.indexOf('#');
  return at < 0 ? line : `${line.slice(0, at)}${pseudoText(line.slice(at + 1).trim())}`.replace(/⟦/, '# ⟦');
}

function transform(value: unknown, path: string): unknown {
  if (typeof value === 'string') return path === 'lang' ? value : pseudoText(value);
  if (Array.isArray(value)) return value.map((v, i) => (/[Ee]xamples$/.test(path) ? pseudoExample(v as string) : transform(v, `${path}[${i}]`)));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, transform(v, path ? `${path}.${k}` : k)]));
  return value;
}

/** The whole catalogue in en-XA. */
export function pseudoMessages(en: Messages): Messages {
  return { ...(transform(en, '') as Messages), lang: PSEUDO_LANG };
}

/** The questionnaire in en-XA: the same ids, every text accented. */
export function pseudoQuestionnaire(q: Questionnaire): Questionnaire {
  return {
    ...q,
    lang: PSEUDO_LANG,
    title: pseudoText(q.title),
    scale: { ...q.scale, labels: Object.fromEntries(Object.entries(q.scale.labels).map(([k, v]) => [k, pseudoText(v)])) },
    profile: q.profile.map((p) => ({ ...p, question: pseudoText(p.question) })),
    sections: q.sections.map((s) => ({
      ...s,
      title: pseudoText(s.title),
      ...(s.summary ? { summary: pseudoText(s.summary) } : {}),
      ...(s.importance ? { importance: pseudoText(s.importance) } : {}),
      statements: s.statements.map((st) => ({
        ...st,
        text: pseudoText(st.text),
        ...(st.customer === undefined ? {} : { customer: st.customer === null ? null : pseudoText(st.customer) }),
        ...(st.without ? { without: Object.fromEntries(Object.entries(st.without).map(([k, v]) => [k, pseudoText(v)])) } : {}),
      })),
      ideas: s.ideas.map((idea) => ({ ...idea, text: pseudoText(idea.text) })),
    })),
  };
}
