import { useLanguageStore, useT } from '../i18n';

/** Switches between English and 简体中文; the label is the other language, in that language. */
export function LanguageToggle() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const setLanguage = useLanguageStore((s) => s.setLanguage);
  const next = language === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      className="language-toggle"
      data-testid="language-toggle"
      lang={next}
      title={t('app.language')}
      aria-label={`${t('app.language')}: ${t('app.language.switchTo')}`}
      onClick={() => setLanguage(next)}
    >
      {t('app.language.switchTo')}
    </button>
  );
}
