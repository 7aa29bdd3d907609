/**
 * The CSV reader for survey responses, on csv-parse: quoted fields, doubled quotes, quoted line
 * breaks, CRLF, LF or CR, a BOM, and a delimiter that is `,` or `;` (chosen from the header row,
 * as spreadsheets in many locales export with semicolons). A quote inside a field that does not
 * start with one is text, as spreadsheets read it (`12" pizza`). A quote never closed is the one
 * rule a record can break: it is kept with its problem, located, so that the caller reports and
 * skips it. Line and column are where each field starts; the column is the field's number (the
 * spreadsheet's column), counted from 1.
 */
import { parse, type CsvError } from 'csv-parse/sync';

export type CsvProblemCode = 'csv-unclosed-quote';

export interface CsvRecord {
  /** The line each field starts on (a quoted field may span lines). */
  lines: number[];
  fields: string[];
  /** The rule the record breaks, if any: where, and which field. */
  problem?: { code: CsvProblemCode; line: number; column: number };
}

export interface CsvTable {
  delimiter: ',' | ';';
  records: CsvRecord[];
}

/** `;` if the header row (outside quotes) has more semicolons than commas, else `,` (a BOM is neither). */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

export function parseCsv(input: string, delimiter?: ',' | ';'): CsvTable {
  const chosen = delimiter ?? detectDelimiter(withoutBom(input));
  return { delimiter: chosen, records: [...csvRecords(input, chosen)] };
}

/** The records of one file, read when the tally first asks for them (one file's at a time). */
export function* csvRecords(input: string, delimiter: ',' | ';' = detectDelimiter(withoutBom(input))): Generator<CsvRecord> {
  const records: CsvRecord[] = [];
  let line = 1;
  parse(input, {
    bom: true,
    delimiter,
    // Any of the three, even mixed in one file (csv-parse would otherwise keep to the first it meets).
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    raw: true,
    on_record: (value) => {
      // With `raw`, csv-parse passes { raw, record }, which its types do not say.
      const { raw, record } = value as unknown as { raw: string; record: string[] };
      // A field starts where the fields before it end: their values keep their line breaks.
      const lines: number[] = [];
      let at = line;
      for (const field of record) {
        lines.push(at);
        at += lineBreaks(field);
      }
      records.push({ lines, fields: record });
      line += lineBreaks(raw);
      return null;
    },
    // Only a quote left open reaches the end of the file here: the rest of the file is its field.
    on_skip: (error: CsvError | undefined) => {
      // csv-parse names the field it was reading by its index from 0.
      const column = typeof error?.['column'] === 'number' ? error['column'] + 1 : 1;
      records.push({ lines: [line], fields: [], problem: { code: 'csv-unclosed-quote', line, column } });
    },
  });
  yield* records;
}

const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** CRLF, LF and a lone CR are one line break each. */
const lineBreaks = (text: string) => text.match(/\r\n?|\n/g)?.length ?? 0;

/** One field for a CSV file csq writes: quoted only when it must be. */
export function csvLineField(value: string, delimiter: ',' | ';' = ','): string {
  return value.includes('"') || value.includes(delimiter) || /[\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A row as RFC 4180 writes it, ended by CRLF. */
export function csvLine(values: readonly string[], delimiter: ',' | ';' = ','): string {
  return `${values.map((v) => csvLineField(v, delimiter)).join(delimiter)}\r\n`;
}
