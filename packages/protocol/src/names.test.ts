import { describe, expect, it } from 'vitest';
import { cleanDisplayName } from './names';

describe('NAME-1: cleanDisplayName', () => {
  it('removes bidi marks, overrides and isolates, makes controls a space, trims', () => {
    expect(cleanDisplayName('\u202eAna\u202c')).toBe('Ana');
    expect(cleanDisplayName('\u2066Li\u2069 \u200eWang\u200f\u061c')).toBe('Li Wang');
    expect(cleanDisplayName('  Ana\n\tLi\u0000\u0085 ')).toBe('Ana Li');
    expect(cleanDisplayName('\u202a\u202b\u202d\u2067\u2068')).toBe('');
  });

  it('keeps HTML as text, and every letter and emoji', () => {
    expect(cleanDisplayName('<b>Ana</b> & 李 🌟')).toBe('<b>Ana</b> & 李 🌟');
  });
});
