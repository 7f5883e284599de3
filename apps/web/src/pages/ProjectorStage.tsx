import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { DEFAULT_CONFIG } from '@playroom/engine';
import { useT } from '../i18n';
import { classFacingName } from '../app/class-names';
import { HeatmapRenderer } from '../render/heatmapRenderer';
import { HeatmapContext } from '../playground/HeatmapContext';
import { ColorLegend } from '../playground/output/ColorLegend';
import { LossChart } from '../playground/output/LossChart';
import { LookingBack } from '../playground/timeline/LookingBack';
import { OutputHeatmap } from '../playground/output/OutputHeatmap';
import { OutputMetrics } from '../playground/output/OutputMetrics';
import { useDataSplit } from '../playground/useDataSplit';
import { useAppStore } from '../store/app-store';
import type { SessionView } from '@playroom/protocol';
import { ProjectedLessonLine } from './lesson/LessonStepCard';
import '../playground/output/output.css';
import { ChallengeProjection } from './challenge/ChallengeProjection';

/** The session the class should look at: the spotlighted fork while there is one (and we have it), else the class session. */
function useProjectedSession(): SessionView | null {
  return useAppStore((s) => {
    const spotlight = s.classStatus.spotlightId ? s.sessions[s.classStatus.spotlightId] : undefined;
    if (spotlight) return spotlight;
    return s.classSessionId ? (s.sessions[s.classSessionId] ?? null) : null;
  });
}

/** An element's content height, followed with a ResizeObserver. */
function useElementHeight(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const measured = entries[0]?.contentRect.height;
      if (measured && measured > 0) setHeight(Math.floor(measured));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, height };
}

/**
 * The projected session, read-only: the output heatmap as large as the
 * screen's height allows, beside the losses in large type and the loss
 * chart filling the rest of the column (the playground's own components).
 */
export function ProjectorStage() {
  const t = useT();
  const session = useProjectedSession();
  const spotlightOwner = useAppStore((s) => (s.classStatus.spotlightId && s.classStatus.spotlightOwner) || null);
  const spotlighted = useAppStore((s) => s.classStatus.spotlightId !== null && s.sessions[s.classStatus.spotlightId] !== undefined);
  // a teacher device, but the class reads it: aliases while names are hidden (NAMES-2)
  const namesHidden = useAppStore((s) => s.classStatus.namesHidden);
  const challenged = useAppStore((s) => s.challenge !== null);
  const [renderer] = useState(() => new HeatmapRenderer());
  const chart = useElementHeight(240);
  const data = useDataSplit(session?.config ?? DEFAULT_CONFIG) // a hook: it runs before the session is here too;

  useLayoutEffect(() => {
    if (session) renderer.setSource(session.config, session.params);
  }, [renderer, session?.config, session?.params]);
  useEffect(() => () => renderer.dispose(), [renderer]);

  if (!session) return <p className="projector-message">{t('projector.waiting')}</p>;
  const { config, metrics } = session;
  const classifies = config.problem !== 'regression';
  const title =
    spotlighted && spotlightOwner
      ? t(spotlightOwner.role === 'teacher' ? 'app.class.spotlightTeacher' : 'app.class.spotlight', { name: classFacingName(t, spotlightOwner, namesHidden) })
      : t('projector.classSession');

  return (
    <HeatmapContext.Provider value={renderer}>
      <div className="projector-stage" data-testid="projector-stage" data-session-id={session.sessionId}>
        <div className="projector-heatmap">
          <OutputHeatmap data={data} problem={config.problem} showTestData={false} />
        </div>
        <div className="projector-side">
          <h1 className="projector-session-title" data-testid="projector-session-title">
            {title}
          </h1>
          <p className="projector-epoch" data-testid="projector-epoch">
            {t('projector.epoch', { epoch: session.epoch })}
          </p>
          <LookingBack scrubbedTo={session.scrubbedTo} inline />
          <ProjectedLessonLine preset={session.preset} />
          <OutputMetrics metrics={metrics} classifies={classifies} />
          {/* during and after a challenge the class looks at the leaderboard, then the podium, instead of the curve */}
          {challenged ? (
            <ChallengeProjection />
          ) : (
            <div className="projector-chart" ref={chart.ref}>
              {/* the legend above the chart takes about 44 px of the slot */}
              <LossChart history={session.lossHistory.points} large height={Math.max(120, chart.height - 44)} />
            </div>
          )}
          <ColorLegend classes={config.problem === 'multiclass' ? (data?.numClasses ?? 0) : 2} />
        </div>
      </div>
    </HeatmapContext.Provider>
  );
}
