import type { MessageKey, Translate } from '../i18n';
import { configErrorText } from '../playground/configErrorText';
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
 * its field. Only unknown codes and fields show the server's English message.
 */
export function errorText(t: Translate, error: ErrorLike, roomCode = ''): string {
  if (error.code === 'invalidConfig' || error.code === 'badRequest') {
    const text = configErrorText(t, error.field);
    if (text !== null) return text;
  }
  const key = KEYS[error.code];
  if (!key) return t('app.error.unknown', { message: error.message || error.code });
  return t(key, { code: roomCode, message: error.message });
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
