import { DEFAULT_CONFIG, type TrainerConfig } from '@playroom/engine';
import type { SavedSession } from '@playroom/protocol';
import { LocalSession } from './localSession';

/** What practice mode has open: one new playground, or the sessions of a class's end or a file. */
export interface PracticeWorkspace {
  /** new for every workspace, so a component keyed by it starts afresh */
  id: number;
  sessions: LocalSession[];
  /** the room code they came from, if any */
  fromClass: string | null;
  /** sessions the engine refused to load (a damaged or foreign file) */
  skipped: number;
}

let nextId = 1;

/** A workspace of these sessions (the ones the engine loads), or of one new playground (of `fresh`, e.g. a shared link's config) when given none. */
export function practiceWorkspace(
  work: { sessions: SavedSession[]; fromClass: string | null } | null,
  fresh: TrainerConfig = DEFAULT_CONFIG,
): PracticeWorkspace {
  if (!work) return { id: nextId++, sessions: [new LocalSession(fresh)], fromClass: null, skipped: 0 };
  const sessions: LocalSession[] = [];
  for (const state of work.sessions) {
    try {
      sessions.push(LocalSession.fromState(state));
    } catch {
      // counted below: the page says how many could not be opened
    }
  }
  return { id: nextId++, sessions, fromClass: work.fromClass, skipped: work.sessions.length - sessions.length };
}

/** How a tab names a session: "Class session", "Fork 2", or "Ann: fork 2" when several people's are open. */
export type SessionLabel = { key: 'classSession' } | { key: 'fork'; n: number } | { key: 'forkOf'; n: number; name: string };

export function sessionLabels(sessions: LocalSession[]): SessionLabel[] {
  // one person's forks are "Fork n"; among several people's (a teacher's class export) each names its owner
  const owners = new Set(sessions.map((s) => s.origin.ownerId));
  const counted = new Map<string, number>();
  return sessions.map(({ origin }) => {
    if (origin.kind === 'class') return { key: 'classSession' };
    const n = (counted.get(origin.ownerId) ?? 0) + 1;
    counted.set(origin.ownerId, n);
    return owners.size > 1 && origin.ownerName !== '' ? { key: 'forkOf', n, name: origin.ownerName } : { key: 'fork', n };
  });
}
