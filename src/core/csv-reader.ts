/**
 * A strict CSV reader (RFC 4180) for survey responses: quoted fields, doubled quotes, quoted
 * line breaks, CRLF or LF, a BOM, and a delimiter that is `,` or `;` (chosen from the header
 * row, as spreadsheets in many locales export with semicolons). Pure. A record that breaks
 * the rules is kept with its problem, located, so that the caller reports and skips it; the
 * reader then goes on at the next line. Line and column are where each field starts; the
 * column is the field's number (the spreadsheet's column), counted from 1.
 */

export type CsvProblemCode = 'csv-stray-quote' | 'csv-after-quote' | 'csv-unclosed-quote';

export interface CsvRecord {
  /** The line each field starts on (a quoted field may span lines). */
  lines: number[];
  fields: string[];
  /** The first rule the record breaks, if any: where, and which field. */
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
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const chosen = delimiter ?? detectDelimiter(text);
  return { delimiter: chosen, records: [...csvRecords(text, chosen)] };
}

/** The records one by one, so that a large file is tallied without holding all of it as fields. */
export function* csvRecords(input: string, delimiter: ',' | ';' = detectDelimiter(input)): Generator<CsvRecord> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const record: CsvRecord = { lines: [], fields: [] };
    // One record: fields until an unquoted line break or the end.
    for (;;) {
      record.lines.push(line);
      const column = record.fields.length + 1;
      let value = '';
      if (text[i] === '"') {
        const start = line;
        i++;
        let closed = false;
        while (i < n) {
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\n') line++;
          // A bare CR inside quotes is kept as it is, and counts as a line only before no LF.
          else if (c === '\r' && text[i + 1] !== '\n') line++;
          value += c;
          i++;
        }
        if (!closed) {
          record.problem ??= { code: 'csv-unclosed-quote', line: start, column };
          record.fields.push(value);
          yield record;
          return;
        }
        if (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
          record.problem ??= { code: 'csv-after-quote', line, column };
          while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
        }
      } else {
        const from = i;
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
        value = text.slice(from, i);
        if (value.includes('"')) record.problem ??= { code: 'csv-stray-quote', line, column };
      }
      record.fields.push(value);
      if (i < n && text[i] === delimiter) {
        i++;
        // A delimiter at the very end still ends a last, empty field.
        if (i === n) {
          record.lines.push(line);
          record.fields.push('');
        }
        if (i < n) continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    yield record;
  }
}


/** One field for a CSV file csq writes: quoted only when it must be. */
export function csvLineField(value: string, delimiter: ',' | ';' = ','): string {
  return value.includes('"') || value.includes(delimiter) || /[\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A row as RFC 4180 writes it, ended by CRLF. */
export function csvLine(values: readonly string[], delimiter: ',' | ';' = ','): string {
  return `${values.map((v) => csvLineField(v, delimiter)).join(delimiter)}\r\n`;
}
