import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine, detectDelimiter, parseCsv } from '../../src/core/csv-reader.js';

const fields = (text: string) => parseCsv(text).records.map((r) => r.fields);

describe('the CSV reader (RFC 4180, on csv-parse)', () => {
  it('reads quoted fields, doubled quotes, and delimiters and line breaks inside quotes', () => {
    expect(fields('a,"b,c","say ""hi""","x\ny"\n1,2,3,4\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'x\ny'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('reads CRLF, LF and a bare CR alike, with a BOM or without, and a last line without a line break', () => {
    const expected = [
      ['a', 'b'],
      ['1', '2'],
    ];
    expect(fields('a,b\r\n1,2\r\n')).toEqual(expected);
    expect(fields('\uFEFFa,b\n1,2')).toEqual(expected);
    expect(fields('a,b\r1,2\r')).toEqual(expected);
  });

  it('keeps empty fields, a trailing delimiter and blank lines as what they are', () => {
    expect(fields('a,,c,\n\n1,2,,\n')).toEqual([['a', '', 'c', ''], [''], ['1', '2', '', '']]);
  });

  it('takes the delimiter from the header row, only between comma and semicolon', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('"a;b",c\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n')).toBe(',');
    expect(parseCsv('\uFEFFID;Name;"x;y"\r\n1;"a, b";3\r\n').records.map((r) => r.fields)).toEqual([
      ['ID', 'Name', 'x;y'],
      ['1', 'a, b', '3'],
    ]);
  });

  it('locates each field by the line it starts on, across quoted line breaks, and numbers columns from 1', () => {
    const { records } = parseCsv('h1,h2,h3\n"one\ntwo\r\nthree",b,c\nx,"y",z\n');
    expect(records.map((r) => r.lines)).toEqual([
      [1, 1, 1],
      [2, 4, 4],
      [5, 5, 5],
    ]);
  });

  it('reads a quote inside a field that does not start with one as text, as spreadsheets do', () => {
    expect(fields('a,b,c\n1,12" pizza,3\n2,"q"r,3\n"x"  ,y,z\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '12" pizza', '3'],
      ['2', '"q"r', '3'],
      ['"x"  ', 'y', 'z'],
    ]);
  });

  it('keeps a quote left open as a record with its problem, at the line its record starts and its field', () => {
    const { records } = parseCsv('a,b,c\r\n4,"5\r\nfive",6\r\n7,"never closed\n8,9\n');
    expect(records.map((r) => r.problem ?? null)).toEqual([null, null, { code: 'csv-unclosed-quote', line: 4, column: 2 }]);
    expect(records[1]).toEqual({ lines: [2, 2, 3], fields: ['4', '5\r\nfive', '6'] });
  });

  it('reads LF, CRLF and a lone CR mixed in one file', () => {
    const { records } = parseCsv('a,b\r\n1,2\n3,"x\ny"\r4,5\r\n');
    expect(records.map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2'], ['3', 'x\ny'], ['4', '5']]);
    expect(records.map((r) => r.lines)).toEqual([[1, 1], [2, 2], [3, 3], [5, 5]]);
  });

  it('reads back any row it writes, in either delimiter', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', ' ', ',', ';', '"', '\n', '\r\n', 'é', '=') }), { minLength: 2, maxLength: 6 }), fc.constantFrom(',' as const, ';' as const), (row, delimiter) => {
        const text = csvLine(row, delimiter) + csvLine(['end', 'end'], delimiter);
        expect(parseCsv(text, delimiter).records.map((r) => r.fields)).toEqual([row, ['end', 'end']]);
      }),
    );
  });
});
