import type { Welcome } from '@playroom/protocol';
import type { Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { createClass, openSocket, teacherAuth, tempDataDir } from './harness';
import { spawnServer } from './server-process';

/** Resolves at the socket's next `welcome`. */
function nextWelcome(socket: Socket, timeoutMs: number): Promise<Welcome> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no welcome within ${timeoutMs} ms`)), timeoutMs);
    socket.once('welcome', (welcome: Welcome) => {
      clearTimeout(timer);
      resolve(welcome);
    });
  });
}

describe('shutdown', () => {
  it('PERSIST-2: after SIGTERM, plain socket.io clients (reconnection on, no retry of their own) reconnect by themselves to the restarted server', async () => {
    const dataDir = tempDataDir();
    const first = await spawnServer(dataDir);
    const port = new URL(first.url).port;
    const sockets: Socket[] = [];
    let second: Awaited<ReturnType<typeof spawnServer>> | undefined;
    try {
      const created = await createClass(first.url);
      const auths: Record<string, unknown>[] = [teacherAuth(created), ...['Ana', 'Ben', 'Caro', 'Dan'].map((name) => ({ role: 'student', code: created.code, name }))];
      const firstWelcomes: Welcome[] = [];
      for (const auth of auths) {
        // socket.io-client's defaults: reconnection on, 1–5 s back-off
        const socket = openSocket(first.url, auth, { reconnection: true });
        sockets.push(socket);
        const welcome = await nextWelcome(socket, 10_000);
        firstWelcomes.push(welcome);
        // what the web app does with the token it is given: the next handshake proves the same person
        if (welcome.participantToken) socket.auth = { ...(socket.auth as object), name: undefined, token: welcome.participantToken };
      }
      const reasons: string[] = [];
      for (const socket of sockets) socket.once('disconnect', (reason) => reasons.push(reason));
      const welcomesAgain = sockets.map((socket) => nextWelcome(socket, 25_000));

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(reasons).toHaveLength(sockets.length);
      expect(reasons.filter((reason) => reason === 'io server disconnect')).toEqual([]);

      second = await spawnServer(dataDir, { PORT: port });
      const again = await Promise.all(welcomesAgain);
      expect(again.map((w) => [w.participantId, w.role])).toEqual(firstWelcomes.map((w) => [w.participantId, w.role]));
    } finally {
      for (const socket of sockets) socket.close();
      if (first.child.exitCode === null) first.child.kill('SIGKILL');
      second?.child.kill('SIGTERM');
      await second?.exited;
    }
  }, 60_000);
});
