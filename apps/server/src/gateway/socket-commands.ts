import { ClientEvent, ErrorCode, ackFailure, protocolError, validateCommand, type Command, type CommandAck, type ProtocolError } from '@playroom/protocol';
import type { ServerMetrics } from '../metrics/server-metrics';
import type { Actor } from '../classroom/permissions';
import type { PlayroomSocket } from './types';

/** A socket refused more than this many times its command rate in one second is disconnected (rule LIM-1). */
const FLOOD_FACTOR = 5;

export interface SocketCommandsContext {
  actor: Actor;
  commandRate: { perSecond: number };
  /** the socket's, its participant's and its address's rate limits together (LIM-1, LIM-8) */
  withinRates: () => boolean;
  /** where a validated command runs: the executor on this process, or the class's owner process */
  run: (command: Command) => CommandAck | Promise<CommandAck>;
  metrics: ServerMetrics;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/**
 * A socket's incoming events: rate limits and unknown events first (LIM-1,
 * LIM-8, VAL-3), then the one `command` event, validated, run and acked
 * (ACK-1); the same for a socket of a class this process owns and one whose
 * class another process owns.
 */
export function handleSocketCommands(socket: PlayroomSocket, context: SocketCommandsContext): void {
  const { actor, metrics, log } = context;
  const flood = { windowStart: Date.now(), refused: 0, closing: false };
  const refuse = (error: ProtocolError, event: string, ack: unknown) => {
    metrics.countRefused();
    if (typeof ack === 'function') safeAck(ack, ackFailure(error));
    else socket.emit('protocolError', { ...error, event: String(event).slice(0, 64) });
    const now = Date.now();
    if (now - flood.windowStart > 1000) Object.assign(flood, { windowStart: now, refused: 0 });
    if (++flood.refused > FLOOD_FACTOR * context.commandRate.perSecond && !flood.closing) {
      // once: the rest of this burst is dropped unanswered, and every ack already given is written first
      flood.closing = true;
      log.warn({ participantId: actor.participantId }, 'socket disconnected for flooding');
      setImmediate(() => socket.disconnect(true));
    }
  };

  // Every incoming event passes here first: rate limits (LIM-1, LIM-8) and unknown events (VAL-3).
  socket.use((packet, next) => {
    if (flood.closing) return;
    const [event, ...args] = packet as unknown[];
    const ack = args[args.length - 1];
    if (!context.withinRates()) return refuse(protocolError(ErrorCode.rateLimited, 'too many messages: slow down'), String(event), ack);
    if (event !== ClientEvent.command) {
      return refuse(protocolError(ErrorCode.unknownEvent, 'unknown event'), String(event), ack);
    }
    next();
  });

  // socket.io passes the ack as the last argument, wherever the client put it (rule ACK-1)
  socket.on(ClientEvent.command, (...args: unknown[]) => {
    metrics.countCommand();
    const ack = args[args.length - 1];
    if (typeof ack !== 'function') {
      return refuse(protocolError(ErrorCode.ackRequired, 'send every command with an ack callback'), 'command', undefined);
    }
    if (args.length !== 2) {
      return refuse(protocolError(ErrorCode.badRequest, 'a command is one payload and an ack'), 'command', ack);
    }
    const checked = validateCommand(args[0]);
    if (!checked.ok) return refuse(checked.error, 'command', ack);
    const failed = (error: unknown): CommandAck => {
      log.error({ err: error, command: checked.value.type }, 'command failed');
      return ackFailure(protocolError(ErrorCode.internal, 'the server failed to run this command'));
    };
    const answer = (result: CommandAck) => {
      if (!result.ok) metrics.countRefused();
      safeAck(ack, result);
    };
    let result: CommandAck | Promise<CommandAck>;
    try {
      result = context.run(checked.value);
    } catch (error) {
      result = failed(error);
    }
    // a command whose ack promises storage is answered once it is committed (PERSIST-5)
    if (result instanceof Promise) result.then(answer, (error: unknown) => answer(failed(error)));
    else answer(result);
  });
}

function safeAck(ack: unknown, payload: CommandAck): void {
  try {
    (ack as (payload: CommandAck) => void)(payload);
  } catch {
    // an ack to a socket that just closed: nothing to tell
  }
}
