import { useEffect } from 'react';
import { useLanguageStore, useT } from '../i18n';
import { ClassPage } from '../pages/ClassPage';
import { HomePage } from '../pages/HomePage';
import { LocalPage } from '../pages/LocalPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ProjectorPage } from '../pages/ProjectorPage';
import { TeachPage } from '../pages/TeachPage';
import { Header } from './Header';
import { useRoute } from './navigation';

/** The app: header plus the page the URL names. */
export function App() {
  const route = useRoute();
  const language = useLanguageStore((s) => s.language);
  const t = useT();
  const title = route.page === 'class' || route.page === 'projector' ? `${route.code} · ${t('app.title')}` : t('app.title');
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = title;
  }, [language, title]);

  // the classroom's screen: its own bar, no page chrome, nothing to scroll
  if (route.page === 'projector') return <ProjectorPage key={route.code} code={route.code} />;
  return (
    <div className="app">
      <Header />
      <main className="app-main">
        {route.page === 'home' && <HomePage joinCode={route.joinCode} />}
        {route.page === 'class' && <ClassPage key={route.code} code={route.code} />}
        {route.page === 'teach' && <TeachPage key={route.code} code={route.code} />}
        {route.page === 'local' && <LocalPage />}
        {route.page === 'not-found' && <NotFoundPage />}
      </main>
    </div>
  );
}
