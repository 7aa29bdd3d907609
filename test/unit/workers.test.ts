import { describe, expect, it } from 'vitest';
import { workerCount } from '../../src/pipeline/workers.js';

describe('how many worker threads a batch gets', () => {
  const cores = (n: number) => () => n;
  it('none below 128 files, or on one core', () => {
    expect(workerCount(127, {}, cores(8))).toBe(0);
    expect(workerCount(10_000, {}, cores(1))).toBe(0);
  });
  it('two from 128 files on a machine with more than one core, never more', () => {
    expect(workerCount(128, {}, cores(2))).toBe(2);
    expect(workerCount(10_000, {}, cores(64))).toBe(2);
  });
  it('CSQ_WORKERS decides when it is a whole number: 0 turns them off, never more than the files', () => {
    expect(workerCount(10_000, { CSQ_WORKERS: '0' }, cores(8))).toBe(0);
    expect(workerCount(3, { CSQ_WORKERS: '2' }, cores(1))).toBe(2);
    expect(workerCount(1, { CSQ_WORKERS: '4' }, cores(8))).toBe(1);
    expect(workerCount(500, { CSQ_WORKERS: 'many' }, cores(8))).toBe(2);
  });
});
