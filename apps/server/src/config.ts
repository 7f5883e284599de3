import os from 'node:os';
import path from 'node:path';
import { PROTOCOL_LIMITS } from '@playroom/protocol';
import { parsePublicUrl } from './public-url';
import { parseAllowedOrigins } from './security/origin-policy';

/** Everything the server can be told, with defaults; `readServerOptions` reads them from the environment. */
export interface ServerOptions {
  host: string;
  port: number;
  /** where students' devices reach the server (PUBLIC_URL, an origin); null: the address it listens on, else the machine's first network address */
  publicUrl: string | null;
  /** SQLite lives at `${dataDir}/playroom.db` (unless `databaseUrl` is set) */
  dataDir: string;
  /** PostgreSQL connection string; when set, storage is Postgres instead of SQLite */
  databaseUrl: string | null;
  /** Postgres schema to keep the tables in (created if missing); null: the connection's search_path */
  databaseSchema: string | null;
  /** apps/web/dist; a placeholder page is served when it does not exist */
  webDist: string;
  logLevel: string;
  snapshotHz: number;
  maxForksPerParticipant: number;
  maxSessions: number;
  /** one class's share of the server: its class session and forks together (LIM-5) */
  maxSessionsPerClass: number;
  maxParticipantsPerClass: number;
  /** a student's seat with no open socket and no fork for this long goes to the next student of a full class (LIM-6) */
  vacantSeatAfterMs: number;
  /** a student's forks stop training once they have had no open socket for this long (LIM-7) */
  absentForkPauseMs: number;
  /** open sockets per participant and per address (LIM-8) */
  maxSocketsPerParticipant: number;
  maxSocketsPerAddress: number;
  /** a class nobody used for this long is archived */
  idleArchiveMs: number;
  /** how often changed sessions are written while they train */
  checkpointIntervalMs: number;
  /** an HTTP request's headers and body must all arrive within this, else 408 and the connection is closed (REST-7) */
  requestTimeoutMs: number;
  /** scheduler: the most main-thread time one training slice may take */
  sliceBudgetMs: number;
  /** reverse proxies you run in front of the server (0: none); per-address limits then read X-Forwarded-For */
  trustProxy: number;
  /** socket.io connection state recovery window */
  recoveryWindowMs: number;
  /** per-address budget of wrong room codes and tokens, in handshakes and look-ups (rule HS-6) */
  joinRate: { perMinute: number; burst: number };
  /** per-address budget of class creations (rule LIM-3) */
  createRate: { perMinute: number; burst: number };
  /** per-socket budget of events (rule LIM-1) */
  commandRate: { perSecond: number; burst: number };
  /** new socket connections per address, refused before the websocket upgrade beyond it (LIM-8) */
  connectionRate: { perSecond: number; burst: number };
  /** 'fair' (the time-sliced TrainingScheduler) or 'naive' (the benchmark's peer) */
  scheduler: 'fair' | 'naive';
  /** window of the rates and event-loop percentiles in /metrics */
  metricsWindowMs: number;
  /** origins besides the server's own whose pages may write and open sockets (SEC-1) */
  allowedOrigins: string[];
  /** bearer token /metrics needs; null: /metrics answers loopback addresses only (SEC-3) */
  metricsToken: string | null;
  /** per-address budget of wrong tokens over REST (SEC-4) */
  tokenRate: { perMinute: number; burst: number };
  /** Redis for many processes (socket.io's Redis Streams adapter, class leases, shared join budgets); null: one process, no Redis */
  redisUrl: string | null;
  /** this process's name among many (INSTANCE_ID; its leases say it); null: hostname:port (hostname:pid with PORT=0) */
  instanceId: string | null;
  /** worker threads that train the sessions (TrainingPool); 0: the main thread trains them (TrainingScheduler) */
  trainingWorkers: number;
  /** snapshot bytes each socket may get per second (SNAP-6); 0: no budget */
  snapshotBytesPerSecond: number;
  /** what every Redis key and channel of this deployment starts with (several deployments or tests on one Redis) */
  redisKeyPrefix: string;
  /** a class lease lives this long unless its owner renews it (every third of it): a dead owner's classes are taken over after it */
  leaseTtlMs: number;
}

const here = path.dirname(new URL(import.meta.url).pathname);

