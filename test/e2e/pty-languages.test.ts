/**
 * The whole walk in a real pseudo-terminal in Portuguese, Polish and Hebrew, chosen by the locale: every
 * question found on screen by its catalogue words, digit keys rating, the plan written in
 * the language. Hebrew shows its right-to-left question text, and the digits still rate.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { messagesFor, SUPPORTED_LANGS } from '../../src/i18n/index.js';
import { CLI, tempDir } from '../helpers.js';
import { hasTmux, Terminal } from './tmux.js';

const WALKED = ['pl', 'he', 'pt'].filter((lang) => SUPPORTED_LANGS.includes(lang));
const LOCALES: Record<string, string> = { pt: 'pt_BR.UTF-8', pl: 'pl_PL.UTF-8', he: 'he_IL.UTF-8' };

const terminals: Terminal[] = [];
afterEach(() => terminals.splice(0).forEach((t) => t.close()));

/** What of a message shows on screen before its first placeholder, without direction marks: enough to find the question. */
const cue = (message: string) => message.split('{')[0]!.replace(/[\u2066-\u2069\u200e\u200f]/g, '').trim().slice(0, 24);

describe.runIf(hasTmux || process.env.CI)('the walk in other languages', () => {
  for (const lang of WALKED) {
    it(`walks in ${lang} from the locale, from welcome to the written plan`, async () => {
      const m = messagesFor(lang);
      const w = m.walk;
      const q = loadQuestionnaire(readFileSync(`questionnaires/csq.${lang}.yaml`, 'utf8'), `csq.${lang}.yaml`);
      const dir = tempDir();
      const t = new Terminal(`node ${CLI}`, dir, { LANG: LOCALES[lang]! });
      terminals.push(t);
      await t.ask(cue(w.organization), { text: 'Test Co' });
      await t.ask(cue(w.respondent));
      await t.ask(cue(q.profile[0]!.question), { text: 'n' });
      const solo = q.sections.filter((s) => s.when === undefined);
      for (const section of solo) {
        for (const st of section.statements) await t.ask(cue(st.without?.staff ?? st.text), { keys: ['4'] });
        await t.ask(cue(w.review));
      }
      await t.ask(cue(w.proposeImprove));
      await t.ask(cue(w.actionPick));
      await t.ask(cue(w.actionOwner), { text: 'Ola' });
      await t.ask(cue(w.actionDue), { text: '2027-03-01' });
      await t.ask(cue(w.actionMeasure));
      await t.choose(cue(w.actionPick), w.actionsDone);
      for (let i = 0; i < 2; i++) await t.choose(cue(w.actionPick), w.actionsSkip);
      const vp = m.method.visionPrompts;
      for (const question of [w.internal, w.topRequests, vp.tenYears, w.fiveThings, vp.customerShoes, vp.picture]) await t.ask(cue(question));
      await t.ask(cue(w.vision), { text: 'Vision 2027' });
      await t.ask(cue(w.policyName));
      await t.ask(cue(w.addFriendly));
      for (let i = 0; i < 6; i++) await t.ask('');
      await t.ask(cue(w.reviewDate));
      await t.choose(cue(w.reviewScreen), w.reviewWrite);
      expect(await t.exitCode()).toBe(0);
      const plan = readFileSync(path.join(dir, 'test-co-plan.md'), 'utf8');
      expect(plan.split('\n')[0]).toContain(m.plan.title);
      expect(plan).toContain('Vision 2027');
      expect(plan).toContain('| Ola |');
      const answers = readFileSync(path.join(dir, 'test-co-answers.yaml'), 'utf8');
      expect(answers).toContain(`lang: ${lang}`);
      // Every statement was rated with the digit key 4.
      const statements = solo.flatMap((s) => s.statements).length;
      expect(answers.match(/: 4\b/g)?.length).toBe(statements);
    });
  }
});
