import { ErrorCode } from '@playroom/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './harness';

describe('/readyz and the database', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('REST-4: /readyz answers 503 unavailable while the database does not answer, 200 once it does again', async () => {
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const storage = server.app.playroom.storage;
    const ping = storage.ping.bind(storage);
    // a refused and a hung database: both are "not ready" (before: 200 ready either way)
    for (const down of [() => Promise.reject(new Error('connect ECONNREFUSED')), () => new Promise<void>(() => {})]) {
      storage.ping = down;
      const response = await fetch(`${server.url}/readyz`);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(ErrorCode.unavailable);
    }
    storage.ping = ping;
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ready' });
  });
});
