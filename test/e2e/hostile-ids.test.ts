/**
 * Ids that are also Object.prototype names. `constructor` is a valid section, statement
 * and profile id; a lookup that finds Object.prototype's instead of "not there" once
 * skipped a missing section, ignored a profile default and wrote `function Object()`.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csq, fixture, tempDir } from '../helpers.js';

const Q = ['--questionnaire', fixture('hostile', 'questionnaire.yaml')];

describe('ids named like Object.prototype properties', () => {
  it('scores a complete file exactly', () => {
    const run = csq(['report', fixture('hostile', 'complete.yaml'), ...Q, '--format', 'json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.profile).toEqual({ constructor: true });
    expect(result.overall).toEqual({ score: 15, max: 25, percent: 60 });
    expect(result.sections.map((s: { id: string; ratings: object }) => [s.id, s.ratings])).toEqual([
      ['constructor', { first: 4, second: 2 }],
      ['service', { constructor: 3, delight: 5 }],
      ['staff', { respected: 1 }],
    ]);
  });

  it('applies the default of a profile question called constructor', () => {
    const run = csq(['report', fixture('hostile', 'no-profile.yaml'), ...Q, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${fixture('hostile', 'no-profile.yaml')}:3:1 ratings: missing section staff (1 ratings) (run \`csq init\` to see every id)\n`);
  });

  it('reports a missing section and a missing statement called constructor', () => {
    const file = fixture('hostile', 'missing-ids.yaml');
    const run = csq(['validate', file, ...Q]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `${file}:3:1 ratings: missing section constructor (2 ratings) (run \`csq init\` to see every id)\n` +
        `${file}:4:12 ratings.service: missing rating for constructor\n`,
    );
  });

  it('writes the profile default in csq init', () => {
    const run = csq(['init', ...Q]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\n  constructor: true   # Do you have employees?\n');
  });

  it('says a saved Result lacks a profile answer, in csq team', () => {
    const dir = tempDir();
    const saved = path.join(dir, 'saved.json');
    const result = JSON.parse(csq(['report', fixture('hostile', 'complete.yaml'), ...Q, '--format', 'json']).stdout);
    writeFileSync(saved, JSON.stringify({ ...result, profile: {} }));
    const run = csq(['team', fixture('hostile', 'complete.yaml'), saved, ...Q, '-o', path.join(dir, 'team.md')]);
    expect(run.code).toBe(2);
    // Refused as it is read, like any Result that does not answer its questionnaire's profile.
    expect(run.stderr).toMatch(new RegExp(`^${saved.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:\\d+ profile: missing profile\\.constructor\n$`));
  });
});