export const DEFAULT_OPTIONS: ServerOptions = {
  host: '0.0.0.0',
  port: 3000,
  publicUrl: null,
  dataDir: path.resolve(process.cwd(), 'data'),
  databaseUrl: null,
  databaseSchema: null,
  webDist: path.resolve(here, '../../web/dist'),
  logLevel: 'info',
  snapshotHz: PROTOCOL_LIMITS.snapshotHz.default,
  maxForksPerParticipant: PROTOCOL_LIMITS.maxForksPerParticipant,
  maxSessions: PROTOCOL_LIMITS.maxSessionsPerServer,
  maxSessionsPerClass: PROTOCOL_LIMITS.maxSessionsPerClass,
  maxParticipantsPerClass: PROTOCOL_LIMITS.maxParticipantsPerClass,
  vacantSeatAfterMs: 30_000,
  absentForkPauseMs: 60_000,
  maxSocketsPerParticipant: 5,
  maxSocketsPerAddress: 1000,
  idleArchiveMs: 720 * 60_000,
  checkpointIntervalMs: 1000,
  requestTimeoutMs: 15_000,
  sliceBudgetMs: 6,
  trustProxy: 0,
  recoveryWindowMs: 2 * 60_000,
  joinRate: { ...PROTOCOL_LIMITS.joinRate },
  createRate: { ...PROTOCOL_LIMITS.createRate },
  commandRate: { ...PROTOCOL_LIMITS.commandRate },
  connectionRate: { perSecond: 50, burst: 100 },
  scheduler: 'fair',
  metricsWindowMs: 5000,
  allowedOrigins: [],
  metricsToken: null,
  tokenRate: { perMinute: 30, burst: 10 },
  redisUrl: null,
  instanceId: null,
  trainingWorkers: os.availableParallelism(),
  snapshotBytesPerSecond: 8000,
  redisKeyPrefix: 'playroom:',
  leaseTtlMs: 5000,
};

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name} must be a number in [${min}, ${max}], got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** Server options from environment variables (PORT, HOST, DATA_DIR, SNAPSHOT_HZ, …); throws on a bad value. */
export function readServerOptions(env: NodeJS.ProcessEnv = process.env): ServerOptions {
  const d = DEFAULT_OPTIONS;
  // npm start runs in the workspace folder; INIT_CWD is where the user typed it (./data at the repo root)
  const baseDir = env.INIT_CWD ?? process.cwd();
  const port = intFromEnv(env, 'PORT', d.port, 0, 65535);
  return {
    host: env.HOST ?? d.host,
    port,
    publicUrl: parsePublicUrl(env.PUBLIC_URL),
    dataDir: path.resolve(baseDir, env.DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || null,
    databaseSchema: env.DATABASE_SCHEMA || null,
    webDist: env.WEB_DIST ? path.resolve(env.WEB_DIST) : d.webDist,
    logLevel: env.LOG_LEVEL ?? d.logLevel,
    snapshotHz: intFromEnv(env, 'SNAPSHOT_HZ', d.snapshotHz, PROTOCOL_LIMITS.snapshotHz.min, PROTOCOL_LIMITS.snapshotHz.max),
    maxForksPerParticipant: intFromEnv(env, 'MAX_FORKS_PER_PARTICIPANT', d.maxForksPerParticipant, 0, 100),
    maxSessions: intFromEnv(env, 'MAX_SESSIONS', d.maxSessions, 1, 100_000),
    maxSessionsPerClass: intFromEnv(env, 'MAX_SESSIONS_PER_CLASS', d.maxSessionsPerClass, 1, 100_000),
    maxParticipantsPerClass: intFromEnv(env, 'MAX_PARTICIPANTS_PER_CLASS', d.maxParticipantsPerClass, 1, 10_000),
    vacantSeatAfterMs: intFromEnv(env, 'VACANT_SEAT_SECONDS', d.vacantSeatAfterMs / 1000, 1, 86_400) * 1000,
    absentForkPauseMs: intFromEnv(env, 'ABSENT_FORK_PAUSE_SECONDS', d.absentForkPauseMs / 1000, 1, 86_400) * 1000,
    maxSocketsPerParticipant: intFromEnv(env, 'MAX_SOCKETS_PER_PARTICIPANT', d.maxSocketsPerParticipant, 1, 1000),
    maxSocketsPerAddress: intFromEnv(env, 'MAX_SOCKETS_PER_ADDRESS', d.maxSocketsPerAddress, 1, 1_000_000),
    idleArchiveMs: intFromEnv(env, 'IDLE_ARCHIVE_MINUTES', d.idleArchiveMs / 60_000, 1, 525_600) * 60_000,
    checkpointIntervalMs: intFromEnv(env, 'CHECKPOINT_INTERVAL_MS', d.checkpointIntervalMs, 100, 2000),
    requestTimeoutMs: intFromEnv(env, 'REQUEST_TIMEOUT_SECONDS', d.requestTimeoutMs / 1000, 1, 300) * 1000,
    sliceBudgetMs: intFromEnv(env, 'SLICE_BUDGET_MS', d.sliceBudgetMs, 1, 50),
    trustProxy: env.TRUST_PROXY === 'true' ? 1 : env.TRUST_PROXY === 'false' ? 0 : intFromEnv(env, 'TRUST_PROXY', d.trustProxy, 0, 10),
    recoveryWindowMs: d.recoveryWindowMs,
    joinRate: {
      perMinute: intFromEnv(env, 'JOIN_RATE_PER_MINUTE', d.joinRate.perMinute, 1, 1e6),
      burst: intFromEnv(env, 'JOIN_BURST', d.joinRate.burst, 1, 1e6),
    },
    createRate: {
      perMinute: intFromEnv(env, 'CREATE_RATE_PER_MINUTE', d.createRate.perMinute, 1, 1e6),
      burst: intFromEnv(env, 'CREATE_BURST', d.createRate.burst, 1, 1e6),
    },
    connectionRate: {
      perSecond: intFromEnv(env, 'CONNECT_RATE_PER_SECOND', d.connectionRate.perSecond, 1, 1e6),
      burst: intFromEnv(env, 'CONNECT_BURST', d.connectionRate.burst, 1, 1e6),
    },
    commandRate: {
      perSecond: intFromEnv(env, 'COMMAND_RATE_PER_SECOND', d.commandRate.perSecond, 1, 1e6),
      burst: intFromEnv(env, 'COMMAND_BURST', d.commandRate.burst, 1, 1e6),
    },
    scheduler: env.SCHEDULER === 'naive' ? 'naive' : 'fair',
    metricsWindowMs: intFromEnv(env, 'METRICS_WINDOW_MS', d.metricsWindowMs, 100, 3_600_000),
    allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS),
    metricsToken: metricsTokenFromEnv(env.METRICS_TOKEN),
    tokenRate: {
      perMinute: intFromEnv(env, 'TOKEN_RATE_PER_MINUTE', d.tokenRate.perMinute, 1, 1e6),
      burst: intFromEnv(env, 'TOKEN_BURST', d.tokenRate.burst, 1, 1e6),
    },
    redisUrl: redisUrlFromEnv(env.REDIS_URL),
    instanceId: env.INSTANCE_ID || null,
    trainingWorkers: trainingWorkersFromEnv(env),
    snapshotBytesPerSecond: intFromEnv(env, 'SNAPSHOT_BYTES_PER_SECOND', d.snapshotBytesPerSecond, 0, 10_000_000),
    redisKeyPrefix: env.REDIS_KEY_PREFIX || d.redisKeyPrefix,
    leaseTtlMs: intFromEnv(env, 'LEASE_TTL_MS', d.leaseTtlMs, 1000, 60_000),
  };
}

/** REDIS_URL: unset, or a redis:// or rediss:// URL (a typo must not quietly mean "one process"). */
function redisUrlFromEnv(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('REDIS_URL must be a redis:// or rediss:// URL');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error('REDIS_URL must be a redis:// or rediss:// URL');
  return raw;
}

/** TRAINING_WORKERS: a whole number 0–64; unset, one per core (os.availableParallelism()). */
function trainingWorkersFromEnv(env: NodeJS.ProcessEnv): number {
  const workers = intFromEnv(env, 'TRAINING_WORKERS', DEFAULT_OPTIONS.trainingWorkers, 0, 64);
  if (!Number.isInteger(workers)) throw new Error(`TRAINING_WORKERS must be a whole number, got ${JSON.stringify(env.TRAINING_WORKERS)}`);
  return workers;
}

/** METRICS_TOKEN: unset or at least 16 characters, so a scraper's secret is not guessable. */
function metricsTokenFromEnv(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  if (raw.length < 16 || /\s/.test(raw)) throw new Error('METRICS_TOKEN must be at least 16 characters without spaces');
  return raw;
}
