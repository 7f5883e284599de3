import pg from 'pg';

/** The two log levels the wait uses (fastify's logger has them). */
export interface WaitLog {
  warn(message: string): void;
  info(message: string): void;
}

export interface DatabaseWaitOptions {
  /** first wait after a failed try; doubles per failure (default 500 ms) */
  firstRetryMs?: number;
  /** longest wait between tries (default 5 s) */
  maxRetryMs?: number;
  /** while it stays unreachable, one more line this often (default 60 s) */
  remindEveryMs?: number;
}

/** Failures that mean "not there yet" (not running, starting, restarting, no route, no name yet): worth waiting for. */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ENOENT', // a unix socket not created yet
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '53300', // too_many_connections
]);

/** A start-up that cannot go on (wrong password, no such database…): its message says why, without the URL. */
export class DatabaseStartError extends Error {}

/** Where the URL points, never who or with what password: host:port, or a unix socket's path. */
export function databaseAddress(client: { host: string; port: number }): string {
  return client.host.startsWith('/') ? `${client.host}/.s.PGSQL.${client.port}` : `${client.host}:${client.port}`;
}

function failureCode(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') return code;
  // node-postgres's own: "Connection terminated due to connection timeout", "… unexpectedly"
  if (typeof message === 'string' && /timeout/i.test(message)) return 'timeout';
  if (typeof message === 'string' && /terminated/i.test(message)) return 'ECONNRESET';
  return 'unknown';
}

function isTransient(code: string): boolean {
  return TRANSIENT_CODES.has(code) || code === 'timeout';
}

/** One connection and `SELECT 1`; resolves with null when it answers, else with the failure. */
async function tryOnce(connectionString: string): Promise<{ error: unknown; address: string } | null> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5000 });
  // an error after connecting (the database stops meanwhile) must not become an unhandled 'error' event
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return { error, address: databaseAddress(client) };
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Resolves once the database at `connectionString` answers. While it does
 * not (refused, starting, unknown host…), one line says so, one more each
 * `remindEveryMs`, and it tries again with backoff doubling up to
 * `maxRetryMs`; once it answers, one line says that. A failure waiting
 * cannot cure (wrong password, no such database) rejects with a
 * DatabaseStartError. Neither the URL nor its password is ever logged.
 */
export async function waitForDatabase(connectionString: string, log: WaitLog, options: DatabaseWaitOptions = {}): Promise<void> {
  const first = options.firstRetryMs ?? 500;
  const max = options.maxRetryMs ?? 5000;
  const remindEvery = options.remindEveryMs ?? 60_000;
  const started = Date.now();
  let lastLine = -Infinity;
  for (let failures = 0; ; failures++) {
    const failure = await tryOnce(connectionString);
    if (!failure) {
      if (failures > 0) log.info(`database reachable after ${((Date.now() - started) / 1000).toFixed(1)} s; starting`);
      return;
    }
    const code = failureCode(failure.error);
    if (!isTransient(code)) {
      const reason = failure.error instanceof Error ? failure.error.message : String(failure.error);
      throw new DatabaseStartError(`database at ${failure.address} refused to start the server (${code}): ${reason}`);
    }
    const now = Date.now();
    if (failures === 0) {
      log.warn(`database not reachable at ${failure.address} (${code}); retrying every ${max / 1000} s at most until it answers`);
      lastLine = now;
    } else if (now - lastLine >= remindEvery) {
      log.warn(`database still not reachable at ${failure.address} (${code}) after ${Math.round((now - started) / 1000)} s; still retrying`);
      lastLine = now;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(max, first * 2 ** failures)));
  }
}
