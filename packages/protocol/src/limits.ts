import { LOSS_HISTORY_POINTS } from '@playroom/engine';

/**
 * Every limit of the wire in one place. The server enforces them (some can be
 * lowered or raised by environment variables, see apps/server/src/config.ts);
 * the web app reads them to size inputs and explain refusals.
 */
export const PROTOCOL_LIMITS = {
  /** largest socket message or REST body, in bytes (socket.io `maxHttpBufferSize`) */
  maxMessageBytes: 256 * 1024,
  /** largest body of `POST /api/sessions` (REST-1): one saved session with 2,000 custom points (in its config and its trainer's) is ~300 KB */
  maxCreateBodyBytes: 2 * 1024 * 1024,
  /** display names, after trimming */
  nameMinLength: 1,
  nameMaxLength: 32,
  roomCodeLength: 6,
  /** teacher and participant tokens carry at least this much randomness */
  tokenMinBits: 128,
  tokenMinLength: 22,
  tokenMaxLength: 64,
  idMaxLength: 64,
  maxParticipantsPerClass: 200,
  /** default; the server may be configured differently and says so in `welcome.limits` */
  maxForksPerParticipant: 5,
  /** default for class sessions + forks held by one server */
  maxSessionsPerServer: 500,
  /** default for one class's class session + forks: a fifth of the server, so one class cannot take it all (LIM-5) */
  maxSessionsPerClass: 100,
  /** `step` may ask for this many epochs at once */
  maxStepEpochs: 1000,
  /** training speed in epochs per second, or 'max' */
  speed: { min: 1, max: 1000, default: 60 },
  /** snapshots per second per session (server default, configurable within range) */
  snapshotHz: { min: 1, max: 30, default: 15 },
  /** the teacher's fork summary stream */
  forkSummaryIntervalMs: 750,
  /** the teacher's fork previews (quantized weights of the forks that changed, SUM-2) */
  forkPreviewIntervalMs: 2000,
  /** at most this many bytes in one teacher socket's preview batch (SUM-2): 8 KB/s whatever the class */
  forkPreviewBytesPerRound: 16 * 1024,
  /** points kept in a session's down-sampled loss history (the engine's LOSS_HISTORY_POINTS) */
  lossHistoryPoints: LOSS_HISTORY_POINTS,
  /** per socket: commands per second (token bucket) */
  commandRate: { perSecond: 20, burst: 40 },
  /** per client address: failed guesses (unknown room codes, wrong tokens, in handshakes and look-ups together), rule HS-6 */
  joinRate: { perMinute: 30, burst: 10 },
  /** per client address: class sessions created */
  createRate: { perMinute: 10, burst: 5 },
  /** network layer sizes a snapshot can describe */
  maxLayers: 8,
  maxLayerSize: 255,
  /** steps of one lesson plan (TEACH-3) */
  maxLessonSteps: 12,
} as const;
