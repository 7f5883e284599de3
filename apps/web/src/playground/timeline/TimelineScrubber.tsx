import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import type { PlaygroundActions, PlaygroundModel } from '../model';

/** At most one `scrub` per this many ms while the slider is dragged (the server's command budget is 20 a second, LIM-1). */
const SCRUB_INTERVAL_MS = 150;

type TimelineModel = Pick<PlaygroundModel, 'timeline' | 'scrubbedTo' | 'playing' | 'readOnly'>;

/** Whether this playground offers the scrubber: a session with checkpoints (or training, so soon with some) that the viewer drives (SCRUB-1). */
export function offersTimeline(model: TimelineModel, actions: PlaygroundActions): boolean {
  return !model.readOnly && actions.scrub !== undefined && model.timeline !== undefined && (model.timeline.length > 1 || model.playing);
}

/**
 * The timeline's scrubber: a slider whose stops are the session's checkpoints,
 * the last one "now"; looking back, "Resume from here" and "Back to now"
 * (SCRUB-2, SCRUB-3). The checkpoint epochs travel with `session` updates,
 * so the slider waits for a pause while the session trains.
 */
export function TimelineScrubber({ model, actions }: { model: TimelineModel; actions: PlaygroundActions }) {
  const t = useT();
  const epochs = model.timeline ?? [];
  const nowIndex = epochs.length - 1;
  const shownIndex = model.scrubbedTo === null || model.scrubbedTo === undefined ? nowIndex : Math.max(0, epochs.indexOf(model.scrubbedTo));
  const [dragIndex, setDragIndex] = useState<number | null>(null);
  const sender = useThrottled((index: number) => actions.scrub?.(index >= nowIndex ? null : epochs[index]!));
  // once the server shows where the slider went, the slider follows the session again
  useEffect(() => setDragIndex(null), [model.scrubbedTo]);
  const index = dragIndex ?? shownIndex;
  const lookingBack = model.scrubbedTo !== null && model.scrubbedTo !== undefined;
  return (
    <div className="pg-timeline" data-testid="timeline" data-scrubbed-to={model.scrubbedTo ?? undefined}>
      <label className="pg-timeline-slider">
        <span className="pg-field-label">{t('pg.timeline')}</span>
        <input
          type="range"
          min={0}
          max={nowIndex}
          step={1}
          value={index}
          disabled={model.playing}
          aria-valuetext={index >= nowIndex ? t('pg.timeline.now') : t('pg.timeline.at', { epoch: String(epochs[index]!) })}
          data-testid="timeline-slider"
          onChange={(event) => {
            const next = Number(event.target.value);
            setDragIndex(next);
            sender(next);
          }}
        />
        <output className="pg-timeline-value" data-testid="timeline-value">
          {index >= nowIndex ? t('pg.timeline.now') : t('pg.timeline.at', { epoch: String(epochs[index]!) })}
        </output>
      </label>
      {model.playing ? (
        <span className="pg-timeline-hint">{t('pg.timeline.pauseFirst')}</span>
      ) : (
        lookingBack && (
          <span className="pg-timeline-buttons">
            <button
              type="button"
              className="pg-timeline-resume"
              data-testid="timeline-resume"
              title={t('pg.timeline.resume.tip')}
              onClick={() => {
                actions.resumeFrom?.();
                actions.play();
              }}
            >
              {t('pg.timeline.resume')}
            </button>
            <button type="button" data-testid="timeline-now" onClick={() => actions.scrub?.(null)}>
              {t('pg.timeline.backToNow')}
            </button>
          </span>
        )
      )}
    </div>
  );
}

/** `send` at most every SCRUB_INTERVAL_MS, the last value always sent. */
function useThrottled(send: (index: number) => void): (index: number) => void {
  const latest = useRef<{ send: typeof send; index: number | null; timer: ReturnType<typeof setTimeout> | null }>({ send, index: null, timer: null });
  latest.current.send = send;
  useEffect(() => () => void (latest.current.timer && clearTimeout(latest.current.timer)), []);
  return (index) => {
    const state = latest.current;
    state.index = index;
    if (state.timer) return;
    state.send(index);
    state.index = null;
    state.timer = setTimeout(function flush() {
      state.timer = null;
      if (state.index !== null) {
        state.send(state.index);
        state.index = null;
        state.timer = setTimeout(flush, SCRUB_INTERVAL_MS);
      }
    }, SCRUB_INTERVAL_MS);
  };
}
