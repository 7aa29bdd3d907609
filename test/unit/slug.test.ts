/** The answers and plan file names the walk makes from a business name, in every script. */
import { describe, expect, it } from 'vitest';
import { slug } from '../../src/commands/assess.js';

describe('slug', () => {
  it('takes Latin letters without their accents, ł and ß included', () => {
    expect(slug('Padaria Pão Quente')).toBe('padaria-pao-quente');
    expect(slug('Piekarnia Złoty Kłos')).toBe('piekarnia-zloty-klos');
    expect(slug('Straße & Søn')).toBe('strasse-son');
    expect(slug('Šilta duona, UAB')).toBe('silta-duona-uab');
  });

  it('keeps the letters of other scripts whole', () => {
    expect(slug('Київська пекарня')).toBe('київська-пекарня');
    expect(slug('מאפיית השכונה')).toBe('מאפיית-השכונה');
  });

  it('has no dash at either end, at most 60 characters, and a name when nothing is left', () => {
    expect(slug('  --Acme--  ')).toBe('acme');
    expect([...slug('ł'.repeat(100))]).toHaveLength(60);
    expect(slug(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
    expect(slug('!!!')).toBe('csq');
  });
});
