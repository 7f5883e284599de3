/**
 * What `npm test` needs besides node_modules, found or provided before the
 * suite starts (the root `pretest` script runs this file; the browser tests'
 * global setup and `bench:web` call `ensureChromium` too):
 *
 * - Debian's Chromium and CJK fonts for the browser tests (downloaded browser
 *   builds cannot be fetched here, so playwright-core drives /usr/bin/chromium);
 * - the PostgreSQL the storage tests use (TEST_DATABASE_URL, by default
 *   postgres://postgres@127.0.0.1:5432/test with trust auth);
 * - with REDIS_URL set (`.ci/run` sets it), the Redis the many-process suites
 *   use. Without REDIS_URL those suites do not run, and say so.
 *
 * Each is used when present, installed from Debian's packages when this
 * process may (root, apt-get), or refused at once with the one command a
 * person must run. Nothing is downloaded from anywhere else.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Any file of Debian's fonts-noto-cjk: without it Chinese text renders as boxes in screenshots. */
const CJK_FONT_DIR = '/usr/share/fonts/opentype/noto';
export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** A prerequisite that is missing and cannot be provided from here. */
export class MissingPrerequisite extends Error {
  override name = 'MissingPrerequisite';
  constructor(what: string, command: string) {
    super(`${what} is missing and cannot be installed from this process. Run, then try again:\n\n  ${command}\n`);
  }
}

const say = (line: string) => process.stderr.write(`[test prerequisites] ${line}\n`);

function canInstallDebianPackages(): boolean {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

let aptUpdated = false;
/** `apt-get install` of Debian packages (after one `apt-get update` per process); `reinstall` restores deleted files. */
function aptInstall(packages: string[], reinstall = false): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    say('apt-get update');
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    aptUpdated = true;
  }
  say(`apt-get install ${packages.join(' ')}`);
  const args = ['install', '-y', '-qq', '--no-install-recommends', ...(reinstall ? ['--reinstall'] : []), ...packages];
  execFileSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
}

function hasCjkFonts(): boolean {
  return existsSync(CJK_FONT_DIR) && readdirSync(CJK_FONT_DIR).some((name) => /CJK/i.test(name));
}

/** Chromium at CHROMIUM_PATH (and the CJK fonts), installing Debian's packages when they are absent. */
export function ensureChromium(): string {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM_PATH)) missing.push('chromium');
  if (!hasCjkFonts()) missing.push('fonts-noto-cjk');
  if (missing.length === 0) return CHROMIUM_PATH;
  if (process.env.CHROMIUM_PATH && missing.includes('chromium')) {
    throw new MissingPrerequisite(`CHROMIUM_PATH=${CHROMIUM_PATH}`, 'unset CHROMIUM_PATH, or point it at a Chromium binary');
  }
  if (!canInstallDebianPackages()) {
    throw new MissingPrerequisite(missing.join(' and '), `sudo apt-get install -y ${missing.join(' ')}`);
  }
  // --reinstall: a package still marked installed whose binary was removed is restored as well
  aptInstall(missing, true);
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing`);
  return CHROMIUM_PATH;
}

/** Whether something accepts TCP connections at host:port within `timeoutMs`. */
function accepts(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.connect(port, host);
  });
}

async function waitUntilAccepts(host: string, port: number, seconds: number): Promise<boolean> {
  for (let i = 0; i < seconds * 4; i++) {
    if (await accepts(host, port, 250)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** Debian's PostgreSQL clusters (version/name), as pg_lsclusters names them. */
function debianClusters(): { version: string; name: string }[] {
  if (!existsSync('/etc/postgresql')) return [];
  return readdirSync('/etc/postgresql').flatMap((version) =>
    readdirSync(`/etc/postgresql/${version}`).map((name) => ({ version, name })),
  );
}

function runAsPostgres(command: string, args: string[]): void {
  execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * The PostgreSQL of the storage tests. A custom TEST_DATABASE_URL is the
 * caller's to provide; the default one (local, trust auth, database `test`)
 * is started when Debian's cluster exists but stopped, and installed when
 * PostgreSQL is absent and this process is root.
 */
export async function ensurePostgres(): Promise<void> {
  if (process.env.TEST_DATABASE_URL && process.env.TEST_DATABASE_URL !== DEFAULT_TEST_DATABASE_URL) return;
  if (await accepts('127.0.0.1', 5432)) return;
  const install = 'sudo apt-get install -y postgresql  (then allow user postgres on 127.0.0.1 with trust auth and create database test)';
  let clusters = debianClusters();
  if (clusters.length === 0) {
    if (!canInstallDebianPackages()) throw new MissingPrerequisite('PostgreSQL at 127.0.0.1:5432', install);
    aptInstall(['postgresql']);
    clusters = debianClusters();
    const [fresh] = clusters;
    if (!fresh) throw new Error('apt-get installed postgresql but it created no cluster');
    // the cluster we just made: recreate it with trust auth, as the tests' URL has no password
    execFileSync('pg_dropcluster', ['--stop', fresh.version, fresh.name], { stdio: 'inherit' });
    execFileSync('pg_createcluster', [fresh.version, fresh.name, '--port', '5432', '--', '--auth-host=trust', '--auth-local=trust'], { stdio: 'inherit' });
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', fresh.version, fresh.name, 'start'], { stdio: 'inherit' });
    if (!(await waitUntilAccepts('127.0.0.1', 5432, 20))) throw new Error('the PostgreSQL just installed does not accept connections on 5432');
    runAsPostgres('createdb', ['test']);
    return;
  }
  if (process.getuid?.() !== 0) throw new MissingPrerequisite('PostgreSQL at 127.0.0.1:5432 (installed, not running)', 'sudo pg_ctlcluster <version> main start');
  for (const cluster of clusters) {
    say(`starting PostgreSQL cluster ${cluster.version}/${cluster.name}`);
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster.version, cluster.name, 'start'], { stdio: 'inherit' });
  }
  if (!(await waitUntilAccepts('127.0.0.1', 5432, 10))) throw new MissingPrerequisite('PostgreSQL at 127.0.0.1:5432', install);
}

/**
 * The Redis of the many-process suites, when REDIS_URL names one on this machine:
 * started (no persistence, as the machine's own) when installed but not running,
 * installed from Debian's packages when absent and this process is root.
 */
export async function ensureRedis(redisUrl = process.env.REDIS_URL): Promise<void> {
  if (!redisUrl) {
    say('REDIS_URL is not set: the suites that need Redis (many processes, Redis faults) will say they did not run');
    return;
  }
  const { hostname, port: portText } = new URL(redisUrl);
  const port = Number(portText || 6379);
  if (await accepts(hostname, port)) return;
  if (hostname !== '127.0.0.1' && hostname !== 'localhost') throw new MissingPrerequisite(`Redis at ${hostname}:${port} (REDIS_URL)`, 'start it, or unset REDIS_URL');
  if (!existsSync('/usr/bin/redis-server')) {
    if (!canInstallDebianPackages()) throw new MissingPrerequisite(`Redis at 127.0.0.1:${port}`, 'sudo apt-get install -y redis-server');
    aptInstall(['redis-server']);
  }
  say(`starting redis-server on 127.0.0.1:${port}`);
  execFileSync('/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--daemonize', 'yes', '--save', '', '--appendonly', 'no'], { stdio: 'inherit' });
  if (!(await waitUntilAccepts('127.0.0.1', port, 10))) throw new Error(`redis-server was started but 127.0.0.1:${port} does not accept connections`);
}

async function main(): Promise<void> {
  try {
    ensureChromium();
    await ensurePostgres();
    await ensureRedis();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
