import { vi, type Mock } from 'vitest';
import type { PlaygroundActions } from './model';

/** For tests: every playground action as a mock that records its calls. */
export type RecordingActions = { [K in keyof PlaygroundActions]-?: Mock<NonNullable<PlaygroundActions[K]>> };

/** A fresh set of recording actions (tests only). */
export function recordingActions(): RecordingActions {
  return {
    setConfig: vi.fn(),
    play: vi.fn(),
    pause: vi.fn(),
    step: vi.fn(),
    reset: vi.fn(),
    regenerateData: vi.fn(),
    setWeight: vi.fn(),
    setBias: vi.fn(),
    setSpeed: vi.fn(),
    loadPreset: vi.fn(),
    scrub: vi.fn(),
    resumeFrom: vi.fn(),
  };
}
