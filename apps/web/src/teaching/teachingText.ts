/**
 * The one place teaching keys are built from engine ids (teach.concept.<id>.*,
 * teach.preset.<id>.*, teach.lesson.<id>.*). Preset and lesson ids are plain
 * strings in the engine, so their keys are checked here at run time and by
 * teachingText.test.ts for every id, in both languages.
 */
import type { ConceptId } from '@playroom/engine';
import { MESSAGES } from '../i18n/messages';
import type { MessageKey, Translate } from '../i18n';

/** Whether a message key exists (the optional `.more` lines, the keys of an id from the wire). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES.en, key);
}

function textOf(t: Translate, key: string): string | null {
  return isMessageKey(key) ? t(key) : null;
}

export const conceptTitle = (t: Translate, concept: ConceptId): string => t(`teach.concept.${concept}.title`);
export const conceptBody = (t: Translate, concept: ConceptId): string => t(`teach.concept.${concept}.body`);
/** The card's optional extra line, or null. */
export const conceptMore = (t: Translate, concept: ConceptId): string | null => textOf(t, `teach.concept.${concept}.more`);

/** A preset's short title; its id when the preset is unknown to this build. */
export const presetTitle = (t: Translate, presetId: string): string => textOf(t, `teach.preset.${presetId}.title`) ?? presetId;
/** What to watch once a preset is loaded, or null for an unknown preset. */
export const presetWatch = (t: Translate, presetId: string): string | null => textOf(t, `teach.preset.${presetId}.watch`);

export const lessonTitle = (t: Translate, lessonId: string): string => textOf(t, `teach.lesson.${lessonId}.title`) ?? lessonId;
export const lessonIntro = (t: Translate, lessonId: string): string | null => textOf(t, `teach.lesson.${lessonId}.intro`);
