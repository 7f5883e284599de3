import type { MessageKey, Translate } from '../i18n';

/** An error as the server (or the net module) reports it. */
export interface ErrorLike {
  code: string;
  message: string;
}

const KEYS: Record<string, MessageKey> = {
  roomNotFound: 'app.error.roomNotFound',
  sessionNotFound: 'app.error.roomNotFound',
  classFull: 'app.error.classFull',
  classEnded: 'app.error.classEnded',
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
  unavailable: 'app.error.unavailable',
  network: 'app.error.network',
  timeout: 'app.error.timeout',
  offline: 'app.error.offline',
};

/** The reader's text for an error code; unknown codes show the server's English message. */
export function errorText(t: Translate, error: ErrorLike, roomCode = ''): string {
  const key = KEYS[error.code];
  if (!key) return t('app.error.unknown', { message: error.message || error.code });
  return t(key, { code: roomCode, message: error.message });
}

/** Errors after which the saved identity for the class is useless. */
export function isFatalJoinError(code: string): boolean {
  return code === 'roomNotFound' || code === 'classEnded' || code === 'badToken';
}
