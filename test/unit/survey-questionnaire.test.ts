import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasSurvey, loadQuestionnaire, type Questionnaire } from '../../src/core/questionnaire.js';
import { compareQuestionnaireIds } from '../../src/core/translation.js';
import { InputError } from '../../src/errors.js';
import { en } from '../../src/i18n/en.js';
import { SUPPORTED_LANGS } from '../../src/i18n/index.js';
import { formatProblems, problemMessage } from '../../src/render/problems.js';

const load = (lang: string) => loadQuestionnaire(readFileSync(`questionnaires/csq.${lang}.yaml`, 'utf8'), `csq.${lang}.yaml`);
const reference = load('en');

function errors(text: string): string[] {
  try {
    loadQuestionnaire(text, 'q.yaml');
  } catch (error) {
    if (error instanceof InputError) return formatProblems(error.problems, en).split('\n');
    throw error;
  }
  throw new Error('expected the load to fail');
}

const head = 'id: q\nversion: 1\nlang: en\ntitle: T\nscale: { min: 1, max: 5, labels: { 1: a, 2: b, 3: c, 4: d, 5: e } }\nsections:\n';

describe('the customer survey in the questionnaire', () => {
  it('words every statement for customers in every language, or leaves it out with null, the same ones everywhere', () => {
    const leftOut = (q: Questionnaire) => q.sections.flatMap((s) => s.statements.filter((st) => st.customer === null).map((st) => st.id));
    expect(leftOut(reference)).toEqual(['success-measure', 'respected', 'learn-from-others']);
    for (const lang of SUPPORTED_LANGS) {
      const q = load(lang);
      expect(hasSurvey(q), lang).toBe(true);
      expect(leftOut(q), lang).toEqual(leftOut(reference));
      for (const section of q.sections) {
        expect(section.importance, `${lang} ${section.id}`).toMatch(/\S/);
        for (const st of section.statements) {
          if (st.customer === null) continue;
          // A customer's wording, not the owner's copied over.
          expect(st.customer, `${lang} ${st.id}`).not.toBe(st.text);
        }
      }
      // Translated, not English left in place.
      if (lang !== 'en') expect(q.sections[0]!.importance).not.toBe(reference.sections[0]!.importance);
    }
    expect(reference.sections.find((s) => s.id === 'outreach')!.statements[0]!.customer).toBe('They make it easy to do business with them.');
  });

  it('keeps a questionnaire without a survey valid, but once one has begun, asks for every part of it', () => {
    expect(hasSurvey(loadQuestionnaire(`${head}  - { id: a, title: A, statements: [{ id: x, text: X }] }\n`, 'q.yaml'))).toBe(false);
    expect(
      errors(`${head}  - { id: a, title: A, importance: Why?, statements: [{ id: x, text: X, customer: They X. }, { id: y, text: Y }] }\n  - { id: b, title: B, statements: [{ id: z, text: Z, customer: null }] }\n`),
    ).toEqual([
      'q.yaml:7:94 sections[0].statements[1].customer: required (once a questionnaire has a customer survey, every statement has its customer wording (customer: null where it means nothing to a customer) and every section its importance question)',
      'q.yaml:8:5 sections[1].importance: required (once a questionnaire has a customer survey, every statement has its customer wording (customer: null where it means nothing to a customer) and every section its importance question)',
    ]);
    expect(errors(`${head}  - { id: a, title: A, importance: Why?, statements: [{ id: x, text: X, customer: 3 }] }\n`)[0]).toContain('customer: expected');
  });

  it('holds a translation to the same statements in and out of the survey', () => {
    const changed = structuredClone(load('pt'));
    changed.sections[0]!.statements[0]!.customer = null;
    changed.sections[0]!.statements[3]!.customer = 'Julgam-se pelos clientes.';
    expect(compareQuestionnaireIds(reference, changed).map((p) => `${p.path} ${problemMessage(p, en)}`)).toEqual([
      'sections[0].statements[0].customer statement whatever-it-takes is left out of the survey (customer: null), but not in en',
      'sections[0].statements[3].customer statement success-measure is in the survey, but en leaves it out (customer: null)',
    ]);
  });
});
