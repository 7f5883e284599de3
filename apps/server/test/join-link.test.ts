import path from 'node:path';
import { ErrorCode, isLoopbackUrl, type CreateSessionReply, type ErrorReply } from '@playroom/protocol';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { JOIN_QR_ERROR_CORRECTION } from '../src/routes/join-qr';
import { RELAXED_LIMITS, connect, createClass, startServer, teacherAuth, tempDataDir, useServer, type TestServer } from './harness';
import { spawnServer } from './server-process';
import { machineNetworkAddresses } from '../../../scripts/network-addresses';

/*
 * REST-1, JOIN-4, REST-8: a class's join link is the server's public URL
 * (PUBLIC_URL, else the machine's network address with the port it listens
 * on, honest about loopback), in the creation reply, in every welcome and as
 * a QR code. No test opens a connection to a network address: the servers
 * are asked over 127.0.0.1 what they would tell a student.
 */

const loopback = useServer();

/** The dark modules an SVG of the `qrcode` library draws: each row's runs are `h` strokes at y + 0.5. */
function modulesOfSvg(svg: string): { size: number; dark: Set<string> } {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const strokes = /<path[^>]*stroke="#000000"[^>]*d="([^"]+)"/.exec(svg);
  if (!viewBox || !strokes) throw new Error(`not a QR code SVG: ${svg.slice(0, 200)}`);
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, op, args] of strokes[1]!.matchAll(/([MmHh])([^MmHh]*)/g)) {
    const numbers = args!.trim().split(/[\s,]+/).map(Number);
    if (op === 'M') [x, y] = [numbers[0]!, numbers[1]!];
    else if (op === 'm') [x, y] = [x + numbers[0]!, y + numbers[1]!];
    else {
      const length = op === 'h' ? numbers[0]! : numbers[0]! - x;
      for (let i = 0; i < length; i++) dark.add(`${x + i},${Math.floor(y)}`);
      x += length;
    }
  }
  return { size: Number(viewBox[1]), dark };
}

/** The dark modules the library's own encoding of `text` has, shifted by the quiet zone. */
function modulesOfText(text: string, margin = 4): { size: number; dark: Set<string> } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: JOIN_QR_ERROR_CORRECTION });
  const dark = new Set<string>();
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) dark.add(`${col + margin},${row + margin}`);
  }
  return { size: modules.size + 2 * margin, dark };
}

