import type { ProtocolError } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { openSocket, startServer } from './harness';

/*
 * Behind a reverse proxy (TRUST_PROXY), the per-address limits must key on
 * the address the proxy saw: the entry it appended last to
 * X-Forwarded-For. Whatever comes before it was written by the client, and
 * trusting it would let one machine spoof a fresh address per attempt and
 * guess room codes or create classes without limit (rules HS-6, LIM-3).
 */

const CLIENT = '203.0.113.7';
const forwardedFor = (spoofed: string) => `${spoofed}, ${CLIENT}`;

/** A handshake with an unknown code (a guess) through the proxy; resolves with the refusal code. */
function guess(url: string, spoofed: string): Promise<string> {
  const socket = openSocket(url, { role: 'student', code: 'ZZZZZZ', name: 'Eve' }, { extraHeaders: { 'x-forwarded-for': forwardedFor(spoofed) } });
  return new Promise((resolve) => {
    socket.once('connect_error', (error: Error & { data?: ProtocolError }) => {
      socket.close();
      resolve(error.data?.code ?? error.message);
    });
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
  });
}

describe('behind a proxy', () => {
  it('HS-6/LIM-3: a client cannot dodge the per-address limits by writing its own X-Forwarded-For', async () => {
    const server = await startServer({ trustProxy: 1, createRate: { perMinute: 1, burst: 2 }, joinRate: { perMinute: 1, burst: 2 } });
    try {
      const create = async (spoofed: string) =>
        (
          await fetch(`${server.url}/api/sessions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor(spoofed) },
            body: '{"teacherName":"T"}',
          })
        ).status;
      expect([await create('10.0.0.1'), await create('10.0.0.2'), await create('10.0.0.3')]).toEqual([201, 201, 429]);
      const lookups: number[] = [];
      for (const spoofed of ['10.0.1.1', '10.0.1.2', '10.0.1.3']) {
        lookups.push((await fetch(`${server.url}/api/rooms/YYYYYY`, { headers: { 'x-forwarded-for': forwardedFor(spoofed) } })).status);
      }
      expect(lookups).toEqual([200, 200, 429]);
      // the handshakes share that same budget, and it is spent
      expect(await guess(server.url, '10.0.2.1')).toBe('rateLimited');

      // another client behind the same proxy has its own budget
      const other = await fetch(`${server.url}/api/rooms/YYYYYY`, { headers: { 'x-forwarded-for': '198.51.100.9' } });
      expect(other.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
