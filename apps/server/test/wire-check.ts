import {
  COMMAND_TYPES,
  ClassEndedSchema,
  ClassStatusSchema,
  ErrorSchema,
  ForkRemovedSchema,
  ForksUpdateSchema,
  IdSchema,
  ProtocolErrorEventSchema,
  RosterUpdateSchema,
  SessionUpdateSchema,
  WelcomeSchema,
  LeaderboardUpdateSchema,
  createValidator,
  decodeForkPreviews,
  decodeSnapshot,
  validateCommandAck,
  type CommandType,
  type ServerEventName,
  type Validation,
} from '@playroom/protocol';

/*
 * What a test client receives, checked against the protocol: every server
 * event against its schema (snapshots decoded), every ack against its
 * command's ack schema, every handshake refusal against the error schema.
 * A check answers the problem in words, or null.
 */

/** What one socket has seen so far (the last snapshot clock of each session, rule SNAP-3). */
export type SocketMemory = Map<string, number>;

const problem = (what: string, result: Validation<unknown>): string | null => (result.ok ? null : `${what}: ${result.error.message}`);
const bySchema = (validate: (input: unknown) => Validation<unknown>) => (payload: unknown) => problem('payload', validate(payload));
const validSessionId = createValidator(IdSchema);
const checkWelcome = bySchema(createValidator(WelcomeSchema));

function checkSnapshot(payload: unknown, memory: SocketMemory): string | null {
  if (typeof payload !== 'object' || payload === null) return 'a snapshot is {sessionId, bytes}';
  const { sessionId, bytes } = payload as { sessionId?: unknown; bytes?: unknown };
  const badId = problem('sessionId', validSessionId(sessionId));
  if (badId) return badId;
  if (!(bytes instanceof ArrayBuffer) && !ArrayBuffer.isView(bytes)) return 'bytes: not binary';
  let clock: number;
  try {
    clock = decodeSnapshot(bytes).clock;
  } catch (error) {
    return `bytes: ${(error as Error).message}`;
  }
  const last = memory.get(sessionId as string);
  memory.set(sessionId as string, clock);
  return last !== undefined && clock <= last ? `clock ${clock} after ${last} for ${String(sessionId)} (SNAP-3)` : null;
}

function checkForkPreviews(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return 'forkPreviews is {bytes}';
  const { bytes, ...rest } = payload as { bytes?: unknown };
  if (Object.keys(rest).length > 0) return `unexpected fields ${Object.keys(rest).join(', ')}`;
  if (!(bytes instanceof ArrayBuffer) && !ArrayBuffer.isView(bytes)) return 'bytes: not binary';
  try {
    return decodeForkPreviews(bytes).length === 0 ? 'an empty preview batch (SUM-2 sends none then)' : null;
  } catch (error) {
    return `bytes: ${(error as Error).message}`;
  }
}

/** One check per server event: a new event in the protocol is a compile error here until it is checked. */
const EVENT_CHECKS: { [E in ServerEventName]: (payload: unknown, memory: SocketMemory) => string | null } = {
  // a welcome is the socket's whole view afresh: clocks count from it (SNAP-3, a takeover resumes from a checkpoint)
  welcome: (payload, memory) => {
    memory.clear();
    return checkWelcome(payload);
  },
  session: bySchema(createValidator(SessionUpdateSchema)),
  snapshot: checkSnapshot,
  roster: bySchema(createValidator(RosterUpdateSchema)),
  forks: bySchema(createValidator(ForksUpdateSchema)),
  forkPreviews: checkForkPreviews,
  forkRemoved: bySchema(createValidator(ForkRemovedSchema)),
  classStatus: bySchema(createValidator(ClassStatusSchema)),
  classEnded: bySchema(createValidator(ClassEndedSchema)),
  protocolError: bySchema(createValidator(ProtocolErrorEventSchema)),
  leaderboard: bySchema(createValidator(LeaderboardUpdateSchema)),
};

/** What is wrong with a server event (name and arguments as socket.io delivered them), or null. */
export function serverEventProblem(event: string, args: unknown[], memory: SocketMemory = new Map()): string | null {
  if (!Object.hasOwn(EVENT_CHECKS, event)) return 'not a server event of the protocol';
  if (args.length !== 1) return `${args.length} arguments, the protocol sends one payload`;
  return EVENT_CHECKS[event as ServerEventName](args[0], memory);
}

/** The command type whose ack this is: null when what was sent is no command (only a refusal is a valid answer then). */
function commandTypeOf(event: string, args: unknown[]): CommandType | null {
  if (event !== 'command' || args.length !== 1) return null;
  const type = (args[0] as { type?: unknown } | null)?.type;
  return typeof type === 'string' && (COMMAND_TYPES as readonly string[]).includes(type) ? (type as CommandType) : null;
}

/** What is wrong with the ack of `emit(event, ...args, ack)`, or null (rule ACK-1). */
export function ackProblem(event: string, args: unknown[], ack: unknown): string | null {
  const type = commandTypeOf(event, args);
  return problem(type ? `${type} ack` : 'ack of a refused event', validateCommandAck(type, ack));
}

const validError = createValidator(ErrorSchema);
/** What is wrong with a refused handshake's `connect_error` data (rule HS-1), or null. */
export function refusalProblem(data: unknown): string | null {
  return problem('data', validError(data));
}

/** Problems seen so far, for the test that is running; `assertNone` throws them all (and starts afresh). */
export class WireLog {
  private problems: string[] = [];

  record(where: string, what: string | null, payload: unknown): void {
    if (what === null) return;
    let shown: string;
    try {
      shown = JSON.stringify(payload) ?? String(payload);
    } catch {
      shown = String(payload);
    }
    this.problems.push(`${where}: ${what} — got ${shown.length > 300 ? `${shown.slice(0, 300)}…` : shown}`);
  }

  take(): string[] {
    const problems = this.problems;
    this.problems = [];
    return problems;
  }

  assertNone(): void {
    const problems = this.take();
    if (problems.length > 0) {
      throw new Error(`the server sent ${problems.length} payload(s) the protocol refuses:\n${problems.join('\n')}`);
    }
  }
}