/** Well-formed enough for a browser: one <svg> root in the SVG namespace, every element closed. */
function expectWellFormedSvg(svg: string): void {
  expect(svg.trimStart().startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  const open: string[] = [];
  for (const [, closing, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (closing) expect(open.pop()).toBe(name);
    else if (!selfClosing) open.push(name!);
  }
  expect(open).toEqual([]);
}

describe('the join link (REST-1, JOIN-4)', () => {
  it('a server on 127.0.0.1 only gives a loopback link, which says it reaches no other device', async () => {
    const created = await createClass(loopback.url);
    expect(created.joinUrl).toBe(`${loopback.url}/join/${created.code}`);
    expect(isLoopbackUrl(created.joinUrl)).toBe(true);
    expect(loopback.app.playroom.publicUrl()).toMatchObject({ reachable: false, source: 'loopbackHost' });
  });

  it('PUBLIC_URL is the link, in the creation reply and in the welcome of the teacher and of a student', async () => {
    const server = await startServer({ publicUrl: 'https://playroom.school.example' });
    try {
      const created = await createClass(server.url);
      expect(created.joinUrl).toBe(`https://playroom.school.example/join/${created.code}`);
      const teacher = await connect(server.url, teacherAuth(created));
      expect(teacher.welcome.joinUrl).toBe(created.joinUrl);
      const student = await connect(server.url, { role: 'student', code: created.code.toLowerCase(), name: 'Ann' });
      expect(student.welcome.joinUrl).toBe(created.joinUrl);
      teacher.socket.close();
      student.socket.close();
    } finally {
      await server.close();
    }
  });

  describe('a server listening on every address, asked over 127.0.0.1', () => {
    let server: TestServer;
    beforeAll(async () => {
      const dataDir = tempDataDir();
      const app = await buildApp({ ...RELAXED_LIMITS, dataDir, webDist: path.join(dataDir, 'no-web') });
      await app.listen({ host: '0.0.0.0', port: 0 });
      const address = app.server.address();
      if (typeof address !== 'object' || !address) throw new Error('no address');
      server = { app, url: `http://127.0.0.1:${address.port}`, dataDir, close: () => app.close() };
    });
    afterAll(() => server?.close());

    it("links to the machine's network address and the port it listens on, never to the teacher's localhost", async () => {
      const addresses = machineNetworkAddresses();
      const port = new URL(server.url).port;
      const created = await createClass(server.url);
      const teacher = await connect(server.url, teacherAuth(created));
      teacher.socket.close();
      if (addresses.length === 0) {
        // a machine with no network: the link is loopback, and the server knows it
        expect(created.joinUrl).toBe(`http://127.0.0.1:${port}/join/${created.code}`);
        expect(server.app.playroom.publicUrl().source).toBe('noNetwork');
        return;
      }
      const link = new URL(created.joinUrl);
      expect(addresses).toContain(link.hostname);
      expect(link.port).toBe(port);
      expect(link.pathname).toBe(`/join/${created.code}`);
      expect(isLoopbackUrl(created.joinUrl)).toBe(false);
      expect(teacher.welcome.joinUrl).toBe(created.joinUrl);
    });
  });
});

describe('GET /api/rooms/:code/qr.svg (REST-8)', () => {
  it("is an SVG of the library's own encoding of the class's join link, for any case of the code", async () => {
    const created = await createClass(loopback.url);
    const response = await fetch(`${loopback.url}/api/rooms/${created.code.toLowerCase()}/qr.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const svg = await response.text();
    expectWellFormedSvg(svg);
    const drawn = modulesOfSvg(svg);
    const expected = modulesOfText(created.joinUrl);
    expect(drawn.size).toBe(expected.size);
    expect(drawn.dark.size).toBeGreaterThan(100);
    expect(drawn.dark).toEqual(expected.dark);
    // a different link is a different picture: the comparison can fail
    expect(modulesOfText(`${created.joinUrl}X`).dark).not.toEqual(drawn.dark);

    // the browser asks again each time; an unchanged picture is a 304
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    const again = await fetch(`${loopback.url}/api/rooms/${created.code}/qr.svg`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('a code with no class is a 404 in the error shape and spends the join budget (HS-6); a real one does not', async () => {
    const server = await startServer({ joinRate: { perMinute: 1, burst: 2 } });
    try {
      const created = await createClass(server.url);
      for (let i = 0; i < 2; i++) {
        const miss = await fetch(`${server.url}/api/rooms/ZZZZZ${i + 2}/qr.svg`);
        expect(miss.status).toBe(404);
        expect(((await miss.json()) as ErrorReply).error.code).toBe(ErrorCode.roomNotFound);
      }
      const spent = await fetch(`${server.url}/api/rooms/ZZZZZ9/qr.svg`);
      expect(spent.status).toBe(429);
      expect(((await spent.json()) as ErrorReply).error.code).toBe(ErrorCode.rateLimited);
      // the teacher's own class still draws (its address created it)
      expect((await fetch(`${server.url}/api/rooms/${created.code}/qr.svg`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('the start-up log line', () => {
  it('names where students join, and says when no other device can', async () => {
    const onLoopback = await spawnServer(tempDataDir(), { HOST: '127.0.0.1' });
    const configured = await spawnServer(tempDataDir(), { HOST: '127.0.0.1', PUBLIC_URL: 'https://playroom.school.example/' });
    try {
      const created: CreateSessionReply = await createClass(configured.url);
      expect(created.joinUrl).toBe(`https://playroom.school.example/join/${created.code}`);
      expect(onLoopback.output()).toMatch(/Playroom is running: open http:\/\/127\.0\.0\.1:\d+\/ on this computer; listening on http:\/\/127\.0\.0\.1:\d+\/ only: other devices cannot join; set HOST=0\.0\.0\.0 \(or PUBLIC_URL\) so students can/);
      expect(configured.output()).toContain('students join at https://playroom.school.example/');
    } finally {
      for (const server of [onLoopback, configured]) {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    }
  });
});
