import {
  ErrorCode,
  checkProtocolVersion,
  normalizeRoomCode,
  protocolError,
  validateHandshake,
  type HandshakeAuth,
  type ProtocolError,
  type Role,
} from '@playroom/protocol';
import type { ClassroomRegistry } from '../classroom/classroom-registry';
import type { EndedClasses } from '../classroom/ended-classes';
import { Refusal } from '../classroom/refusal';
import type { Actor } from '../classroom/permissions';
import { hashToken } from '../security/secrets';
import type { JoinGuard } from '../security/join-guard';

/** What a socket carries after its handshake (socket.io keeps it across a recovered connection). */
export interface SocketIdentity {
  classId: string;
  participantId: string;
  role: Role;
  /** a student's own token, echoed in `welcome` so every tab can keep it; never logged */
  participantToken?: string;
}

/** Who a socket is, to the domain. */
export function actorOf(identity: SocketIdentity): Actor {
  return { classId: identity.classId, participantId: identity.participantId, role: identity.role };
}

export type HandshakeResult = { ok: true; identity: SocketIdentity; joined: boolean } | { ok: false; error: ProtocolError };

const refuse = (error: ProtocolError): HandshakeResult => ({ ok: false, error });

type HandshakeDeps = { registry: ClassroomRegistry; joinGuard: JoinGuard; endedClasses: EndedClasses; accepting: () => boolean };

/**
 * Decide a socket handshake (rules HS-1…HS-7): version first, then the
 * schema, the per-address budget, the room and the token or name. Only a
 * guess (a code that does not exist, a token that is not this class's)
 * spends the address's budget, so a class behind one school address joins
 * and rejoins at once; an empty budget refuses every code that address has
 * not used for real, so a guesser is stopped while the address's own
 * classes go on (HS-6). A full class or a missing name is no guess: a class
 * refreshing a "class full" page must not lock its own address out; nor is
 * the code of an ended class from an address that used it (its students
 * reloading), while from any other address it is (HS-3).
 */
export function authenticateHandshake(auth: unknown, address: string, deps: HandshakeDeps): HandshakeResult {
  if (!deps.accepting()) return refuse(protocolError(ErrorCode.unavailable, 'the server is shutting down'));
  const version = typeof auth === 'object' && auth !== null ? (auth as { protocolVersion?: unknown }).protocolVersion : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return refuse(protocolError(ErrorCode.badRequest, 'the handshake needs auth.protocolVersion', '/protocolVersion'));
  }
  const verdict = checkProtocolVersion(version);
  if (verdict === 'clientTooOld') return refuse(protocolError(ErrorCode.clientTooOld, 'this page is out of date: reload it'));
  if (verdict === 'serverTooOld') return refuse(protocolError(ErrorCode.serverTooOld, 'the server is older than this page'));
  // socket.io's connection state recovery adds its own `pid` and `offset` to a reconnecting client's auth
  const { pid: _pid, offset: _offset, ...ours } = auth as Record<string, unknown>;
  // one case rule for codes everywhere: the handshake forgives what the REST look-up forgives (HS-8)
  if (typeof ours.code === 'string') ours.code = normalizeRoomCode(ours.code);
  const checked = validateHandshake(ours);
  if (!checked.ok) return refuse(checked.error);
  const { code } = checked.value;
  if (!deps.joinGuard.mayTry(address, code)) {
    return refuse(protocolError(ErrorCode.rateLimited, 'too many attempts from this address: wait a minute'));
  }
  const result = admit(checked.value, deps);
  if (result.ok) deps.joinGuard.used(address, code);
  else if (GUESSES.has(result.error.code)) deps.joinGuard.guessed(address);
  else if (result.error.code === ErrorCode.classEnded && !deps.joinGuard.knows(address, code)) deps.joinGuard.guessed(address);
  return result;
}

/** The refusals that tell a guesser something: they spend the join budget (HS-6). */
const GUESSES: ReadonlySet<string> = new Set([ErrorCode.roomNotFound, ErrorCode.badToken]);

/** The room and the token or name of a well-formed handshake. */
function admit(handshake: HandshakeAuth, deps: HandshakeDeps): HandshakeResult {
  const classroom = deps.registry.byCode(handshake.code);
  if (!classroom) {
    // a code that ended is not "no such class": the student who reloads, the late joiner and the teacher hear it ended (HS-3)
    if (deps.endedClasses.has(handshake.code)) return refuse(protocolError(ErrorCode.classEnded, 'this class has ended'));
    return refuse(protocolError(ErrorCode.roomNotFound, 'no class with this code'));
  }
  if (handshake.role === 'teacher') {
    const teacher = classroom.roster.findByToken(hashToken(handshake.token), 'teacher');
    if (!teacher) return refuse(protocolError(ErrorCode.badToken, 'this is not the teacher token of this class'));
    return { ok: true, joined: false, identity: { classId: classroom.id, participantId: teacher.id, role: 'teacher' } };
  }
  if (handshake.token !== undefined) {
    const student = classroom.roster.findByToken(hashToken(handshake.token), 'student');
    if (!student) return refuse(protocolError(ErrorCode.badToken, 'this token does not belong to this class'));
    return {
      ok: true,
      joined: false,
      identity: { classId: classroom.id, participantId: student.id, role: 'student', participantToken: handshake.token },
    };
  }
  try {
    const { participant, token } = deps.registry.join(classroom, handshake.name ?? '');
    return {
      ok: true,
      joined: true,
      identity: { classId: classroom.id, participantId: participant.id, role: 'student', participantToken: token },
    };
  } catch (error) {
    if (error instanceof Refusal) return refuse(error.error);
    throw error;
  }
}
