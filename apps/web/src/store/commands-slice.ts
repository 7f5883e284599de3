import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

/** A command sent to the server, tracked until its ack comes back. */
export interface TrackedCommand {
  id: number;
  sessionId: string | null;
  type: string;
  state: 'pending' | 'failed';
  /** why it failed (the server's error code or 'timeout' / 'offline'), for failed commands */
  errorCode?: string;
  message?: string;
  /** the refused config field, when the server named one */
  field?: string;
}

export interface CommandsSlice {
  /** commands in flight or failed; a succeeded command is removed */
  commands: Record<number, TrackedCommand>;
  commandStarted(command: { id: number; sessionId: string | null; type: string }): void;
  commandSucceeded(id: number): void;
  commandFailed(id: number, errorCode: string, message: string, field?: string): void;
  dismissCommand(id: number): void;
}

/** Failed commands are kept for a short list; older ones drop off. */
const MAX_FAILED = 5;

export const createCommandsSlice: StateCreator<AppState, [], [], CommandsSlice> = (set) => ({
  commands: {},
  commandStarted: (c) => set((s) => ({ commands: { ...s.commands, [c.id]: { ...c, state: 'pending' } } })),
  commandSucceeded: (id) =>
    set((s) => {
      const done = s.commands[id];
      if (!done) return {};
      // a later success on the same session supersedes its earlier failures
      const commands: Record<number, TrackedCommand> = {};
      for (const c of Object.values(s.commands)) {
        if (c.id === id || (c.sessionId === done.sessionId && c.state === 'failed' && c.id < id)) continue;
        commands[c.id] = c;
      }
      return { commands };
    }),
  commandFailed: (id, errorCode, message, field) =>
    set((s) => {
      const command = s.commands[id];
      if (!command) return {};
      const next: Record<number, TrackedCommand> = { ...s.commands, [id]: { ...command, state: 'failed', errorCode, message, ...(field === undefined ? {} : { field }) } };
      const failedIds = Object.values(next)
        .filter((c) => c.state === 'failed')
        .map((c) => c.id)
        .sort((a, b) => a - b);
      for (const old of failedIds.slice(0, Math.max(0, failedIds.length - MAX_FAILED))) delete next[old];
      return { commands: next };
    }),
  dismissCommand: (id) =>
    set((s) => {
      const { [id]: _gone, ...rest } = s.commands;
      return { commands: rest };
    }),
});

/** A session's command state as a control shows it: pending while any is in flight, else the latest failure. */
export function commandStatusOf(
  commands: Record<number, TrackedCommand>,
  sessionId: string | null,
): { state: 'idle' } | { state: 'pending' } | { state: 'failed'; message: string; id: number } {
  let latestFailed: TrackedCommand | null = null;
  for (const c of Object.values(commands)) {
    if (c.sessionId !== sessionId) continue;
    if (c.state === 'pending') return { state: 'pending' };
    if (!latestFailed || c.id > latestFailed.id) latestFailed = c;
  }
  return latestFailed ? { state: 'failed', message: latestFailed.message ?? '', id: latestFailed.id } : { state: 'idle' };
}
