import { describe, expect, it } from 'vitest';
import { CONCEPT_IDS, CONCEPT_PRESETS, PRESET_IDS, READY_LESSON_IDS } from '@playroom/engine';
import { MESSAGES } from '../i18n/messages';
import { LANGUAGES, translate } from '../i18n';
import { isMessageKey, presetTitle, presetWatch } from './teachingText';

/* Every engine id the cards name has its teaching texts, in both languages (issue 12). */

const required = [
  ...CONCEPT_IDS.flatMap((id) => [`teach.concept.${id}.title`, `teach.concept.${id}.body`]),
  ...PRESET_IDS.flatMap((id) => [`teach.preset.${id}.title`, `teach.preset.${id}.watch`]),
  ...READY_LESSON_IDS.flatMap((id) => [`teach.lesson.${id}.title`, `teach.lesson.${id}.intro`]),
];

describe('teaching texts', () => {
  it('name every concept, preset and ready lesson of the engine, in English and 简体中文', () => {
    expect(PRESET_IDS).toHaveLength(18);
    for (const key of required) {
      expect(isMessageKey(key), key).toBe(true);
      for (const language of LANGUAGES) {
        const text = isMessageKey(key) ? MESSAGES[language][key] : '';
        expect(text.trim().length, `${language} ${key}`).toBeGreaterThan(3);
      }
      // a Chinese text that is the English one was not translated
      if (isMessageKey(key)) expect(MESSAGES['zh-CN'][key], key).not.toBe(MESSAGES.en[key]);
    }
  });

  it('keep no teaching key that names an id the engine does not have', () => {
    const known = new Set<string>(required);
    const optional = /^teach\.concept\.(\w+)\.more$/;
    for (const key of Object.keys(MESSAGES.en).filter((k) => /^teach\.(concept|preset|lesson)\./.test(k))) {
      const more = optional.exec(key);
      if (more) expect(CONCEPT_IDS as readonly string[], key).toContain(more[1]);
      else expect(known.has(key), key).toBe(true);
    }
  });

  it('give each concept body two to four sentences', () => {
    for (const id of CONCEPT_IDS) {
      const en = translate('en', `teach.concept.${id}.body`).split(/[.!?](\s|$)/).filter((s) => s.trim().length > 1);
      const zh = translate('zh-CN', `teach.concept.${id}.body`).split(/[。！？]/).filter((s) => s.trim().length > 0);
      expect(en.length, id).toBeGreaterThanOrEqual(2);
      expect(en.length, id).toBeLessThanOrEqual(5);
      expect(zh.length, id).toBeGreaterThanOrEqual(2);
      expect(zh.length, id).toBeLessThanOrEqual(5);
    }
  });

  it('look presets up by id, falling back to the id for one this build does not know', () => {
    const t = (key: Parameters<typeof translate>[1]) => translate('zh-CN', key);
    expect(presetTitle(t, 'xor-linear')).toBe('用线性网络做异或');
    expect(presetWatch(t, 'xor-linear')).toContain('直线');
    expect(presetTitle(t, 'no-such-preset')).toBe('no-such-preset');
    expect(presetWatch(t, 'no-such-preset')).toBeNull();
    for (const id of CONCEPT_IDS) for (const preset of CONCEPT_PRESETS[id]) expect(presetTitle(t, preset)).not.toBe(preset);
  });
});
