import type { SnapshotMessage } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { command, nextEvent, useServer, withClass } from './harness';
import { ackProblem, refusalProblem, serverEventProblem } from './wire-check';

/*
 * The harness checks every payload a test client receives (harness.ts,
 * wire-check.ts). This file proves that a payload the protocol refuses fails
 * the test that received it, and that each check refuses what it should.
 */

const server = useServer();

describe('the wire check', () => {
  let failure: string[] | undefined;

  it.fails('a test whose client receives an event its schema refuses fails, though its own body passes', async ({ onTestFinished }) => {
    onTestFinished(({ task }) => {
      failure = task.result?.errors?.map((error) => error.message ?? '');
    });
    await withClass(server, { teacher: false, students: ['Ana'] }, async ({ students: [student] }) => {
      const arrived = nextEvent(student.socket, 'session');
      // a session update without its state, straight from the server's socket.io to this client
      (server.app.gateway.io.to(student.socket.id!) as unknown as { emit(event: string, payload: unknown): void }).emit('session', { cause: 'play', by: null });
      await arrived;
    });
  });

  it('…and it failed for that event alone, after its body (the afterEach of the harness)', () => {
    expect(failure).toHaveLength(1);
    expect(failure![0]).toMatch(/1 payload\(s\) the protocol refuses:\nevent session: payload: .*state/);
  });

  it('a test whose client receives only what the protocol allows passes (welcome, session, snapshot, ack)', async () => {
    await withClass(server, {}, async ({ created, teacher }) => {
      const update = nextEvent(teacher.socket, 'session');
      expect((await command(teacher.socket, { type: 'play', sessionId: created.sessionId })).ok).toBe(true);
      await update;
      const { sessionId, bytes } = await nextEvent<SnapshotMessage>(teacher.socket, 'snapshot');

      // the snapshot check on that real snapshot: it passes once, not twice (SNAP-3), not cut short, not as text
      const memory = new Map<string, number>();
      expect(serverEventProblem('snapshot', [{ sessionId, bytes }], memory)).toBeNull();
      expect(serverEventProblem('snapshot', [{ sessionId, bytes }], memory)).toMatch(/SNAP-3/);
      expect(serverEventProblem('snapshot', [{ sessionId, bytes: (bytes as Uint8Array).subarray(0, 40) }])).toMatch(/bytes/);
      expect(serverEventProblem('snapshot', [{ sessionId, bytes: 'AAAA' }])).toMatch(/not binary/);
      expect(serverEventProblem('snapshot', [{ sessionId: 'not an id', bytes }])).toMatch(/sessionId/);
    });
  });

  it('refuses malformed events, acks and refusals', () => {
    expect(serverEventProblem('classEnded', [{ reason: 'endedByTeacher' }])).toBeNull();
    expect(serverEventProblem('classEnded', [{ reason: 'bored' }])).toMatch(/reason/);
    expect(serverEventProblem('classEnded', [{ reason: 'archived' }, 'extra'])).toMatch(/2 arguments/);
    expect(serverEventProblem('hello', [{}])).toMatch(/not a server event/);
    expect(serverEventProblem('roster', [{ participants: [{ participantId: 'p_1', name: 'Ana' }] }])).toMatch(/participants/);

    const play = { type: 'play', sessionId: 's_1' };
    expect(ackProblem('command', [play], { ok: true, clock: 3 })).toBeNull();
    expect(ackProblem('command', [play], { ok: true })).toMatch(/play ack/);
    expect(ackProblem('command', [{ type: 'regenerateData', sessionId: 's_1' }], { ok: true, clock: 3 })).toMatch(/regenerateData ack/);
    expect(ackProblem('command', [play], { ok: false, error: { code: 'forbidden', message: 'no' } })).toBeNull();
    expect(ackProblem('command', [play], { ok: false, error: { code: 'nope', message: 'no' } })).toMatch(/\/error\/code/);
    // what is no command gets a refusal, nothing else
    expect(ackProblem('command', [], { ok: false, error: { code: 'badRequest', message: 'no payload' } })).toBeNull();
    expect(ackProblem('hack', [play], { ok: true, clock: 3 })).toMatch(/refused event/);

    expect(refusalProblem({ code: 'roomNotFound', message: 'no such room' })).toBeNull();
    expect(refusalProblem({ message: 'no such room' })).toMatch(/code/);
  });
});
