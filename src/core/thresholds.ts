/** Quality gates (--min-score, --min-section): pure checks on a Result. */
import { CsqError, ExitCode } from '../errors.js';
import { nearest } from './issues.js';
import type { Questionnaire } from './questionnaire.js';
import type { Result } from './result.js';
import { isPlainDecimal } from './source.js';

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
    const hint = !isPlainDecimal(value) && value.trim() !== '' && !Number.isNaN(n) ? ' (write it in plain decimal, such as 60 or 59.5)' : '';
    throw new CsqError(`${flag} expects a percentage from 0 to 100, got "${value}"${hint}`, ExitCode.invalid);
  }
  return n;
}

/** `errors=60` → { section: 'errors', min: 60 }, checked against the questionnaire's ids. */
export function parseSectionGate(spec: string, q: Questionnaire): SectionGate {
  const match = /^([^=]+)=(.*)$/.exec(spec);
  if (!match) throw new CsqError(`--min-section expects ID=PERCENT, e.g. errors=60, got "${spec}"`, ExitCode.invalid);
  const [, section, value] = match as unknown as [string, string, string];
  const ids = q.sections.map((s) => s.id);
  if (!ids.includes(section)) {
    const near = nearest(section, ids);
    throw new CsqError(`--min-section: unknown section "${section}"${near ? ` (did you mean "${near}"?)` : ` (known: ${ids.join(', ')})`}`, ExitCode.invalid);
  }
  return { section, min: parsePercent(value, '--min-section') };
}

export interface GateOutcome {
  failures: string[];
  notes: string[];
}

/** Exact comparisons (score × 100 ≥ min × max), so a rounded 59.95 never passes a 60 gate. */
export function checkGates(result: Result, gates: Gates): GateOutcome {
  const failures: string[] = [];
  const notes: string[] = [];
  if (gates.minScore !== undefined && result.overall.score * 100 < gates.minScore * result.overall.max) {
    failures.push(`overall CSQ ${result.overall.percent}% is below the minimum ${gates.minScore}%`);
  }
  for (const gate of gates.minSections) {
    const section = result.sections.find((s) => s.id === gate.section);
    if (!section?.applicable) {
      notes.push(`section ${gate.section} does not apply to these answers; its gate was skipped`);
    } else if (section.score! * 100 < gate.min * section.max!) {
      failures.push(`section ${gate.section} ${section.percent}% is below the minimum ${gate.min}%`);
    }
  }
  return { failures, notes };
}
