import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The real server as a child process (node + tsx), as `npm start` runs it. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** resolves with the exit code (null when killed by a signal) */
  exited: Promise<number | null>;
  output(): string;
}

const serverDir = path.resolve(import.meta.dirname, '..');

/** A server process just launched: `running` resolves with its URL once it logs it. */
export interface LaunchedServer extends Omit<ServerProcess, 'url'> {
  running: Promise<string>;
}

/** Launch `src/server.ts` on a free port with `DATA_DIR`, without waiting for it to listen. */
export function launchServer(dataDir: string, env: Record<string, string> = {}, startTimeoutMs = 20_000): LaunchedServer {
  // one process unless the test says otherwise: CI's REDIS_URL (for the many-process suites) is not every server's
  const { REDIS_URL: _manyProcesses, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: serverDir,
    env: {
      ...inherited,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      JOIN_BURST: '10000',
      CONNECT_BURST: '10000',
      CREATE_BURST: '10000',
      WEB_DIST: path.join(dataDir, 'no-web'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const running = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Playroom is running: open (http:\/\/[^/\s"]+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before starting:\n${output}`));
    });
  });
  // a test that never waits for it must not fail on an unhandled rejection
  running.catch(() => {});
  return { child, exited, output: () => output, running };
}

/** Start `src/server.ts` on a free port with `DATA_DIR`; resolves once it logs its URL. */
export async function spawnServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const { running, ...server } = launchServer(dataDir, env);
  return { ...server, url: await running };
}
