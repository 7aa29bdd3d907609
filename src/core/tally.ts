/**
 * The tally of a customer survey: responses files (CSV) → customers.json. Pure. Every cell is
 * checked; a row with any problem is reported, located, and skipped whole, never half counted.
 * An empty cell is a question not answered.
 *
 * The figures (README, "customers.json"):
 * - an area's score: each response's mean rating over the area's statements it answered, as a
 *   percent of the scale's top (100 × mean ÷ max, as the owner's own score), averaged over the
 *   responses; its spread is the sample standard deviation of those percents, in points;
 * - the importance weight: the area's mean importance ÷ the sum of all areas' means;
 * - NPS: % promoters (9–10) − % detractors (0–6) of the recommend answers, with its margin
 *   of error at 95%: 1.96 × sqrt((p_pro + p_det − (p_pro − p_det)²) / n) × 100 points, the
 *   variance of a difference of two proportions of one multinomial sample;
 * - top requests: the wants, split into items, counted after normalising case and spacing.
 */
import type { Problem } from '../errors.js';
import type { CsvRecord } from './csv-reader.js';
import { MAX_LIST_ITEMS, MAX_RESPONSE_PROBLEMS, MAX_TEXT_CHARS, MIN_SURVEY_RESPONSES } from './limits.js';
import type { Questionnaire } from './questionnaire.js';
import { normalizeText, RECOMMEND_MAX, RECOMMEND_MIN, type HeaderIndex } from './survey.js';

export const CUSTOMERS_SCHEMA_VERSION = 1;

export interface AreaFigures {
  id: string;
  /** Responses that rated at least one of the area's statements. */
  answers: number;
  /** Percent of the scale's top, one decimal; null with no answers. */
  score: number | null;
  /** Sample standard deviation of the responses' percents, in points; null below two answers. */
  spread: number | null;
  importance: { answers: number; mean: number | null; weight: number | null };
  competitor: { answers: number; score: number | null };
}

export interface Customers {
  schemaVersion: typeof CUSTOMERS_SCHEMA_VERSION;
  questionnaire: string;
  /** The day the survey closed, YYYY-MM-DD: the next survey is dated from it. */
  surveyed: string | null;
  scale: { min: number; max: number };
  files: string[];
  responses: number;
  skipped: number;
  /** Fewer than MIN_SURVEY_RESPONSES responses: the figures are anecdotes. */
  anecdotal: boolean;
  areas: AreaFigures[];
  statements: Record<string, { answers: number; mean: number | null; competitorMean: number | null }>;
  nps: { answers: number; promoters: number; passives: number; detractors: number; score: number | null; margin: number | null };
  /** The most frequent first (ties in the order first seen), at most MAX_LIST_ITEMS. */
  requests: { text: string; count: number }[];
}

export interface TallyFile {
  file: string;
  /** The header row first; read once, one record at a time. */
  records: Iterable<CsvRecord>;
}

