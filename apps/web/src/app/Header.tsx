import { useT } from '../i18n';
import { ConnectionBadge } from './ConnectionBadge';
import { LanguageToggle } from './LanguageToggle';
import { navigate } from './navigation';

/** The top bar: the name (a link home), the connection badge and the language toggle. */
export function Header() {
  const t = useT();
  return (
    <header className="app-header">
      <a
        className="brand"
        href="/"
        data-testid="home-link"
        onClick={(e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
          e.preventDefault();
          navigate({ page: 'home', joinCode: null });
        }}
      >
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{t('app.brand')}</span>
      </a>
      <div className="header-tools">
        <ConnectionBadge />
        <LanguageToggle />
      </div>
    </header>
  );
}
