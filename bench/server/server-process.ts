import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const serverDir = path.resolve(import.meta.dirname, '../../apps/server');

/** The Playroom server as a child process, so its event loop is measured alone. */
export interface SpawnedServer {
  url: string;
  /** the server's process id (for /proc readings) */
  pid: number;
  stop(): Promise<void>;
}

/** This process's environment without REDIS_URL: the benchmarks measure one process. */
function inheritedEnv(): NodeJS.ProcessEnv {
  const { REDIS_URL: _manyProcesses, ...inherited } = process.env;
  return inherited;
}

/** Start apps/server on a free port with these extra environment variables. */
export function startServerProcess(env: Record<string, string>): Promise<SpawnedServer> {
  // PROF_DIR=dir: the server writes its main thread's CPU profile there when it stops (what a row spends its time on)
  const profile = process.env.PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.PROF_DIR] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/server.ts'], {
    cwd: serverDir,
    env: { ...inheritedEnv(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Playroom is running: open (http:\/\/[^/\s"]+)\//.exec(output);
      if (!match) return;
      clearTimeout(timer);
      output = '';
      resolve({
        url: match[1]!.replace('localhost', '127.0.0.1'),
        pid: child.pid!,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
    void exited.then(() => reject(new Error(`server exited before starting:\n${output}`)));
  });
}
