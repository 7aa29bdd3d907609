/**
 * A translation keeps the reference's ids, order, scale, profile, `when`, `without` and ideas:
 * each difference is one problem, in the words `csq validate` prints, at its place in the file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire, validateQuestionnaire, type Questionnaire } from '../../src/core/questionnaire.js';
import { compareQuestionnaireIds } from '../../src/core/translation.js';
import { parseYaml } from '../../src/core/yaml.js';
import { en } from '../../src/i18n/en.js';
import { problemMessage } from '../../src/render/problems.js';

const reference = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const portuguese = loadQuestionnaire(readFileSync('questionnaires/csq.pt.yaml', 'utf8'), 'csq.pt.yaml');

/** A copy of the Portuguese questionnaire changed by `edit`, and what comparing it says. */
function messagesFor(edit: (q: Questionnaire) => void): string[] {
  const q = structuredClone(portuguese);
  edit(q);
  return compareQuestionnaireIds(reference, q).map((p) => problemMessage(p, en));
}
const section = (q: Questionnaire, id: string) => q.sections.find((s) => s.id === id)!;

describe('compareQuestionnaireIds', () => {
  it('finds nothing in a faithful translation', () => {
    expect(compareQuestionnaireIds(reference, portuguese)).toEqual([]);
  });

  it('names a different scale at either end', () => {
    expect(messagesFor((q) => (q.scale.max = 7))).toEqual(['the scale is 1–7, but en has 1–5']);
    expect(messagesFor((q) => (q.scale.min = 0))).toEqual(['the scale is 0–5, but en has 1–5']);
  });

  it('names other profile ids', () => {
    expect(messagesFor((q) => (q.profile[0]!.id = 'team'))).toEqual(['profile ids are [team], expected [staff]']);
    expect(messagesFor((q) => q.profile.push({ ...q.profile[0]!, id: 'online' }))).toEqual(['profile ids are [staff, online], expected [staff]']);
  });

  it('names a missing section, and a section that is not in the reference', () => {
    expect(messagesFor((q) => q.sections.pop())).toEqual(['section improvement is missing']);
    expect(messagesFor((q) => (section(q, 'errors').id = 'mistakes'))).toEqual(['section errors is missing', 'section mistakes is not in the en questionnaire']);
  });

  it('names a section moved past the end', () => {
    // Two copies of the last section: the second sits where the reference has none.
    expect(messagesFor((q) => q.sections.push(structuredClone(q.sections.at(-1)!)))).toEqual([
      'section improvement is out of order: position 8 is past the end in en',
    ]);
  });

  it('names another `when`, and a `when` added or taken away', () => {
    expect(messagesFor((q) => (section(q, 'errors').when = 'staff'))).toEqual(['section errors has when: staff, expected (none)']);
    expect(messagesFor((q) => delete section(q, 'staff').when)).toEqual(['section staff has when: (none), expected staff']);
  });

  it('names statements renamed or reordered', () => {
    expect(messagesFor((q) => section(q, 'errors').statements.reverse())).toEqual([
      'section errors has statements [eliminate-errors, ask-feedback, review-complaints], expected [review-complaints, ask-feedback, eliminate-errors]',
    ]);
  });

  it('names other wordings for a profile, added or taken away', () => {
    expect(messagesFor((q) => delete section(q, 'leadership').statements[2]!.without)).toEqual(['statement owner-example has other wordings for [(none)], expected [staff]']);
    expect(messagesFor((q) => (section(q, 'leadership').statements[0]!.without = { staff: 'Eu…' }))).toEqual([
      'statement whatever-it-takes has other wordings for [staff], expected [(none)]',
    ]);
  });

  it('names a different number of ideas, and an idea for other statements or businesses', () => {
    const count = section(reference, 'errors').ideas.length;
    expect(messagesFor((q) => section(q, 'errors').ideas.pop())).toEqual([`section errors has ${count - 1} ideas, but en has ${count}`]);
    expect(messagesFor((q) => (section(q, 'errors').ideas[1]!.statements = ['ask-feedback', 'review-complaints', 'eliminate-errors']))).toEqual([
      'idea 2 of section errors is for other statements or businesses than in en',
    ]);
    expect(messagesFor((q) => (section(q, 'leadership').ideas[0]!.when = undefined))).toEqual(['idea 1 of section leadership is for other statements or businesses than in en']);
    expect(messagesFor((q) => (section(q, 'leadership').ideas[2]!.unless = undefined))).toEqual(['idea 3 of section leadership is for other statements or businesses than in en']);
  });

  it('places each problem in the file, and names the language without one', () => {
    const text = readFileSync('questionnaires/csq.pt.yaml', 'utf8').replace(/\bdelight\b/g, 'delite').replace('max: 5', 'max: 6').replace('    5: Sempre\n', '    5: Sempre\n    6: Mais\n');
    const source = parseYaml(text, 'pt.yaml');
    const [scale, statements] = compareQuestionnaireIds(reference, validateQuestionnaire(source), source);
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    expect(scale).toMatchObject({ file: 'pt.yaml', path: 'scale', code: 'translation-scale', line: lineOf('scale:') + 1 });
    expect(statements).toMatchObject({ file: 'pt.yaml', path: 'sections[4].statements', code: 'translation-statements' });
    expect(statements!.line).toBe(lineOf('      - id: easy-to-deal'));
    const unplaced = compareQuestionnaireIds(reference, { ...portuguese, scale: { ...portuguese.scale, max: 7 } });
    expect(unplaced).toEqual([{ file: 'pt', path: 'scale', code: 'translation-scale', values: { min: 1, max: 7, reference: 'en', referenceMin: 1, referenceMax: 5 } }]);
  });
});
