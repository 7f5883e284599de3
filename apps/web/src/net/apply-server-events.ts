import { decodeForkPreviews, decodeSnapshot, type ClassStatus, type LeaderboardUpdate, type ForkPreviewsMessage, type ForkRemoved, type ForksUpdate, type RosterUpdate, type SessionUpdate, type SnapshotMessage, type Welcome } from '@playroom/protocol';
import type { AppState } from '../store/app-store';
import type { Identity } from '../store/identity-storage';
import { sessionViewFromState } from '@playroom/protocol';

/** The part of a zustand store the mapping needs (the app's store, or a test's). */
export interface StoreAccess {
  getState(): AppState;
}

/**
 * Applies `welcome`: the full picture after every (re)connection. It replaces
 * whatever we had, since after a server restart the restored state may be
 * older than what we last saw. Returns the identity to remember (a student's
 * participant token arrives here).
 */
export function applyWelcome(store: StoreAccess, welcome: Welcome, identity: Identity): Identity {
  const s = store.getState();
  const classSession = sessionViewFromState(welcome.classSession);
  s.putSession(classSession, true);
  const forkIds = new Set(welcome.forks.map((f) => f.sessionId));
  for (const id of Object.keys(s.sessions)) {
    // a fork we follow is watched again by the connection and arrives fresh; one that is gone is dropped
    if (id !== classSession.sessionId && !forkIds.has(id)) s.removeSession(id);
  }
  s.setClassSession(classSession.sessionId);
  s.setParticipantId(welcome.participantId);
  s.setRoster(welcome.roster);
  s.setForkSummaries(welcome.forks);
  s.setClassStatus(welcome.classStatus);
  // a class with a challenge sends its `leaderboard` right after the welcome (CHAL-5)
  s.setChallenge(null);
  s.setJoinUrl(welcome.joinUrl);
  s.setJoined(true);
  return {
    code: welcome.code,
    role: welcome.role,
    name: welcome.name,
    token: welcome.role === 'student' ? (welcome.participantToken ?? identity.token) : identity.token,
  };
}

/** Applies a `session` update: the session's full state after an accepted change. */
export function applySessionUpdate(store: StoreAccess, update: SessionUpdate): void {
  const s = store.getState();
  const known = update.state.sessionId in s.sessions || update.state.sessionId === s.classSessionId;
  if (known) s.putSession(sessionViewFromState(update.state));
}

/**
 * Applies a binary snapshot. Returns false when the bytes do not decode (the
 * caller may log it); a bad frame is dropped, the next one will do.
 */
export function applySnapshotMessage(store: StoreAccess, message: SnapshotMessage): boolean {
  let snapshot;
  try {
    snapshot = decodeSnapshot(message.bytes);
  } catch {
    return false;
  }
  store.getState().applySnapshot(message.sessionId, snapshot);
  return true;
}

/** Applies the roster (everyone in the class). */
export function applyRoster(store: StoreAccess, update: RosterUpdate): void {
  store.getState().setRoster(update.participants);
}

/** Applies fork summaries (the teacher's dashboard stream, a student's own forks). */
export function applyForks(store: StoreAccess, update: ForksUpdate): void {
  store.getState().mergeForkSummaries(update.forks);
}

/**
 * Applies a batch of fork previews (the teacher's mini heatmaps, SUM-2).
 * Returns false when the bytes do not decode; the next batch will do.
 */
export function applyForkPreviews(store: StoreAccess, message: ForkPreviewsMessage): boolean {
  let previews;
  try {
    previews = decodeForkPreviews(message.bytes);
  } catch {
    return false;
  }
  // kept even before the fork's summary arrives: a paused fork's preview is not sent again
  store.getState().mergeForkPreviews(previews);
  return true;
}

/** A fork was deleted: forget its summary and its state. */
export function applyForkRemoved(store: StoreAccess, removed: ForkRemoved): void {
  store.getState().removeForkSummary(removed.sessionId);
  store.getState().removeSession(removed.sessionId);
}

/** Applies the class status (spotlight, frozen forks). */
export function applyClassStatus(store: StoreAccess, status: ClassStatus): void {
  store.getState().setClassStatus(status);
}

/** Applies the class's challenge and its standings (CHAL-5). */
export function applyLeaderboard(store: StoreAccess, update: LeaderboardUpdate): void {
  store.getState().setChallenge(update.challenge);
}
