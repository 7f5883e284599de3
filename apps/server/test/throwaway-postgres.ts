import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

/**
 * A PostgreSQL cluster of a test's own (its own data dir, port and socket
 * dir), for tests that stop and start the database: never the shared one.
 */
export interface ThrowawayPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust auth) */
  url: string;
  port: number;
  /** `pg_ctl stop -m fast`: the database refuses connections until `start` */
  stop(): Promise<void>;
  /** start again, same port and data */
  start(): Promise<void>;
  /** stop and remove the data dir */
  destroy(): Promise<void>;
}

/** every pg_ctl or initdb call gives up after this long */
const COMMAND_TIMEOUT_MS = 60_000;

/** settings for a test: fast (nothing survives a crash of the machine, and need not) and closed to others */
const SETTINGS = [
  "listen_addresses = '127.0.0.1'",
  'fsync = off',
  'synchronous_commit = off',
  'full_page_writes = off',
  'shared_buffers = 16MB',
  'max_connections = 30',
  "log_min_messages = 'warning'",
];

/** clusters this process started and has not stopped, stopped at its exit if a test forgot */
const running = new Set<string>();
process.once('exit', () => {
  for (const dataDir of running) {
    try {
      execFileSync(pgBinary('pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop'], asOwner({ timeout: 10_000, stdio: 'ignore' }));
    } catch {
      // already gone
    }
  }
});

let binDir: string | null | undefined;

/** The newest /usr/lib/postgresql/<version>/bin, else the directory on PATH that has initdb; null when neither. */
function findBinDir(): string | null {
  if (binDir !== undefined) return binDir;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const onPath = (process.env.PATH ?? '').split(path.delimiter).find((dir) => dir && fs.existsSync(path.join(dir, 'initdb')));
  binDir = versions[0] ? path.join(root, versions[0], 'bin') : (onPath ?? null);
  return binDir;
}

function pgBinary(name: string): string {
  return path.join(findBinDir()!, name);
}

/** initdb and pg_ctl refuse root: as root, they run as the `postgres` OS user */
const asRoot = process.getuid?.() === 0;

function asOwner<T extends object>(options: T): T & { cwd: string } {
  // the OS user postgres may not be allowed into the test's working directory
  return { ...options, cwd: os.tmpdir() };
}

function command(binary: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
}

function run(binary: string, args: string[]): Promise<string> {
  const [file, argv] = command(binary, args);
  return new Promise((resolve, reject) => {
    execFile(file, argv, asOwner({ timeout: COMMAND_TIMEOUT_MS }), (error, stdout, stderr) => {
      if (error) reject(new Error(`${path.basename(binary)} ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`));
      else resolve(stdout);
    });
  });
}

/** The OS user postgres's uid and gid (as root), to hand it the temp dir. */
function postgresOwner(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * initdb into a fresh temp dir (trust auth), configured for 127.0.0.1 on a
 * free port with its unix socket inside the dir, and started.
 * null (with the reason printed) only where PostgreSQL's binaries are absent.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres | null> {
  if (!findBinDir()) {
    console.log('throwaway PostgreSQL: no initdb under /usr/lib/postgresql/*/bin or on PATH; the test that needs it is skipped');
    return null;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playroom-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  const owner = asRoot ? postgresOwner() : null;
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  await run(pgBinary('initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);

  let port = 0;
  let started = false;
  const configure = async () => {
    port = await freePort();
    const conf = [...SETTINGS, `port = ${port}`, `unix_socket_directories = '${dir}'`].join('\n');
    // postgresql.auto.conf is read last: its values win over postgresql.conf's
    const file = path.join(dataDir, 'postgresql.auto.conf');
    fs.writeFileSync(file, `${conf}\n`);
    if (owner) fs.chownSync(file, owner.uid, owner.gid);
  };
  const start = async () => {
    if (started) return;
    await run(pgBinary('pg_ctl'), ['-D', dataDir, '-l', logFile, '-w', '-t', '30', 'start']);
    started = true;
    running.add(dataDir);
  };
  const stop = async () => {
    if (!started) return;
    await run(pgBinary('pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', '-t', '30', 'stop']);
    started = false;
    running.delete(dataDir);
  };

  // the free port may be taken between the look and the start: try another, twice
  for (let attempt = 1; ; attempt++) {
    await configure();
    try {
      await start();
      break;
    } catch (error) {
      if (attempt === 3) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy: async () => {
      try {
        await stop();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
