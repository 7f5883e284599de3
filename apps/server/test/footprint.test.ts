import { describe, expect, it } from 'vitest';
import { command, fork, nextEvent, stepAndWait, useServer, withClass } from './harness';

/*
 * A server holds classes for hours; what it keeps per class and per socket
 * must go when they go (rule LIM-4: nothing a client does makes the server
 * grow without bound).
 */

const server = useServer();

describe('footprint', () => {
  it('LIM-4: ended classes and closed sockets leave no rooms and no broadcast bookkeeping behind', async () => {
    const { gateway } = server.app;
    const roomsBefore = gateway.io.sockets.adapter.rooms.size;
    for (let i = 0; i < 3; i++) {
      await withClass(server, { students: [`S${i}`] }, async ({ teacher, students: [student], created }) => {
        const forkId = (await fork(student.socket, created.sessionId)).sessionId;
        await stepAndWait(student.socket, forkId);
        gateway.pump.sendForkSummaries();
        gateway.pump.sendSnapshots();
        // a fork change the pump has not sent yet when the class ends
        await command(student.socket, { type: 'setConfig', sessionId: forkId, patch: { learningRate: 0.1 } });
        const gone = Promise.all([teacher, student].map((c) => new Promise((resolve) => c.socket.on('disconnect', resolve))));
        const ended = nextEvent(student.socket, 'classEnded');
        expect((await command(teacher.socket, { type: 'endClass' })).ok).toBe(true);
        await ended;
        await gone;
      });
    }
    const deadline = Date.now() + 5000;
    while (gateway.io.sockets.sockets.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    gateway.pump.sendForkSummaries();
    gateway.pump.sendSnapshots();
    expect(gateway.pump.trackedClasses()).toBe(0);
    expect(gateway.io.sockets.adapter.rooms.size).toBe(roomsBefore);
  });
});
