import { useState } from 'react';
import { useT } from '../i18n';
import { navigate } from '../app/navigation';
import { forgetIdentity, listIdentities } from '../store/identity-storage';
import { JoinClassCard } from './JoinClassCard';
import { StartClassCard } from './StartClassCard';

/** The front page: start a class, join one, or practise alone; plus the classes this browser was in. */
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
    </div>
  );
}

function RememberedClasses() {
  const t = useT();
  const [identities, setIdentities] = useState(listIdentities);
  if (identities.length === 0) return null;
  return (
    <section className="remembered" data-testid="remembered-classes">
      <h2>{t('app.home.resume.title')}</h2>
      <ul>
        {identities.map((identity) => (
          <li key={identity.code}>
            <a
              href={`/class/${identity.code}`}
              onClick={(e) => {
                e.preventDefault();
                navigate({ page: 'class', code: identity.code });
              }}
            >
              {t('app.home.resume.item', { code: identity.code, role: t(`app.role.${identity.role}`), name: identity.name })}
            </a>
            <button
              type="button"
              className="button small quiet"
              onClick={() => {
                forgetIdentity(identity.code);
                setIdentities(listIdentities());
              }}
            >
              {t('app.home.resume.forget')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
