import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { sameCustomPoints, type CustomPoint, type DataSplit } from '@playroom/engine';
import { lessonAccess, type CommandStatus, type PlaygroundActions, type PlaygroundModel } from '../model';
import { dataSplitOf } from '../useDataSplit';
import { customPoint, firstLabel, isFull, startingPoints, withoutNearest, withPoint, type DrawTool } from './drawEdits';

/**
 * A burst of taps is one command: the first edit after a quiet moment waits
 * this long, and every edit meanwhile joins it. Four commands a second at
 * most, well within a socket's 20 a second (LIM-1), and each one regenerates
 * the data and the network, which a tap-per-command would redo per tap.
 */
export const DRAW_SEND_DELAY_MS = 250;

/** Whether drawing is on screen, and whether the viewer may use it (read-only and the `dataset` lesson control, LESSON-1). */
export type DrawAccess = 'open' | 'disabled' | 'locked' | 'hidden';

export function drawAccess(model: Pick<PlaygroundModel, 'readOnly' | 'lessonControls'>): DrawAccess {
  const { shown, locked } = lessonAccess(model);
  if (!shown('dataset')) return 'hidden';
  if (locked('dataset')) return 'locked';
  return model.readOnly ? 'disabled' : 'open';
}

export interface Drawing {
  access: DrawAccess;
  /** draw mode is on (and allowed): taps on the heatmap edit the points */
  active: boolean;
  setActive(active: boolean): void;
  tool: DrawTool;
  setTool(tool: DrawTool): void;
  /** the label a new point gets (±1, a class, or a regression value) */
  label: number;
  setLabel(label: number): void;
  /** how many points there are now (the edit on screen, else the dataset's) */
  count: number;
  /** there are LIMITS.maxCustomPoints points: a tap adds nothing */
  full: boolean;
  /** the data to show while an edit is on screen and not yet in the config; null: show the config's own */
  draftData: DataSplit | null;
  /** an edit is on screen (maybe empty after Clear, which is never sent: a dataset needs one point) */
  drafting: boolean;
  /** a tap at data coordinates (x, y); `reach` is how far from a point an erase still takes it (data units) */
  tap(x: number, y: number, reach: number): void;
  clear(): void;
}

/**
 * Drawing your own data on the output heatmap. Each edit shows at once (a
 * draft), and goes out as one `setConfig({dataset: 'custom', customPoints})`
 * per burst (DRAW_SEND_DELAY_MS). The draft gives way to the config when the
 * config holds what was sent (the server's `session` update, or practice
 * mode's trainer), or when the command failed: what is on screen is then the
 * session's truth again.
 */
export function useDrawing(model: PlaygroundModel, actions: PlaygroundActions, data: DataSplit | null, status?: CommandStatus): Drawing {
  const { config } = model;
  const access = drawAccess(model);
  const [wanted, setActive] = useState(false);
  const active = wanted && access === 'open';
  const [tool, setTool] = useState<DrawTool>('add');
  const [label, setLabel] = useState(() => firstLabel(config.problem));
  const [draft, setDraft] = useState<CustomPoint[] | null>(null);
  /** the newest edit (taps come faster than renders), what the timer sends */
  const latest = useRef<CustomPoint[] | null>(null);
  const sent = useRef<CustomPoint[] | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const setConfig = actions.setConfig;

  const forget = useCallback(() => {
    latest.current = null;
    sent.current = null;
    setDraft(null);
  }, []);
  const send = useCallback(() => {
    timer.current = null;
    const points = latest.current;
    // an empty list is no dataset (the engine wants one point): Clear waits on screen for the first new point
    if (!points || points.length === 0) return;
    sent.current = points;
    setConfig({ dataset: 'custom', customPoints: points });
  }, [setConfig]);
  const flush = useCallback(() => {
    if (timer.current === null) return;
    clearTimeout(timer.current);
    send();
  }, [send]);
  const edit = useCallback(
    (points: CustomPoint[]) => {
      latest.current = points;
      setDraft(points);
      timer.current ??= setTimeout(send, DRAW_SEND_DELAY_MS);
    },
    [send],
  );

  // the config holds what was sent, and nothing newer waits: show the config
  useEffect(() => {
    const points = sent.current;
    if (timer.current !== null || !points || latest.current !== points) return;
    if (config.dataset === 'custom' && sameCustomPoints(config.customPoints ?? [], points)) forget();
  }, [config, forget]);
  // refused (a lock that just came, a frozen fork): the session did not change, so neither does the screen
  const failed = status?.state === 'failed';
  useEffect(() => {
    if (failed && sent.current && timer.current === null) forget();
  }, [failed, forget]);
  // another problem type takes other labels: start its brush afresh, drop an edit of the old one
  useEffect(() => {
    setLabel(firstLabel(config.problem));
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    forget();
  }, [config.problem, forget]);
  // leaving draw mode (or losing the right to draw) sends what waits and drops an unsent Clear
  useEffect(() => {
    if (active) return;
    flush();
    if (latest.current?.length === 0) forget();
  }, [active, flush, forget]);
  useEffect(() => flush, [flush]);

  const { dataset, customPoints } = config;
  const base = useMemo(() => startingPoints({ dataset, customPoints }, data), [dataset, customPoints, data]);
  const current = (): CustomPoint[] => latest.current ?? base;
  const tap = (x: number, y: number, reach: number): void => {
    if (!active) return;
    const points = current();
    switch (tool) {
      case 'add': {
        const next = withPoint(points, customPoint(x, y, label));
        if (next) edit(next);
        return;
      }
      case 'erase': {
        const next = withoutNearest(points, x, y, reach);
        if (next) edit(next);
        return;
      }
    }
  };
  const clear = (): void => {
    if (active) edit([]);
  };

  const { problem, noise, trainRatio, dataSeed } = config;
  const draftData = useMemo(
    () => (draft && draft.length > 0 ? dataSplitOf({ dataset: 'custom', problem, noise, trainRatio, dataSeed, customPoints: draft }) : null),
    [draft, problem, noise, trainRatio, dataSeed],
  );
  const shown = draft ?? base;
  return {
    access,
    active,
    setActive,
    tool,
    setTool,
    label,
    setLabel,
    count: shown.length,
    full: isFull(shown),
    draftData,
    drafting: draft !== null,
    tap,
    clear,
  };
}
