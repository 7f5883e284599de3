import { useT, type MessageKey } from '../i18n';
import { classConnection, forkAndOpen } from '../net';
import { useAppStore } from '../store/app-store';
import type { ReadOnlyReason } from '../store/session-access';

/** "Show me" on a session one drives loads the example there (TEACH-1); on one a student only watches, see below. */
export interface ShowMe {
  onShowMe(presetId: string): void;
  /** why it cannot be used here, in the reader's language; null: it can */
  disabled: string | null;
}

const OFF: Record<'teacherWatchingFork' | 'frozen', MessageKey> = {
  teacherWatchingFork: 'teach.showMe.off.teacherWatchingFork',
  frozen: 'teach.showMe.off.frozen',
};

/**
 * What "Show me" does on the session on screen. Its driver loads the
 * example into it. A student watching the class session or a spotlighted
 * fork gets a fork of it with the example loaded: "show me" means "let me
 * try it", and forking is what every student may do (PERM-3) — unless the
 * teacher paused the class (FORK-4). The teacher looking at a student's
 * fork leaves it alone: their examples go to the class session.
 */
export function useShowMe(sessionId: string, reason: ReadOnlyReason | null, loadHere: (presetId: string) => void): ShowMe {
  const t = useT();
  const forksFrozen = useAppStore((s) => s.classStatus.forksFrozen);
  if (reason === null) return { onShowMe: loadHere, disabled: null };
  switch (reason) {
    case 'watchingClass':
    case 'spotlight':
      if (forksFrozen) return { onShowMe: () => {}, disabled: t(OFF.frozen) };
      return {
        onShowMe: (presetId) =>
          void forkAndOpen(classConnection, useAppStore, sessionId).then((forkId) => {
            if (forkId) void classConnection.send({ type: 'loadPreset', sessionId: forkId, presetId });
          }),
        disabled: null,
      };
    case 'teacherWatchingFork':
    case 'frozen':
      return { onShowMe: () => {}, disabled: t(OFF[reason]) };
    default: {
      const unknown: never = reason;
      throw new Error(`no Show me rule for ${String(unknown)}`);
    }
  }
}
