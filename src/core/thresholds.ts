/** Quality gates (--min-score, --min-section): pure checks on a Result. */
import { fail, type Values } from '../errors.js';
import type { Messages } from '../i18n/en.js';
import { nearest } from './nearest.js';
import type { Questionnaire } from './questionnaire.js';
import type { Result } from './result.js';
import { isPlainDecimal } from './yaml.js';

export interface SectionGate {
  section: string;
  min: number;
}

export interface Gates {
  minScore?: number;
  minSections: SectionGate[];
}

/** Plain decimal only, as in the files (`60`, `59.5`): Number() would also take `0x10`, `1e1`, `+5` and ` 5`. */
export function parsePercent(value: string, flag: string): number {
  const n = Number(value);
  if (!isPlainDecimal(value) || n < 0 || n > 100) {
    const plainHint = !isPlainDecimal(value) && value.trim() !== '' && !Number.isNaN(n);
    fail('not-a-percent', { flag, value }, plainHint ? { hint: 'write-percent-plain' } : {});
  }
  return n;
}

/** `errors=60` → { section: 'errors', min: 60 }, checked against the questionnaire's ids. */
export function parseSectionGate(spec: string, q: Questionnaire): SectionGate {
  const match = /^([^=]+)=(.*)$/.exec(spec);
  if (!match) fail('not-a-section-gate', { value: spec });
  const [, section, value] = match as unknown as [string, string, string];
  const ids = q.sections.map((s) => s.id);
  if (!ids.includes(section)) {
    const near = nearest(section, ids);
    fail('gate-unknown-section', { section }, near ? { hint: 'did-you-mean', hintValues: { name: near } } : { hint: 'known-ids', hintValues: { names: ids.join(', ') } });
  }
  return { section, min: parsePercent(value, '--min-section') };
}

/** Something the gates say: a key of the catalogue's `gates`, with its values. */
export interface GateMessage {
  key: keyof Messages['gates'];
  values: Values;
}

export interface GateOutcome {
  failures: GateMessage[];
  notes: GateMessage[];
}

/** Exact comparisons (score × 100 ≥ min × max), so a rounded 59.95 never passes a 60 gate. */
export function checkGates(result: Result, gates: Gates): GateOutcome {
  const failures: GateMessage[] = [];
  const notes: GateMessage[] = [];
  if (gates.minScore !== undefined && result.overall.score * 100 < gates.minScore * result.overall.max) {
    failures.push({ key: 'overallBelow', values: { percent: result.overall.percent, min: gates.minScore } });
  }
  for (const gate of gates.minSections) {
    const section = result.sections.find((s) => s.id === gate.section);
    if (!section?.applicable) {
      notes.push({ key: 'sectionSkipped', values: { section: gate.section } });
    } else if (section.score! * 100 < gate.min * section.max!) {
      failures.push({ key: 'sectionBelow', values: { section: gate.section, percent: section.percent!, min: gate.min } });
    }
  }
  return { failures, notes };
}