export interface TallyResult {
  customers: Customers;
  problems: Problem[];
  /** Per file, its problems beyond MAX_RESPONSE_PROBLEMS: counted, not kept. */
  moreProblems: Map<string, number>;
  /** Fatal: a file that cannot be read as responses at all (no header, no known column, a column twice). */
  fatal: Problem[];
  ignoredColumns: string[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round3 = (x: number) => Math.round(x * 1000) / 1000;
/** Of a response's ratings in one area: never empty. */
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Count, mean and sample variance kept as values arrive (Welford), so that no answer is held. */
export class Running {
  n = 0;
  private m = 0;
  private m2 = 0;
  add(x: number): void {
    this.n++;
    const d = x - this.m;
    this.m += d / this.n;
    this.m2 += d * (x - this.m);
  }
  get mean(): number | null {
    return this.n === 0 ? null : this.m;
  }
  /** The sample standard deviation (n − 1); null below two values. */
  get sd(): number | null {
    return this.n < 2 ? null : Math.sqrt(this.m2 / (this.n - 1));
  }
}

/** NPS and its 95% margin of error, in points (formula above); null without answers. */
export function npsOf(recommend: readonly number[]): Customers['nps'] {
  const n = recommend.length;
  const promoters = recommend.filter((x) => x >= 9).length;
  const detractors = recommend.filter((x) => x <= 6).length;
  const passives = n - promoters - detractors;
  if (n === 0) return { answers: 0, promoters, passives, detractors, score: null, margin: null };
  const pPro = promoters / n;
  const pDet = detractors / n;
  const margin = 1.96 * Math.sqrt((pPro + pDet - (pPro - pDet) ** 2) / n) * 100;
  return { answers: n, promoters, passives, detractors, score: round1((pPro - pDet) * 100), margin: round1(margin) };
}

/** One request as counted: case, spacing and a closing full stop do not make it another. */
export function normalizeRequest(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim().replace(/[.!;,]+$/u, '').trim();
}

/** A wants answer as its items: one per line or per `;`, list markers (`1.`, `-`, `•`) taken off. */
export function splitWants(text: string): string[] {
  return text
    .split(/\r\n|\r|\n|;/)
    .map((item) => item.replace(/^\s*(?:\d{1,2}[.)]|[-*•])\s*/u, ''))
    .map(normalizeRequest)
    .filter((item) => item !== '');
}

/** A rating cell: a whole number, or one of the scale's labels in any language. */
type Cell = { ok: true; value: number } | { ok: false; problem: Pick<Problem, 'code' | 'values'> };

function wholeNumber(raw: string, min: number, max: number, labels: ReadonlyMap<string, number>): Cell {
  const text = raw.trim();
  const labelled = labels.get(normalizeText(text));
  if (labelled !== undefined) return { ok: true, value: labelled };
  if (!/^\d{1,6}$/.test(text)) return { ok: false, problem: { code: 'not-a-rating', values: { min, max, found: { found: raw } } } };
  const value = Number(text);
  if (value < min || value > max) return { ok: false, problem: { code: 'outside-scale', values: { value, min, max } } };
  return { ok: true, value };
}

export interface TallyOptions {
  /** Scale labels of every language, as normalizeText gives them → the point they name. */
  labels: ReadonlyMap<string, number>;
  /** The day the survey closed, YYYY-MM-DD. */
  surveyed?: string;
}

export function tally(reference: Questionnaire, index: HeaderIndex, files: readonly TallyFile[], options: TallyOptions): TallyResult {
  const { min, max } = reference.scale;
  const problems: Problem[] = [];
  const fatal: Problem[] = [];
  const ignored: string[] = [];
  const moreProblems = new Map<string, number>();
  const sectionOf = new Map<string, string>();
  for (const section of reference.sections) for (const st of section.statements) if (st.customer !== null) sectionOf.set(st.id, section.id);
  const sectionIds = new Set(reference.sections.map((s) => s.id));

  // Per area: each response's percent; per statement: every rating.
  const areaPercents = new Map<string, Running>();
  const competitorPercents = new Map<string, Running>();
  const importance = new Map<string, Running>();
  const ratings = new Map<string, Running>();
  const competitorRatings = new Map<string, Running>();
  const recommend: number[] = [];
  // In the order first seen.
  const requests = new Map<string, { text: string; count: number }>();
  const push = <K>(map: Map<K, number[]>, key: K, value: number) => (map.get(key) ?? map.set(key, []).get(key)!).push(value);
  const add = (map: Map<string, Running>, key: string, value: number) => (map.get(key) ?? map.set(key, new Running()).get(key)!).add(value);
  let responses = 0;
  let skipped = 0;

  for (const { file, records } of files) {
    let kept = 0;
    const report = (p: Problem) => {
      if (kept < MAX_RESPONSE_PROBLEMS) {
        problems.push(p);
        kept++;
      } else moreProblems.set(file, (moreProblems.get(file) ?? 0) + 1);
    };
    const iterator = records[Symbol.iterator]();
    const first = iterator.next();
    const header = first.done ? undefined : first.value;
    const rows: Iterable<CsvRecord> = { [Symbol.iterator]: () => iterator };
    if (!header || (header.fields.length === 1 && header.fields[0]!.trim() === '')) {
      fatal.push({ file, line: 1, column: 1, code: 'csv-no-header' });
      continue;
    }
    if (header.problem) {
      fatal.push({ file, line: header.problem.line, column: header.problem.column, code: header.problem.code });
      continue;
    }
    const columns = header.fields.map((name) => index.columnId(name));
    const firstColumn = new Map<string, number>();
    columns.forEach((id, c) => {
      if (id === undefined) {
        if (header.fields[c]!.trim() !== '') ignored.push(header.fields[c]!.trim());
        return;
      }
      const first = firstColumn.get(id);
      if (first !== undefined) fatal.push({ file, line: header.lines[c], column: c + 1, code: 'csv-duplicate-column', values: { column: c + 1, first: first + 1, id } });
      else firstColumn.set(id, c);
    });
    if (firstColumn.size === 0) fatal.push({ file, line: 1, column: 1, code: 'csv-no-known-column', hint: 'header-from-survey-make' });
    if (fatal.some((p) => p.file === file)) continue;

    for (const row of rows) {
      const line = row.lines[0]!;
      if (row.fields.length === 1 && row.fields[0]!.trim() === '' && !row.problem) continue; // a blank line
      if (row.problem) {
        const path = columns[row.problem.column - 1];
        report({ file, line: row.problem.line, column: row.problem.column, ...(path ? { path } : {}), code: row.problem.code, hint: 'row-skipped' });
        skipped++;
        continue;
      }
      if (row.fields.length !== header.fields.length) {
        report({ file, line, column: 1, code: 'csv-field-count', values: { found: row.fields.length, expected: header.fields.length } });
        skipped++;
        continue;
      }
      // Check the whole row first: only a row without a problem is counted.
      const values = new Map<string, number>();
      const wants: string[] = [];
      let bad = false;
      columns.forEach((id, c) => {
        if (id === undefined) return;
        const raw = row.fields[c]!;
        if (raw.trim() === '') return;
        const at = { file, line: row.lines[c]!, column: c + 1, path: id };
        if (id === 'wants') {
          if (raw.length > MAX_TEXT_CHARS) {
            report({ ...at, code: 'too-long', values: { count: MAX_TEXT_CHARS }, hint: 'row-skipped' });
            bad = true;
          } else wants.push(raw);
          return;
        }
        const isRecommend = id === 'recommend';
        const cell = wholeNumber(raw, isRecommend ? RECOMMEND_MIN : min, isRecommend ? RECOMMEND_MAX : max, isRecommend ? new Map() : options.labels);
        if (!cell.ok) {
          report({ ...at, ...cell.problem, hint: 'row-skipped' });
          bad = true;
        } else values.set(id, cell.value);
      });
      if (bad) {
        skipped++;
        continue;
      }
      if (values.size === 0 && wants.length === 0) continue; // nothing answered: not a response
      responses++;
      const rowArea = new Map<string, number[]>();
      const rowCompetitor = new Map<string, number[]>();
      for (const [id, value] of values) {
        if (id === 'recommend') recommend.push(value);
        else if (id.startsWith('importance.')) {
          const section = id.slice('importance.'.length);
          if (sectionIds.has(section)) add(importance, section, value);
        } else if (id.startsWith('competitor.')) {
          const statement = id.slice('competitor.'.length);
          add(competitorRatings, statement, value);
          push(rowCompetitor, sectionOf.get(statement)!, value);
        } else {
          add(ratings, id, value);
          push(rowArea, sectionOf.get(id)!, value);
        }
      }
      for (const [section, xs] of rowArea) add(areaPercents, section, (100 * mean(xs)) / max);
      for (const [section, xs] of rowCompetitor) add(competitorPercents, section, (100 * mean(xs)) / max);
      for (const text of wants) {
        for (const item of splitWants(text)) {
          const known = requests.get(item);
          if (known) known.count++;
          else requests.set(item, { text: item, count: 1 });
        }
      }
    }
  }

  const importanceMeans = new Map([...importance].map(([section, r]) => [section, r.mean!]));
  const importanceSum = [...importanceMeans.values()].reduce((a, b) => a + b, 0);
  const areas: AreaFigures[] = reference.sections.map((section) => {
    const percents = areaPercents.get(section.id);
    const m = percents?.mean ?? null;
    const sd = percents?.sd ?? null;
    const impMean = importanceMeans.get(section.id);
    const competitor = competitorPercents.get(section.id);
    const cm = competitor?.mean ?? null;
    return {
      id: section.id,
      answers: percents?.n ?? 0,
      score: m === null ? null : round1(m),
      spread: sd === null ? null : round1(sd),
      importance: {
        answers: importance.get(section.id)?.n ?? 0,
        mean: impMean === undefined ? null : round3(impMean),
        weight: impMean === undefined || importanceSum === 0 ? null : round3(impMean / importanceSum),
      },
      competitor: { answers: competitor?.n ?? 0, score: cm === null ? null : round1(cm) },
    };
  });
  const statements: Customers['statements'] = {};
  for (const id of sectionOf.keys()) {
    const m = ratings.get(id)?.mean ?? null;
    const cm = competitorRatings.get(id)?.mean ?? null;
    statements[id] = { answers: ratings.get(id)?.n ?? 0, mean: m === null ? null : round3(m), competitorMean: cm === null ? null : round3(cm) };
  }
  const customers: Customers = {
    schemaVersion: CUSTOMERS_SCHEMA_VERSION,
    questionnaire: reference.id,
    surveyed: options.surveyed ?? null,
    scale: { min, max },
    files: files.map((f) => f.file),
    responses,
    skipped,
    anecdotal: responses < MIN_SURVEY_RESPONSES,
    areas,
    statements,
    nps: npsOf(recommend),
    // The sort is stable: ties stay in the order first seen.
    requests: [...requests.values()].sort((a, b) => b.count - a.count).slice(0, MAX_LIST_ITEMS),
  };
  return { customers, problems, moreProblems, fatal, ignoredColumns: [...new Set(ignored)] };
}
