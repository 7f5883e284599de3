import { useState } from 'react';
import { useT } from '../i18n';
import { navigate } from '../app/navigation';
import { forgetIdentity, listIdentities } from '../store/identity-storage';
import { forgetKeptWork, listKeptWork } from '../store/kept-work';
import { JoinClassCard } from './JoinClassCard';
import { StartClassCard } from './StartClassCard';

/** The front page: start a class, join one, or practise alone; plus the classes this browser was in, and the ended ones whose work it keeps. */
export function HomePage({ joinCode }: { joinCode: string | null }) {
  const t = useT();
  // keyed by the code, so following another /join/CODE link refills the form
  const join = <JoinClassCard key={`join-${joinCode ?? ''}`} initialCode={joinCode} />;
  const start = <StartClassCard key="start" />;
  return (
    <div className="home">
      <section className="home-hero">
        <h1>{t('app.title')}</h1>
        <p>{t('app.tagline')}</p>
      </section>
      <div className="home-cards">
        {/* someone who followed a join link came to join: put that first */}
        {joinCode ? [join, start] : [start, join]}
        <div className="card home-card">
          <h2>{t('app.home.local.title')}</h2>
          <p className="card-body">{t('app.home.local.body')}</p>
          <button type="button" className="button" data-testid="practice" onClick={() => navigate({ page: 'local' })}>
            {t('app.home.local.submit')}
          </button>
        </div>
      </div>
      <RememberedClasses />
      <KeptClasses />
    </div>
  );
}

/** The classes this browser is in: back to their page, or forget them. */
function RememberedClasses() {
  const t = useT();
  const [identities, setIdentities] = useState(listIdentities);
  return (
    <ClassList
      testId="remembered-classes"
      title={t('app.home.resume.title')}
      items={identities.map((i) => ({ code: i.code, label: t('app.home.resume.item', { code: i.code, role: t(`app.role.${i.role}`), name: i.name }) }))}
      onForget={(code) => {
        forgetIdentity(code);
        setIdentities(listIdentities());
      }}
    />
  );
}

/** Classes that ended while this browser was in them: their page offers the forks kept (CMD-7). */
function KeptClasses() {
  const t = useT();
  const [kept, setKept] = useState(listKeptWork);
  return (
    <ClassList
      testId="kept-classes"
      title={t('app.home.kept.title')}
      items={kept.map((w) => ({ code: w.code, label: t('app.home.kept.item', { code: w.code, name: w.name }) }))}
      onForget={(code) => {
        forgetKeptWork(code);
        setKept(listKeptWork());
      }}
    />
  );
}

/** Links to class pages by room code, each with a "Forget" button; nothing when there are none. */
function ClassList({ testId, title, items, onForget }: { testId: string; title: string; items: { code: string; label: string }[]; onForget(code: string): void }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <section className="remembered" data-testid={testId}>
      <h2>{title}</h2>
      <ul>
        {items.map(({ code, label }) => (
          <li key={code}>
            <a
              href={`/class/${code}`}
              onClick={(e) => {
                e.preventDefault();
                navigate({ page: 'class', code });
              }}
            >
              {label}
            </a>
            <button type="button" className="button small quiet" onClick={() => onForget(code)}>
              {t('app.home.resume.forget')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
