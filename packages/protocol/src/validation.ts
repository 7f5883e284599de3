import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import { ErrorCode, protocolError, type ProtocolError } from './error-codes';
import { COMMAND_SCHEMAS, COMMAND_TYPES, type Command, type CommandType } from './schemas/command-schemas';
import { roomCodeRefusal } from './room-code';
import { StudentHandshakeSchema, TeacherHandshakeSchema, type HandshakeAuth } from './schemas/handshake-schema';

export type Validation<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

/** A schema's check and its errors, as compiled code or interpreted. */
interface SchemaChecker {
  Check(input: unknown): boolean;
  Errors(input: unknown): Iterable<{ instancePath: string; message: string }>;
}

/**
 * Compiling generates code (`new Function`), which a page's content
 * security policy forbids (the web app's does: no `unsafe-eval`); merely
 * trying it makes the browser report a violation. So in a page the schema
 * is interpreted, elsewhere (the server, the CLI) compiled, once, on first use.
 */
function checkerOf(schema: TSchema): SchemaChecker {
  if ('document' in globalThis) {
    return { Check: (input) => Value.Check(schema, input), Errors: (input) => Value.Errors(schema, input) };
  }
  return Compile(schema);
}

/**
 * A checker that never throws: whatever arrives (junk, cycles, huge
 * numbers), the answer is a value or a `badRequest` naming the first
 * offending field (rule VAL-1). Built on first use, not at import.
 */
export function createValidator<S extends TSchema>(schema: S): (input: unknown) => Validation<Static<S>> {
  let built: SchemaChecker | null = null;
  return (input) => {
    const checker = (built ??= checkerOf(schema));
    try {
      if (checker.Check(input)) return { ok: true, value: input as Static<S> };
      return { ok: false, error: describeFailure(checker, input) };
    } catch {
      return { ok: false, error: protocolError(ErrorCode.badRequest, 'payload could not be checked') };
    }
  };
}

function describeFailure(checker: SchemaChecker, input: unknown): ProtocolError {
  for (const error of checker.Errors(input)) {
    const where = error.instancePath === '' ? 'payload' : error.instancePath;
    return protocolError(ErrorCode.badRequest, `${where}: ${error.message}`, error.instancePath || undefined);
  }
  return protocolError(ErrorCode.badRequest, 'payload does not match the schema');
}

const commandValidators = Object.fromEntries(
  COMMAND_TYPES.map((type) => [type, createValidator(COMMAND_SCHEMAS[type])]),
) as { [T in CommandType]: (input: unknown) => Validation<Command> };

/** Check a `command` payload: an unknown `type` is `unknownCommand` (VAL-2), a bad field `badRequest` (VAL-1). */
export function validateCommand(input: unknown): Validation<Command> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: protocolError(ErrorCode.badRequest, 'a command is an object with a type') };
  }
  const type: unknown = (input as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(commandValidators, type)) {
    return { ok: false, error: protocolError(ErrorCode.unknownCommand, `unknown command type`, '/type') };
  }
  return commandValidators[type as CommandType](input);
}

const handshakeValidators = {
  teacher: createValidator(TeacherHandshakeSchema),
  student: createValidator(StudentHandshakeSchema),
} as const;

/**
 * Check the socket handshake `auth` object (its `code` already through
 * `normalizeRoomCode`, HS-8): the role picks the schema, so a refusal names
 * the field that is wrong for that role (a student's mistyped code is
 * `/code`, never a teacher's missing token), and a code that cannot be one
 * is said in words (HS-9).
 */
export function validateHandshake(input: unknown): Validation<HandshakeAuth> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: protocolError(ErrorCode.badRequest, 'the handshake auth is an object') };
  }
  const { role, code } = input as { role?: unknown; code?: unknown };
  if (role !== 'teacher' && role !== 'student') {
    return { ok: false, error: protocolError(ErrorCode.badRequest, "auth.role is 'teacher' or 'student'", '/role') };
  }
  if (typeof code !== 'string') return { ok: false, error: protocolError(ErrorCode.badRequest, 'auth.code is the room code', '/code') };
  const badCode = roomCodeRefusal(code);
  if (badCode) return { ok: false, error: badCode };
  return handshakeValidators[role](input);
}
