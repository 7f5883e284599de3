/**
 * @playroom/protocol: the one wire contract between the server and the web
 * app. docs/PROTOCOL.md describes the same thing for people, rule by rule.
 */
export * from './version';
export * from './limits';
export * from './room-code';
export * from './names';
export * from './join-link';
export * from './error-codes';
export * from './acks';
export * from './events';
export * from './validation';
export * from './snapshot-codec';
export * from './fork-preview-codec';
export * from './session-view';
export * from './playground-file';
export * from './saved-session-trainer';
export * from './lesson-controls';
export * from './share-link/share-link';
export { SHARE_LINK_PROBLEMS, DEFAULT_SHARE_VIEW, type ShareLinkNote, type ShareLinkProblem, type ShareView } from './share-link/link-fields';
export { playgroundSeed } from './share-link/playground-link';
export * from './schemas/common-schemas';
export * from './schemas/config-schema';
export * from './schemas/state-schemas';
export * from './schemas/lesson-plan-schemas';
export * from './schemas/handshake-schema';
export * from './schemas/command-schemas';
export * from './schemas/server-event-schemas';
export * from './schemas/rest-schemas';
export * from './schemas/challenge-schemas';
export * from './schemas/trainer-state-schema';
