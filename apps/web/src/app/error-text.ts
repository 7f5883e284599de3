import { PROTOCOL_LIMITS, roomCodeProblem } from '@playroom/protocol';
import type { MessageKey, Translate } from '../i18n';
import { configErrorText } from '../playground/configErrorText';
import { controlLockedText } from '../playground/lessonControlText';
import type { CommandFailure } from '../playground/model';

/** An error as the server (or the net module, or a local trainer) reports it; `field` names a refused config field. */
export type ErrorLike = CommandFailure;

const KEYS: Record<string, MessageKey> = {
  roomNotFound: 'app.error.roomNotFound',
  sessionNotFound: 'app.error.roomNotFound',
  classFull: 'app.error.classFull',
  classEnded: 'app.error.classEnded',
  /** not a server code: `classEnded {reason: 'removed'}` (the connection's name for it) */
  removed: 'app.error.removed',
  classLocked: 'app.error.classLocked',
  participantNotFound: 'app.error.participantNotFound',
  clientTooOld: 'app.error.clientTooOld',
  serverTooOld: 'app.error.serverTooOld',
  badToken: 'app.error.badToken',
  nameRequired: 'app.error.nameRequired',
  badRequest: 'app.error.badRequest',
  rateLimited: 'app.error.rateLimited',
  forbidden: 'app.error.forbidden',
  unauthorized: 'app.error.forbidden',
  forkLimit: 'app.error.forkLimit',
  forksFrozen: 'app.error.forksFrozen',
  sessionLimit: 'app.error.sessionLimit',
  invalidConfig: 'app.error.invalidConfig',
  invalidParameter: 'app.error.invalidParameter',
  unavailable: 'app.error.unavailable',
  storageUnavailable: 'app.error.storageUnavailable',
  network: 'app.error.network',
  timeout: 'app.error.timeout',
  offline: 'app.error.offline',
};

/**
 * The reader's text for an error code; a refused config is explained from
 * its field, a refused room code from the code typed. Only codes it does not
 * know show the server's English message: a `badRequest` (a schema's words
 * about JSON pointers) never does.
 */
export function errorText(t: Translate, error: ErrorLike, roomCode = ''): string {
  if (error.code === 'badRequest') {
    // a refused handshake is most often the code typed (HS-9); a server before HS-9 named no field for it
    const codeText = roomCodeText(t, roomCode);
    if (error.field === '/code') return codeText ?? t('app.error.codeFormat', { length: PROTOCOL_LIMITS.roomCodeLength });
    if (error.field === undefined && roomCode !== '' && codeText !== null) return codeText;
  }
  if (error.code === 'invalidConfig' || error.code === 'badRequest') {
    const text = configErrorText(t, error.field);
    if (text !== null) return text;
  }
  if (error.code === 'controlLocked') return controlLockedText(t, error.field);
  // joining or reloading an ended class names it, as a wrong code does (HS-3)
  if (error.code === 'classEnded' && roomCode !== '') return t('app.error.classEndedCode', { code: roomCode });
  const key = KEYS[error.code];
  if (!key) return t('app.error.unknown', { message: error.message || error.code });
  return t(key, { code: roomCode, message: error.message });
}

const ROUND = new Set(['O', '0']);

/**
 * Why a typed (normalized) room code cannot be one, in the reader's
 * language: nothing typed, the wrong length, or look-alikes the alphabet
 * never uses, named with what they may have been (HS-9). Null for a code of
 * the right shape.
 */
export function roomCodeText(t: Translate, code: string): string | null {
  const problem = roomCodeProblem(code);
  if (problem === null) return null;
  switch (problem.kind) {
    case 'empty':
      return t('app.error.codeRequired');
    case 'length':
    case 'alphabet':
      return t('app.error.codeFormat', { length: PROTOCOL_LIMITS.roomCodeLength });
    case 'lookAlike': {
      const { characters } = problem;
      const chars = characters.join(t('app.error.codeLookAlike.separator'));
      const round = characters.some((ch) => ROUND.has(ch));
      const thin = characters.some((ch) => !ROUND.has(ch));
      const hint = t(round && thin ? 'app.error.codeLookAlike.both' : round ? 'app.error.codeLookAlike.round' : 'app.error.codeLookAlike.thin');
      return t(characters.length === 1 ? 'app.error.codeLookAlike.one' : 'app.error.codeLookAlike.many', { chars, hint });
    }
  }
}

/**
 * Errors after which the saved identity for the class is useless: the class
 * is gone or over, or this student was taken out of it (their token is
 * deleted). `classLocked` is not one: the same name may join once the
 * teacher unlocks.
 */
export function isFatalJoinError(code: string): boolean {
  return code === 'roomNotFound' || code === 'classEnded' || code === 'removed' || code === 'badToken';
}
