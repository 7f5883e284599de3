import type { StoreAccess } from './apply-server-events';
import type { ClassConnection } from './class-connection';
import { sessionViewFromState } from '@playroom/protocol';
import { rememberShownFork } from './view-memory';

/** Shows a fork (mine, or any for the teacher): watch it, then switch the view once its state is here. */
export async function openFork(connection: ClassConnection, store: StoreAccess, forkId: string): Promise<boolean> {
  const previous = store.getState().activeView;
  if (previous.kind === 'fork' && previous.id === forkId) return true;
  const ok = await connection.watch(forkId);
  if (!ok) return false;
  store.getState().setActiveView({ kind: 'fork', id: forkId });
  const code = connection.currentIdentity?.code;
  if (code) rememberShownFork(code, forkId);
  if (previous.kind === 'fork') void connection.send<'unwatch'>({ type: 'unwatch', sessionId: previous.id });
  return true;
}

/** Back to the class session; stops following the fork that was shown. */
export function openClass(connection: ClassConnection, store: StoreAccess): void {
  const previous = store.getState().activeView;
  store.getState().setActiveView({ kind: 'class' });
  const code = connection.currentIdentity?.code;
  if (code) rememberShownFork(code, null);
  if (previous.kind === 'fork') void connection.send<'unwatch'>({ type: 'unwatch', sessionId: previous.id });
}

/**
 * Forks a session and shows the new fork. Resolves with the fork's id, or
 * null when the server refused (the commands slice holds the reason).
 */
export async function forkAndOpen(connection: ClassConnection, store: StoreAccess, sourceId: string): Promise<string | null> {
  const ack = await connection.send<'fork'>({ type: 'fork', sessionId: sourceId });
  if (!ack.ok) return null;
  const fork = sessionViewFromState(ack.session);
  store.getState().putSession(fork, true);
  const opened = await openFork(connection, store, fork.sessionId);
  return opened ? fork.sessionId : null;
}

/** Deletes one of my forks (a student has a limit, FORK-2) and goes back to the class session. */
export async function deleteFork(connection: ClassConnection, store: StoreAccess, forkId: string): Promise<boolean> {
  const ack = await connection.send<'deleteFork'>({ type: 'deleteFork', sessionId: forkId });
  if (!ack.ok) return false;
  const code = connection.currentIdentity?.code;
  if (code) rememberShownFork(code, null);
  store.getState().removeForkSummary(forkId);
  store.getState().removeSession(forkId);
  return true;
}
