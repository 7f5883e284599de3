import { decodeSnapshot, type CommandAck, type RosterUpdate, type SnapshotMessage } from '@playroom/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, command, connect, createClass, nextEvent, startServer, teacherAuth, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

describe('reconnect', () => {
  it('HS-5/JOIN-2: a refresh with the token is the same person, with the same forks; the roster shows them online again', async () => {
    const created = await createClass(server.url);
    const teacher = await connect(server.url, teacherAuth(created));
    const first = await connect(server.url, { role: 'student', code: created.code, name: 'Ana' });
    const token = first.welcome.participantToken!;
    const forked = await command<CommandAck<'fork'>>(first.socket, { type: 'fork', sessionId: created.sessionId });
    if (!forked.ok) throw new Error('fork refused');
    const offline = nextEvent<RosterUpdate>(teacher.socket, 'roster', (r) => r.participants.some((p) => p.name === 'Ana' && !p.online));
    first.socket.close();
    await offline;
    const online = nextEvent<RosterUpdate>(teacher.socket, 'roster', (r) => r.participants.some((p) => p.name === 'Ana' && p.online));
    const again = await connect(server.url, { role: 'student', code: created.code, token });
    await online;
    try {
      expect(again.welcome).toMatchObject({ participantId: first.welcome.participantId, name: 'Ana', role: 'student', participantToken: token });
      expect(again.welcome.forks.map((f) => f.sessionId)).toEqual([forked.session.sessionId]);
      expect(again.welcome.roster.filter((p) => p.role === 'student')).toHaveLength(1);
      const play = await command(again.socket, { type: 'play', sessionId: forked.session.sessionId });
      expect(play.ok).toBe(true);
    } finally {
      closeAll([teacher, again]);
    }
  });

  it('SNAP-5: a socket watching the class session and a fork gets snapshots of both', async () => {
    const created = await createClass(server.url);
    const teacher = await connect(server.url, teacherAuth(created));
    const ana = await connect(server.url, { role: 'student', code: created.code, name: 'Ana' });
    try {
      const forked = await command<CommandAck<'fork'>>(ana.socket, { type: 'fork', sessionId: created.sessionId });
      if (!forked.ok) throw new Error('fork refused');
      await command(teacher.socket, { type: 'play', sessionId: created.sessionId });
      await command(ana.socket, { type: 'play', sessionId: forked.session.sessionId });
      const seen = new Map<string, number>();
      ana.socket.on('snapshot', (s: SnapshotMessage) => seen.set(s.sessionId, (seen.get(s.sessionId) ?? 0) + 1));
      await nextEvent<SnapshotMessage>(ana.socket, 'snapshot', (s) => s.sessionId === forked.session.sessionId && decodeSnapshot(s.bytes).epoch > 30);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(seen.get(created.sessionId) ?? 0).toBeGreaterThan(3);
      expect(seen.get(forked.session.sessionId) ?? 0).toBeGreaterThan(3);
    } finally {
      closeAll([teacher, ana]);
    }
  });

  it('CMD-7: ending the class tells everyone, disconnects them and archives it', async () => {
    const created = await createClass(server.url);
    const teacher = await connect(server.url, teacherAuth(created));
    const ana = await connect(server.url, { role: 'student', code: created.code, name: 'Ana' });
    const ended = nextEvent<{ reason: string }>(ana.socket, 'classEnded');
    const gone = new Promise((resolve) => ana.socket.on('disconnect', resolve));
    expect((await command(teacher.socket, { type: 'endClass' })).ok).toBe(true);
    expect((await ended).reason).toBe('endedByTeacher');
    await gone;
    const lookup = (await (await fetch(`${server.url}/api/rooms/${created.code}`)).json()) as { exists: boolean };
    expect(lookup.exists).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stored = await server.app.playroom.storage.loadClass(created.sessionId);
    expect(stored?.sessions.length).toBe(1);
    expect((await server.app.playroom.storage.loadLiveClasses()).some((c) => c.record.id === created.sessionId)).toBe(false);
    closeAll([teacher, ana]);
  });

  it('JOIN-2: a dropped connection is recovered by socket.io with the same identity and a fresh welcome', async () => {
    const created = await createClass(server.url);
    const ana = await connect(server.url, { role: 'student', code: created.code, name: 'Ana' }, { reconnection: true });
    try {
      const forked = await command<CommandAck<'fork'>>(ana.socket, { type: 'fork', sessionId: created.sessionId });
      if (!forked.ok) throw new Error('fork refused');
      const welcomeAgain = nextEvent<{ participantId: string; forks: { sessionId: string }[] }>(ana.socket, 'welcome');
      const recovered = new Promise<boolean>((resolve) => ana.socket.once('connect', () => resolve(ana.socket.recovered)));
      // drop the transport as a flaky Wi-Fi would; the client reconnects by itself
      ana.socket.io.engine.close();
      expect(await recovered).toBe(true);
      const welcome = await welcomeAgain;
      expect(welcome.participantId).toBe(ana.welcome.participantId);
      expect(welcome.forks.map((f) => f.sessionId)).toEqual([forked.session.sessionId]);
      // the recovered socket still watches its fork
      await command(ana.socket, { type: 'play', sessionId: forked.session.sessionId });
      await nextEvent<SnapshotMessage>(ana.socket, 'snapshot', (s) => s.sessionId === forked.session.sessionId);
    } finally {
      ana.socket.close();
    }
  });
});
