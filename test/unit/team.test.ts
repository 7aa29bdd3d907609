/** A team Result merges what every respondent wrote; one respondent's vision, chosen explicitly. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/core/answers.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { resultSchema, type Result } from '../../src/core/result.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { combineResults, mergePolicies, policyDisagreements } from '../../src/core/team.js';
import { readFixture } from '../helpers.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const score = (text: string) => scoreAnswers(q, loadAnswers(text, 'x.yaml', q));

describe('combineResults merges every respondent', () => {
  const owner = score(readFixture('team', 'owner.yaml'));
  const other = (changes: Partial<Result>): Result => ({ ...score(readFixture('team', 'clerk.yaml')), ...changes });
  const policy = (name: string, friendly: boolean, necessary: boolean, note: string | null = null) =>
    ({ name, friendly, necessary, note, action: friendly ? (necessary ? 'keep-and-strengthen' : 'add-more') : necessary ? 'make-friendlier' : 'drop' }) as const;

  it('keeps every respondent’s policies, each name once (case and spacing aside)', () => {
    const clerk = other({ policies: [policy("we don't  DO windows", false, false), policy('Free parking for clients', true, false, 'They asked')] });
    const combined = combineResults([owner, clerk]);
    expect(combined.policies.map((p) => p.name)).toEqual([...owner.policies.map((p) => p.name), 'Free parking for clients']);
    expect(combined.policies.at(-1)).toEqual(policy('Free parking for clients', true, false, 'They asked'));
    // Still a valid Result.
    expect(resultSchema().safeParse(JSON.parse(JSON.stringify(combined))).success).toBe(true);
  });

  it('takes a note from a later respondent when the first gave none', () => {
    const a = other({ policies: [policy('Deposits', false, true)] });
    const b = other({ policies: [policy('deposits', false, true, 'Explain why')] });
    expect(mergePolicies([a, b])).toEqual([policy('Deposits', false, true, 'Explain why')]);
  });

  it('lists the policies respondents judged differently', () => {
    const a = other({ policies: [policy('Deposits', false, true)] });
    const b = other({ policies: [policy('DEPOSITS', true, true)] });
    expect(policyDisagreements([a, b])).toEqual([
      { name: 'Deposits', judgments: [{ respondent: 0, friendly: false, necessary: true }, { respondent: 1, friendly: true, necessary: true }] },
    ]);
    expect(combineResults([a, b]).policies).toEqual([policy('Deposits', false, true)]);
  });

  it('merges the requirement lists without repeats', () => {
    const clerk = other({ requirements: { internal: ['QUOTES take five working days on average', 'Vans are late'], employees: [], topRequests: ['Faster quotes', 'Parking'] } });
    const combined = combineResults([owner, clerk]);
    expect(combined.requirements.internal).toEqual([...owner.requirements.internal, 'Vans are late']);
    expect(combined.requirements.employees).toEqual(owner.requirements.employees);
    expect(combined.requirements.topRequests).toEqual([...owner.requirements.topRequests, 'Parking']);
  });

  it('uses one respondent’s vision, vision notes, communication and education: the first, or the lead', () => {
    const clerk = other({
      vision: 'Clean offices, happy people.',
      visionNotes: { tenYears: null, fiveThings: ['Speed'], customerShoes: null, picture: null },
      communication: { ...owner.communication, greet: 'Smile first.' },
      education: { kickoff: '2027-01-10', owner: 'Ana Ruiz', training: null },
    });
    const first = combineResults([owner, clerk]);
    expect([first.vision, first.visionNotes, first.communication, first.education]).toEqual([owner.vision, owner.visionNotes, owner.communication, owner.education]);
    const led = combineResults([owner, clerk], { lead: 1 });
    expect([led.vision, led.visionNotes, led.communication, led.education]).toEqual([clerk.vision, clerk.visionNotes, clerk.communication, clerk.education]);
    // Scores do not depend on the lead.
    expect(led.overall).toEqual(first.overall);
  });
});
