import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { DEFAULT_CONFIG, type TrainerConfig } from '@playroom/engine';
import type { CommandFailure, PlaygroundActions, PlaygroundModel } from '../model';
import { LocalSession } from './localSession';

export interface LocalTrainer {
  model: PlaygroundModel;
  actions: PlaygroundActions;
  /** why the last command was refused (the shell says it in the reader's language), or null */
  failure: CommandFailure | null;
  /** "Show me": loads a teaching preset, from epoch 0, playing */
  loadPreset(presetId: string): void;
  /** the preset loaded last, until the config is changed by hand (its "Watch:" line is shown), or null */
  loadedPreset: string | null;
}

/**
 * A playground that trains in this browser, no server: the engine's Trainer
 * advanced on requestAnimationFrame while playing. Returns the same
 * {model, actions} pair the app shell builds from server snapshots. Given a
 * LocalSession (opened from a file or a class's fork), drives that one; key
 * the component by it to switch.
 */
export function useLocalTrainer(source: TrainerConfig | LocalSession = DEFAULT_CONFIG): LocalTrainer {
  const [session] = useState(() => (source instanceof LocalSession ? source : new LocalSession(source)));
  const model = useSyncExternalStore(session.subscribe, () => session.model);
  const failure = useSyncExternalStore(session.subscribe, () => session.commandFailure);
  const loadedPreset = useSyncExternalStore(session.subscribe, () => session.loadedPreset);

  useEffect(() => {
    if (!model.playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      session.advance(now - last);
      last = now;
      if (session.isPlaying) frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [session, model.playing]);

  const actions = useMemo<PlaygroundActions>(
    () => ({
      setConfig: (patch) => session.setConfig(patch),
      play: () => session.play(),
      pause: () => session.pause(),
      step: () => session.step(),
      reset: (start) => session.reset(start),
      regenerateData: () => session.regenerateData(),
      setWeight: (layer, to, from, value) => session.setWeight(layer, to, from, value),
      setBias: (layer, neuron, value) => session.setBias(layer, neuron, value),
      setSpeed: (speed) => session.setSpeed(speed),
    }),
    [session],
  );
  const loadPreset = useMemo(() => (presetId: string) => session.loadPreset(presetId), [session]);
  return { model, actions, failure, loadPreset, loadedPreset };
}
