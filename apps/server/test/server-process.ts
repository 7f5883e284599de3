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

/** Start `src/server.ts` on a free port with `DATA_DIR`; resolves once it logs its URL. */
export function spawnServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
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
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Playroom is running: open (http:\/\/[^/\s"]+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!.replace('localhost', '127.0.0.1'), exited, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before starting:\n${output}`));
    });
  });
}
