/**
 * The customer survey made from the questionnaire: its questions and their stable column ids,
 * the text to print or e-mail, the CSV header of the response format, and the reverse: which
 * question a column of a responses file is (by id, or by its text in any csq language). Pure.
 *
 * Column ids: a statement's id (`delight`), `competitor.<statement>`, `importance.<section>`,
 * `recommend` (0–10, for the NPS) and `wants` (the three things the customer wants most).
 */
import type { Messages } from '../i18n/en.js';
import { fill } from '../i18n/format.js';
import { escapeMarkdown } from './escape.js';
import { isApplicable, scaleLabel, type Questionnaire } from './questionnaire.js';

export type SurveyQuestion =
  | { id: string; kind: 'rating'; section: string; statement: string }
  | { id: string; kind: 'competitor'; section: string; statement: string }
  | { id: string; kind: 'importance'; section: string }
  | { id: 'recommend'; kind: 'recommend' }
  | { id: 'wants'; kind: 'wants' };

export const RECOMMEND_MIN = 0;
export const RECOMMEND_MAX = 10;

export interface SurveyOptions {
  profile: Record<string, boolean>;
  /** The competitor to compare with, by name: adds `competitor.<statement>` questions. */
  competitor?: string;
}

/** The survey's questions in the order they are asked: each area's statements, then its importance; last the NPS and the wants. */
export function surveyQuestions(q: Questionnaire, options: SurveyOptions): SurveyQuestion[] {
  const questions: SurveyQuestion[] = [];
  for (const section of q.sections) {
    if (!isApplicable(section, options.profile)) continue;
    for (const st of section.statements) {
      if (typeof st.customer !== 'string') continue;
      questions.push({ id: st.id, kind: 'rating', section: section.id, statement: st.id });
      if (options.competitor !== undefined) questions.push({ id: `competitor.${st.id}`, kind: 'competitor', section: section.id, statement: st.id });
    }
    if (section.importance !== undefined) questions.push({ id: `importance.${section.id}`, kind: 'importance', section: section.id });
  }
  questions.push({ id: 'recommend', kind: 'recommend' }, { id: 'wants', kind: 'wants' });
  return questions;
}

/** The header row of the response format: one column per question, by id. */
export function surveyHeader(q: Questionnaire, options: SurveyOptions): string[] {
  return surveyQuestions(q, options).map((question) => question.id);
}

const boxes = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => `☐ ${min + i}`).join('   ');

/** The survey as Markdown that reads as plain text too: to print, or to paste into an e-mail. */
export function surveyMarkdown(q: Questionnaire, m: Messages, options: SurveyOptions): string {
  const s = m.survey;
  const { min, max } = q.scale;
  const scale = Array.from({ length: max - min + 1 }, (_, i) => `${min + i} ${scaleLabel(q, min + i)}`).join(' · ');
  const competitor = options.competitor === undefined ? undefined : fill(s.competitor, { competitor: escapeMarkdown(options.competitor, false) }, m.lang);
  const out: string[] = [`# ${escapeMarkdown(s.title)}`, '', escapeMarkdown(fill(s.intro, { min, max }, m.lang)), '', escapeMarkdown(fill(s.scaleLine, { labels: scale }, m.lang)), ''];
  let number = 0;
  for (const section of q.sections) {
    if (!isApplicable(section, options.profile)) continue;
    // Once a questionnaire has a survey, its schema asks every section for an importance
    // question: a section without one has nothing to ask customers.
    if (section.importance === undefined) continue;
    const statements = section.statements.filter((st) => typeof st.customer === 'string');
    out.push(`## ${escapeMarkdown(section.title)}`, '');
    for (const st of statements) {
      number++;
      out.push(`${number}. ${escapeMarkdown(st.customer!, false)}  `, `   ${escapeMarkdown(fill(s.rating, { min, max }, m.lang), false)} ${boxes(min, max)}${competitor ? '  ' : ''}`);
      if (competitor) out.push(`   ${competitor} ${boxes(min, max)}`);
      out.push('');
    }
    out.push(`**${escapeMarkdown(section.importance, false)}** ${escapeMarkdown(fill(s.importanceScale, { min, max }, m.lang), false)}  `, boxes(min, max), '');
  }
  out.push('---', '', `**${escapeMarkdown(s.recommend, false)}** ${escapeMarkdown(s.recommendScale, false)}  `, boxes(RECOMMEND_MIN, RECOMMEND_MAX), '');
  out.push(`**${escapeMarkdown(s.wants, false)}**`, '');
  for (let i = 1; i <= 3; i++) out.push(`${i}. ${'\\_'.repeat(40)}`);
  out.push('', escapeMarkdown(s.thanks), '');
  return out.join('\n');
}

/** A header or a label as people and forms tools vary it: case, spaces, quotes and a closing `?`, `.` or `:`. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.:?!;,…*]+$/u, '')
    .toLowerCase();
}

/** What a column of a responses file is: its id, or its question's text in any language given. */
export interface HeaderIndex {
  columnId(header: string): string | undefined;
}

/**
 * The ids, and every language's wording of each question. A forms tool's grid question is
 * exported as `Title [Row]`: the row (a statement, or an importance question) names the
 * column, and a title that is the competitor question in any language (any name) makes it
 * `competitor.<statement>`.
 */
export function headerIndex(reference: Questionnaire, translations: readonly { questionnaire: Questionnaire; messages: Messages }[]): HeaderIndex {
  const ids = new Set<string>(['recommend', 'wants']);
  const statementIds = new Set<string>();
  const texts = new Map<string, string>();
  for (const section of reference.sections) {
    ids.add(`importance.${section.id}`);
    for (const st of section.statements) {
      if (st.customer === null) continue;
      ids.add(st.id);
      ids.add(`competitor.${st.id}`);
      statementIds.add(st.id);
    }
  }
  const competitorPatterns: RegExp[] = [];
  for (const { questionnaire, messages } of translations) {
    for (const section of questionnaire.sections) {
      if (section.importance !== undefined) texts.set(normalizeText(section.importance), `importance.${section.id}`);
      for (const st of section.statements) if (typeof st.customer === 'string' && statementIds.has(st.id)) texts.set(normalizeText(st.customer), st.id);
    }
    texts.set(normalizeText(messages.survey.recommend), 'recommend');
    texts.set(normalizeText(messages.survey.wants), 'wants');
    const [before, after] = normalizeText(messages.survey.competitor).split('{competitor}');
    if (after !== undefined) competitorPatterns.push(new RegExp(`^${escapeRegExp(before!)}.+${escapeRegExp(after)}$`, 'u'));
  }
  const direct = (text: string): string | undefined => {
    const trimmed = text.trim();
    if (ids.has(trimmed)) return trimmed;
    return texts.get(normalizeText(trimmed));
  };
  return {
    columnId(header: string): string | undefined {
      const found = direct(header);
      if (found !== undefined) return found;
      const grid = /^(.*)\[([^\]]+)\]\s*$/su.exec(header);
      if (!grid) return undefined;
      const row = direct(grid[2]!);
      if (row === undefined) return undefined;
      const title = normalizeText(grid[1]!);
      if (statementIds.has(row) && competitorPatterns.some((pattern) => pattern.test(title))) return `competitor.${row}`;
      return row;
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
