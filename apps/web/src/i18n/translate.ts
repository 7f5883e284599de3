import { MESSAGES, type MessageKey } from './messages';
import { useLanguageStore } from './language-store';
import type { Language } from './types';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Looks a message up and fills `{name}` placeholders. */
export function translate(language: Language, key: MessageKey, params?: Record<string, string | number>): string {
  const template = MESSAGES[language][key] ?? MESSAGES.en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The translate function for the current language; components re-render when it changes. */
export function useT(): Translate {
  const language = useLanguageStore((s) => s.language);
  return (key, params) => translate(language, key, params);
}
