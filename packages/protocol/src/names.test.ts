import { describe, expect, it } from 'vitest';
import { cleanDisplayName, uniqueDisplayName } from './names';

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

describe('NAMES-3: uniqueDisplayName', () => {
  it('keeps a new name, suffixes a taken one with the first free number, ignoring case', () => {
    expect(uniqueDisplayName('Ann', ['Bo', 'Teacher'])).toBe('Ann');
    expect(uniqueDisplayName('Ann', ['Ann'])).toBe('Ann (2)');
    expect(uniqueDisplayName('ann', ['Ann', 'Ann (2)'])).toBe('ann (3)');
    expect(uniqueDisplayName('Ann', ['Ann', 'Ann (3)'])).toBe('Ann (2)');
    expect(uniqueDisplayName('李雷', ['李雷'])).toBe('李雷 (2)');
  });

  it('folds compatibility forms, so a full-width name is the same name', () => {
    expect(uniqueDisplayName('ＡＮＮ', ['ann'])).toBe('ＡＮＮ (2)');
  });
});
