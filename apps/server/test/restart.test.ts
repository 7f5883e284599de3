import { createTrainer, type TrainerConfig } from '@playroom/engine';
import {
  decodeSnapshot,
  type CommandAck,
  type SessionState,
  type Snapshot,
  type SnapshotMessage,
} from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { closeAll, command, connect, fork, startClass, teacherAuth, tempDataDir, type Client } from './harness';
import { spawnServer } from './server-process';

const SPEED = 60;

/** The engine trained straight from `config` for `epochs`: what a restored session must hold (determinism). */
function expectedParams(config: TrainerConfig, epochs: number): number[] {
  const trainer = createTrainer(config);
  for (let i = 0; i < epochs; i++) trainer.trainEpoch();
  return Array.from(trainer.network.params);
}

/** A class with two students who each fork and play; everything trains for a while. */
async function runClass(url: string) {
  const room = await startClass({ url }, { config: { hiddenLayers: [3] }, students: ['Ana', 'Ben'] });
  const { created, teacher, students } = room;
  const forks: SessionState[] = [];
  for (const student of students) {
    const forked = await fork(student.socket, created.sessionId);
    forks.push(forked);
    await command(student.socket, { type: 'play', sessionId: forked.sessionId });
  }
  await command(teacher.socket, { type: 'play', sessionId: created.sessionId });
  const latest = new Map<string, Snapshot>();
  for (const client of [teacher, ...students]) {
    client.socket.on('snapshot', (message: SnapshotMessage) => latest.set(message.sessionId, decodeSnapshot(message.bytes)));
  }
  await new Promise((resolve) => setTimeout(resolve, 2500));
  return { room, created, teacher, students, forks, latest };
}

/** Reconnect everyone with their tokens and check identities, roles, forks and state. */
async function reconnectAndCheck(
  url: string,
  before: Awaited<ReturnType<typeof runClass>>,
  maxLostEpochs: number,
): Promise<Client[]> {
  const { created, teacher, students, forks, latest } = before;
  const teacherAgain = await connect(url, teacherAuth(created));
  expect(teacherAgain.welcome.role).toBe('teacher');
  expect(teacherAgain.welcome.participantId).toBe(teacher.welcome.participantId);
  const classState = teacherAgain.welcome.classSession;
  expect(classState.playing).toBe(false);
  const seen = latest.get(created.sessionId)!;
  expect(classState.epoch).toBeGreaterThanOrEqual(seen.epoch - maxLostEpochs);
  expect(classState.params).toEqual(expectedParams(classState.config, classState.epoch));
  expect(teacherAgain.welcome.forks.map((f) => f.sessionId).sort()).toEqual(forks.map((f) => f.sessionId).sort());

  const clients: Client[] = [teacherAgain];
  for (let i = 0; i < students.length; i++) {
    const student = students[i]!;
    const again = await connect(url, { role: 'student', code: created.code, token: student.welcome.participantToken });
    clients.push(again);
    expect(again.welcome.participantId).toBe(student.welcome.participantId);
    expect(again.welcome.name).toBe(student.welcome.name);
    expect(again.welcome.forks.map((f) => f.sessionId)).toEqual([forks[i]!.sessionId]);
    const watched = await command<CommandAck<'watch'>>(again.socket, { type: 'watch', sessionId: forks[i]!.sessionId });
    if (!watched.ok) throw new Error('cannot watch own fork after restart');
    const fork = watched.session;
    expect(fork.playing).toBe(false);
    expect(fork.epoch).toBeGreaterThanOrEqual(latest.get(fork.sessionId)!.epoch - maxLostEpochs);
    expect(fork.params).toEqual(expectedParams(fork.config, fork.epoch));
  }
  return clients;
}

describe('restart', () => {
  it('PERSIST-1/PERSIST-2: SIGTERM flushes; a new process restores every session, paused, and clients reconnect into their roles', async () => {
    const dataDir = tempDataDir();
    const first = await spawnServer(dataDir);
    let before: Awaited<ReturnType<typeof runClass>>;
    try {
      before = await runClass(first.url);
      const seenEpoch = before.latest.get(before.created.sessionId)!.epoch;
      expect(seenEpoch).toBeGreaterThan(SPEED);
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(await first.exited).toBe(0);
    before.room.close();

    const second = await spawnServer(dataDir);
    try {
      // nothing a client saw is lost after a clean shutdown
      const clients = await reconnectAndCheck(second.url, before, 0);
      const afterPlay = await command(clients[0]!.socket, { type: 'play', sessionId: before.created.sessionId });
      expect(afterPlay.ok).toBe(true);
      closeAll(clients);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });

  it('PERSIST-1: after SIGKILL at most 2 s of training is lost', async () => {
    const dataDir = tempDataDir();
    const first = await spawnServer(dataDir);
    let before: Awaited<ReturnType<typeof runClass>>;
    try {
      before = await runClass(first.url);
    } finally {
      first.child.kill('SIGKILL');
    }
    await first.exited;
    before.room.close();

    const second = await spawnServer(dataDir);
    try {
      const clients = await reconnectAndCheck(second.url, before, 2 * SPEED);
      closeAll(clients);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
