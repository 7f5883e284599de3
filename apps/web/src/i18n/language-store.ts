import { create } from 'zustand';
import { LANGUAGES, type Language } from './types';

const STORAGE_KEY = 'playroom.language';

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  const browser = typeof navigator !== 'undefined' ? navigator.language : 'en';
  return browser.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

interface LanguageState {
  language: Language;
  setLanguage(language: Language): void;
}

/** The chosen UI language, remembered in localStorage. */
export const useLanguageStore = create<LanguageState>((set) => ({
  language: initialLanguage(),
  setLanguage(language) {
    if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, language);
    if (typeof document !== 'undefined') document.documentElement.lang = language;
    set({ language });
  },
}));
