import { useT } from '../../i18n';
import { classConnection } from '../../net';
import { useAppStore } from '../../store/app-store';
import { useForkLabels } from './forkOwner';

/** In the teacher's class view: which fork is on the class screen, and the button that takes it off. */
export function ClassSpotlightBanner() {
  const t = useT();
  const label = useForkLabels();
  const name = useAppStore((s) => {
    const id = s.classStatus.spotlightId;
    const fork = id ? s.forkSummaries[id] : undefined;
    return fork ? label(fork) : (s.classStatus.spotlightOwner?.name ?? '');
  });
  return (
    <div className="view-banner class-spotlight-banner" data-testid="class-spotlight-banner">
      <span>{t('dashboard.onScreen', { name })}</span>
      <span className="banner-actions">
        <button
          type="button"
          className="button small"
          data-testid="class-stop-spotlight"
          onClick={() => void classConnection.send<'spotlight'>({ type: 'spotlight', sessionId: null })}
        >
          {t('app.dashboard.stopSpotlight')}
        </button>
      </span>
    </div>
  );
}
