import type { Command, CommandAck, CommandOf, CommandType, ProtocolError } from '@playroom/protocol';
import type { StoreAccess } from './apply-server-events';

/** How long a command may wait for its ack before it shows as failed. */
export const COMMAND_TIMEOUT_MS = 8000;

/** The one thing the runner needs from a socket: emit a command with a timed ack. */
export interface CommandChannel {
  readonly connected: boolean;
  emitCommand(command: Command, timeoutMs: number, done: (err: Error | null, ack?: CommandAck) => void): void;
}

/** A failed ack that never reached the server (offline, timeout). */
function localFailure(code: string, message: string): { ok: false; error: ProtocolError } {
  return { ok: false, error: { code: code as ProtocolError['code'], message } };
}

/**
 * Sends commands and records their life in the store's commands slice:
 * pending until the ack, then gone (ok) or failed with the server's error.
 */
export class CommandRunner {
  private nextId = 1;

  constructor(
    private readonly store: StoreAccess,
    private readonly channel: () => CommandChannel | null,
    private readonly timeoutMs = COMMAND_TIMEOUT_MS,
  ) {}

  /** Sends one command; resolves with its ack (never rejects). */
  send<T extends CommandType>(command: CommandOf<T>): Promise<CommandAck<T>> {
    const id = this.nextId++;
    const any = command as Command;
    const sessionId = 'sessionId' in any ? any.sessionId : null;
    const s = this.store.getState();
    s.commandStarted({ id, sessionId, type: any.type });
    const channel = this.channel();
    if (!channel || !channel.connected) {
      // socket.io would buffer it and replay it after a reconnect, on a state the user no longer sees
      s.commandFailed(id, 'offline', 'not connected');
      return Promise.resolve(localFailure('offline', 'not connected'));
    }
    return new Promise((resolve) => {
      channel.emitCommand(any, this.timeoutMs, (err, ack) => {
        const state = this.store.getState();
        if (err || !ack) {
          state.commandFailed(id, 'timeout', err?.message ?? 'no ack');
          resolve(localFailure('timeout', err?.message ?? 'no ack'));
        } else if (ack.ok) {
          state.commandSucceeded(id);
          resolve(ack as CommandAck<T>);
        } else {
          state.commandFailed(id, ack.error.code, ack.error.message, ack.error.field);
          resolve(ack);
        }
      });
    });
  }
}
