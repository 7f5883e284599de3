export { useT, translate, type Translate } from './translate';
export { useLanguageStore } from './language-store';
export { LANGUAGES, type Language } from './types';
export type { MessageKey } from './messages';
