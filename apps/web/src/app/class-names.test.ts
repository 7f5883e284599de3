import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { ALIAS_ANIMALS, ALIAS_COLORS, aliasText, classFacingName } from './class-names';

const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);
const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh-CN', key, params);

describe('NAMES-4: aliases as words', () => {
  it('says an alias in English and in Chinese', () => {
    expect(aliasText(en, 1)).toBe('Blue Otter');
    expect(aliasText(zh, 1)).toBe('蓝色水獭');
    expect(aliasText(en, 0)).toBe('Red Panda');
  });

  it('gives 220 different aliases before any repeats, then numbers them', () => {
    const pairs = ALIAS_COLORS * ALIAS_ANIMALS;
    const words = new Set(Array.from({ length: pairs }, (_, i) => aliasText(en, i)));
    expect(words.size).toBe(pairs);
    expect(new Set(Array.from({ length: pairs }, (_, i) => aliasText(zh, i))).size).toBe(pairs);
    expect(aliasText(en, pairs + 1)).toBe('Blue Otter 2');
    expect(words.has(aliasText(en, pairs + 1))).toBe(false);
  });
});

describe('NAMES-2: the name the class sees', () => {
  it('is a student\'s alias while names are hidden, the teacher\'s name always', () => {
    expect(classFacingName(en, { name: 'Ann', role: 'student', alias: 1 }, true)).toBe('Blue Otter');
    expect(classFacingName(en, { name: 'Ann', role: 'student', alias: 1 }, false)).toBe('Ann');
    expect(classFacingName(en, { name: 'Ms Chen', role: 'teacher', alias: 0 }, true)).toBe('Ms Chen');
  });
});
