import fc from 'fast-check';
import {
  COMMAND_TYPES,
  ERROR_CODES,
  ErrorCode,
  LESSON_CONTROLS,
  PROTOCOL_LIMITS,
  validateCommand,
  type CommandAck,
  type ProtocolErrorEvent,
} from '@playroom/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { checkedAck, command, emitWithAck, fork, nextEvent, startClass, startServer, useServer, withClass, type Client, type TestClass } from './harness';

/*
 * Thousands of random and malformed payloads on every event (rules VAL-1…4,
 * LIM-1, LIM-2, LIM-4): every one is refused cleanly and the server stays up.
 */

const server = useServer({ commandRate: { perSecond: 1_000_000, burst: 1_000_000 } });
let shared: TestClass<['Mallory']>;
let created: TestClass['created'];
let teacher: Client;
let student: Client;
let forkId: string;

beforeAll(async () => {
  shared = await startClass(server, { students: ['Mallory'] });
  ({ created, teacher } = shared);
  [student] = shared.students;
  forkId = (await fork(student.socket, created.sessionId)).sessionId;
});
afterAll(() => shared.close());

const junk = fc.oneof(
  fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true }),
  fc.string({ maxLength: 2000 }),
  fc.uint8Array({ maxLength: 256 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom(Number.MAX_VALUE, -0, 1e308, Number.MIN_VALUE, 2 ** 53, '__proto__', 'constructor', [], {}),
);

/** Valid-looking commands with one field swapped for junk, an extra field, or a wrong session. */
function mutatedCommands(sessionIds: string[]) {
  return fc
    .record({
      type: fc.constantFrom(...COMMAND_TYPES.filter((t) => t !== 'endClass')),
      sessionId: fc.oneof(fc.constantFrom(...sessionIds), junk),
      patch: fc.oneof(junk, fc.dictionary(fc.constantFrom('learningRate', 'hiddenLayers', 'dataset', 'features', 'batchSize', 'noise', 'schedule', 'x'), junk)),
      layer: junk,
      to: junk,
      from: junk,
      value: junk,
      speed: junk,
      epochs: junk,
      frozen: junk,
      locked: fc.oneof(fc.boolean(), junk),
      controls: fc.oneof(
        junk,
        fc.dictionary(fc.constantFrom(...LESSON_CONTROLS, 'seed', '__proto__'), fc.oneof(fc.constantFrom('open', 'locked', 'hidden'), junk)),
      ),
      // never a real student of this class: removing Mallory would end the run (the class-limits fuzz removes for real)
      participantId: fc.oneof(fc.constantFrom('p_nobody', 'teacher'), junk),
    })
    .chain((full) =>
      fc.subarray(Object.keys(full)).map((keys) => Object.fromEntries(keys.map((k) => [k, (full as Record<string, unknown>)[k]]))),
    );
}

/** `participantId: 'teacher'` stands for the teacher's real id (known only once the class exists). */
function withTeacherId(payload: unknown, teacherId: string): unknown {
  if (typeof payload !== 'object' || payload === null || (payload as { participantId?: unknown }).participantId !== 'teacher') return payload;
  return { ...payload, participantId: teacherId };
}

function expectCleanRefusal(payload: unknown, ack: CommandAck): void {
  if (ack.ok) {
    // junk that happens to be a valid command may be accepted; nothing else
    expect(validateCommand(payload).ok).toBe(true);
  } else {
    expect(ERROR_CODES).toContain(ack.error.code);
    expect(typeof ack.error.message).toBe('string');
  }
}

describe('fuzz', () => {
  it('VAL-1/VAL-2: thousands of junk and mutated commands from a student and the teacher are refused cleanly', async () => {
    const ids = [created.sessionId, forkId, 's_other'];
    const samples = [
      ...fc.sample(junk, { numRuns: 1500, seed: 101 }),
      ...fc.sample(mutatedCommands(ids), { numRuns: 1500, seed: 102 }),
    ];
    let refused = 0;
    for (const [i, sample] of samples.entries()) {
      const sender = i % 3 === 0 ? teacher : student;
      const payload = withTeacherId(sample, teacher.welcome.participantId);
      const ack = await command(sender.socket, payload);
      expectCleanRefusal(payload, ack);
      if (!ack.ok) refused++;
    }
    expect(refused).toBeGreaterThan(samples.length * 0.9);
    const classroom = server.app.playroom.registry.byId(created.sessionId)!;
    expect(classroom.roster.get(teacher.welcome.participantId)?.role).toBe('teacher');
    expect(classroom.roster.get(student.welcome.participantId)?.name).toBe('Mallory');
    // a lockClass, setLessonControls or hideNames that went through is taken back for the tests after this one
    expect((await command(teacher.socket, { type: 'lockClass', locked: false })).ok).toBe(true);
    expect((await command(teacher.socket, { type: 'hideNames', hidden: false })).ok).toBe(true);
    expect((await command(teacher.socket, { type: 'setLessonControls', controls: {} })).ok).toBe(true);
  });

  it('VAL-3: unknown events are refused through their ack, or with protocolError without one', async () => {
    const names = fc.sample(fc.string({ minLength: 1, maxLength: 40 }).filter((n) => n !== 'command' && !/^(connect|disconnect|disconnecting|newListener|removeListener)$/.test(n)), { numRuns: 200, seed: 103 });
    for (const name of names) {
      const ack = await emitWithAck(student.socket, name, [{ type: 'play' }], 5000);
      expect(ack.ok ? null : ack.error.code).toBe(ErrorCode.unknownEvent);
    }
    const heard = nextEvent<ProtocolErrorEvent>(student.socket, 'protocolError', (e) => e.event === 'hack');
    student.socket.emit('hack', 1, 2, 3);
    expect((await heard).code).toBe(ErrorCode.unknownEvent);
  });

  it('VAL-4: a command without an ack is not run', async () => {
    const session = server.app.playroom.registry.byId(created.sessionId)!.classSession;
    const clock = session.clock;
    const heard = nextEvent<ProtocolErrorEvent>(teacher.socket, 'protocolError', (e) => e.code === ErrorCode.ackRequired);
    teacher.socket.emit('command', { type: 'play', sessionId: created.sessionId });
    await heard;
    expect(session.clock).toBe(clock);
    expect(session.playing).toBe(false);
  });

  it('ACK-1: a command with its ack in any place, or without a payload, still gets exactly one ack', async () => {
    const session = server.app.playroom.registry.byId(created.sessionId)!.classSession;
    const clock = session.clock;
    const codes = async (...args: unknown[]) => {
      const ack = await emitWithAck(teacher.socket, 'command', args, 5000);
      return ack.ok ? 'ok' : ack.error.code;
    };
    expect(await codes()).toBe(ErrorCode.badRequest);
    expect(await codes({ type: 'play', sessionId: created.sessionId }, 'extra')).toBe(ErrorCode.badRequest);
    expect(await codes(null, { type: 'play', sessionId: created.sessionId })).toBe(ErrorCode.badRequest);
    expect(session.clock).toBe(clock);
    expect(session.playing).toBe(false);
  });

  it('LIM-2/LIM-4: an oversized message and raw garbage frames close only that connection', async () => {
    const victim = await shared.join('Big');
    const closed = new Promise<string>((resolve) => victim.socket.on('disconnect', (reason) => resolve(reason)));
    const oversized = { type: 'setConfig', sessionId: forkId, patch: { x: 'y'.repeat(PROTOCOL_LIMITS.maxMessageBytes + 10) } };
    victim.socket.emit('command', oversized, checkedAck('command', [oversized]));
    expect(await closed).toBe('transport close');

    const wsUrl = `${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`;
    const frames = [
      'garbage',
      '4',
      '42["command",',
      '40{"protocolVersion":1,"role":"teacher","code":"AAAAAA","token":"x"}',
      '451-["command",{"_placeholder":true,"num":7}]',
      '42["command",{"type":"play","sessionId":"' + created.sessionId + '"}]',
      '4' + 'x'.repeat(1000),
    ];
    for (const frame of frames) {
      await new Promise<void>((resolve) => {
        const ws = new WebSocket(wsUrl);
        ws.on('open', () => {
          ws.send(frame);
          setTimeout(() => ws.close(), 50);
        });
        ws.on('close', () => resolve());
        ws.on('error', () => resolve());
      });
    }
    // the class is untouched and the server still answers
    expect(server.app.playroom.registry.byId(created.sessionId)!.classSession.playing).toBe(false);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ack = await command(teacher.socket, { type: 'step', sessionId: created.sessionId });
    expect(ack.ok).toBe(true);
  });
});

describe('flood', () => {
  it('LIM-1: past the per-socket budget commands are rateLimited, and a flooding socket is disconnected', async () => {
    const strict = await startServer({ commandRate: { perSecond: 5, burst: 10 } });
    try {
      await withClass(strict, { teacher: false, students: ['Flood', 'Calm'] }, async ({ created: room, students: [flooder, calm] }) => {
        const acks = await Promise.all(
          Array.from({ length: 20 }, () => command(flooder.socket, { type: 'watch', sessionId: room.sessionId })),
        );
        const codes = acks.map((a) => (a.ok ? 'ok' : a.error.code));
        expect(codes.slice(0, 10)).toEqual(Array(10).fill('ok'));
        expect(codes.slice(10)).toEqual(Array(10).fill(ErrorCode.rateLimited));
        const closed = new Promise<string>((resolve) => flooder.socket.on('disconnect', (reason) => resolve(reason)));
        const watch = { type: 'watch', sessionId: room.sessionId };
        for (let i = 0; i < 60; i++) flooder.socket.emit('command', watch, checkedAck('command', [watch]));
        expect(await closed).toBe('io server disconnect');
        const ack = await command(calm.socket, { type: 'watch', sessionId: room.sessionId });
        expect(ack.ok).toBe(true);
      });
    } finally {
      await strict.close();
    }
  });
});
