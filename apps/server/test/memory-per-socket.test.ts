import { describe, expect, it } from 'vitest';
import { command, fork, startClass, tempDataDir, type TestClass } from './harness';
import { GC_ENV, gcAndRssMb, rssMb, sleep } from './memory';
import { spawnServer } from './server-process';

/*
 * Issue 10: "find where the rest of the ~1.7 MB per connection goes and cut
 * it; target ≤ 0.5 MB per socket at 620 sockets, flat over time". Classes of
 * a teacher and 39 students (200 sockets), the class sessions and 10 forks
 * each training so snapshots flow, against a spawned server; RSS after a
 * full GC in the server (gc-on-signal.cjs) with the sockets open, minus
 * before, per socket (the forks' own memory included), read 10 s in and
 * 45 s later: the same sockets must not grow.
 * Measured on a shared, loaded 2-core machine: now 0.12 MB per socket, no
 * growth (−0.15 MB); without the forks 0.08 MB. With socket.io's stock
 * recovery adapter (every snapshot kept 2 minutes, the old code) 0.44 MB per
 * socket at 55 s and +0.11 MB per socket over the 45 s: it fails here, and
 * climbs past 0.5 MB within a minute. About 70 s.
 */
const CLASSES = 5;
const STUDENTS = 39;
const SOCKETS = CLASSES * (STUDENTS + 1);
const FORKS = 10;
const LIMIT_MB_PER_SOCKET = 0.5;
/** flat over time: what the same sockets add between a reading 10 s in and one LATER_MS after it */
const FLAT_MB_PER_SOCKET = 0.05;
const LATER_MS = 45_000;

describe('memory per socket', () => {
  it(`LIM-4: ${SOCKETS} class sockets with their sessions training cost the server ≤ ${LIMIT_MB_PER_SOCKET} MB each after GC`, async () => {
    const server = await spawnServer(tempDataDir(), GC_ENV);
    const rooms: TestClass[] = [];
    try {
      // one class, training, first: what a class costs without its crowd is not per-socket memory
      const students = (n: number) => Array.from({ length: n }, (_, i) => `S${i}`);
      await sleep(1000);
      const before = await gcAndRssMb(server.child.pid!);
      for (let c = 0; c < CLASSES; c++) {
        const room = await startClass({ url: server.url }, { students: students(STUDENTS) });
        rooms.push(room);
        expect((await command(room.teacher.socket, { type: 'play', sessionId: room.created.sessionId })).ok).toBe(true);
        for (const student of room.students.slice(0, FORKS)) {
          const own = await fork(student.socket, room.created.sessionId);
          expect((await command(student.socket, { type: 'play', sessionId: own.sessionId })).ok).toBe(true);
        }
      }
      await sleep(10_000);
      const underLoad = rssMb(server.child.pid!);
      const first = await gcAndRssMb(server.child.pid!);
      await sleep(LATER_MS);
      const later = await gcAndRssMb(server.child.pid!);
      const perSocket = (later - before) / SOCKETS;
      const growthPerSocket = (later - first) / SOCKETS;
      console.log(
        `RSS after GC: ${before.toFixed(0)} MB before; with ${SOCKETS} sockets ${first.toFixed(0)} MB (${underLoad.toFixed(0)} MB before that GC), ` +
          `${LATER_MS / 1000} s later ${later.toFixed(0)} MB: ${perSocket.toFixed(3)} MB per socket, ${growthPerSocket.toFixed(3)} MB per socket of growth`,
      );
      expect(growthPerSocket).toBeLessThanOrEqual(FLAT_MB_PER_SOCKET);
      expect(perSocket).toBeLessThanOrEqual(LIMIT_MB_PER_SOCKET);
    } finally {
      for (const room of rooms) room.close();
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 150_000);
});
