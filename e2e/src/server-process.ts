import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, RESULTS_DIR, SERVER_ENTRY, WEB_DIST } from './repo-paths';

/**
 * The real Playroom server as a child process (tsx apps/server/src/server.ts)
 * on a fixed port and data directory, so it can be killed and started again
 * the way a teacher's laptop would restart it.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private log: WriteStream;

  constructor(
    readonly port: number,
    readonly dataDir: string,
    logName = 'server.log',
    /** HOST (127.0.0.1 unless a test needs every address: then the join link is the machine's network address) and more env */
    private readonly launch: { host?: string; env?: Record<string, string> } = {},
  ) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    this.log = createWriteStream(path.join(RESULTS_DIR, logName), { flags: 'a' });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the server and waits until /readyz answers. */
  async start(): Promise<void> {
    if (this.child) throw new Error('server already running');
    const tsx = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
    // one process: CI's REDIS_URL is for the server's many-process suites, not for the browser tests' server
    const { REDIS_URL: _manyProcesses, ...inherited } = process.env;
    const child = spawn(tsx, [SERVER_ENTRY], {
      cwd: REPO_ROOT,
      env: {
        ...inherited,
        PORT: String(this.port),
        HOST: this.launch.host ?? '127.0.0.1',
        DATA_DIR: this.dataDir,
        WEB_DIST,
        LOG_LEVEL: 'warn',
        ...this.launch.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // its own process group: tsx runs the server in a child node process, and both must go
      detached: true,
    });
    this.child = child;
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`server exited with ${code} before it was ready (see ${RESULTS_DIR}/server.log)`))),
    );
    await Promise.race([this.waitReady(60_000), exited]);
  }

  /** Kills the server (SIGKILL: no goodbye to the clients, like a crash or a pulled plug). */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (child.pid !== undefined) process.kill(-child.pid, signal);
    await gone;
    await this.waitPortFree(10_000);
  }

  /** After a kill, waits until nothing answers on the port any more (the grandchild is gone too). */
  private async waitPortFree(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        await fetch(`${this.url}/healthz`);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`something still answers on ${this.url} after the server was killed`);
  }

  private async waitReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`${this.url}/readyz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`server not ready on ${this.url} after ${timeoutMs} ms`);
  }
}
