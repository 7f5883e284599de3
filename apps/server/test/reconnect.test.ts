import { decodeSnapshot, type RosterUpdate, type SnapshotMessage, type Welcome } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { command, fork, nextEvent, useServer, withClass } from './harness';

const server = useServer();

describe('reconnect', () => {
  it('HS-5/JOIN-2: a refresh with the token is the same person, with the same forks; the roster shows them online again', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students: [first], connect }) => {
      const token = first.welcome.participantToken!;
      const forkId = (await fork(first.socket, created.sessionId)).sessionId;
      const offline = nextEvent<RosterUpdate>(teacher.socket, 'roster', (r) => r.participants.some((p) => p.name === 'Ana' && !p.online));
      first.socket.close();
      await offline;
      const online = nextEvent<RosterUpdate>(teacher.socket, 'roster', (r) => r.participants.some((p) => p.name === 'Ana' && p.online));
      const again = await connect({ role: 'student', code: created.code, token });
      await online;
      expect(again.welcome).toMatchObject({ participantId: first.welcome.participantId, name: 'Ana', role: 'student', participantToken: token });
      expect(again.welcome.forks.map((f) => f.sessionId)).toEqual([forkId]);
      expect(again.welcome.roster.filter((p) => p.role === 'student')).toHaveLength(1);
      const play = await command(again.socket, { type: 'play', sessionId: forkId });
      expect(play.ok).toBe(true);
    });
  });

  it('SNAP-5: a socket watching the class session and a fork gets snapshots of both', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students: [ana] }) => {
      const forkId = (await fork(ana.socket, created.sessionId)).sessionId;
      await command(teacher.socket, { type: 'play', sessionId: created.sessionId });
      await command(ana.socket, { type: 'play', sessionId: forkId });
      const seen = new Map<string, number>();
      ana.socket.on('snapshot', (s: SnapshotMessage) => seen.set(s.sessionId, (seen.get(s.sessionId) ?? 0) + 1));
      await nextEvent<SnapshotMessage>(ana.socket, 'snapshot', (s) => s.sessionId === forkId && decodeSnapshot(s.bytes).epoch > 30);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(seen.get(created.sessionId) ?? 0).toBeGreaterThan(3);
      expect(seen.get(forkId) ?? 0).toBeGreaterThan(3);
    });
  });

  it('CMD-7: ending the class tells everyone, disconnects them and archives it', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students: [ana] }) => {
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
    });
  });

  it('SNAP-5: a recovered connection gets the missed session, roster and class status, and no stale snapshot', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students: [ana], join }) => {
      await command(teacher.socket, { type: 'play', sessionId: created.sessionId });
      await nextEvent<SnapshotMessage>(ana.socket, 'snapshot');
      // a Wi-Fi that goes silent: what the server still writes (snapshots among it) is lost until the drop
      (ana.socket.io.engine.transport as unknown as { onData: (data: unknown) => void }).onData = () => {};
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await command(teacher.socket, { type: 'setConfig', sessionId: created.sessionId, patch: { learningRate: 0.1 } });
      await join('Ben');
      await command(teacher.socket, { type: 'freezeForks', frozen: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const offline = nextEvent<RosterUpdate>(teacher.socket, 'roster', (r) => r.participants.some((p) => p.name === 'Ana' && !p.online));
      ana.socket.io.engine.close();
      await offline;

      const beforeWelcome: string[] = [];
      const record = (event: string) => beforeWelcome.push(event);
      ana.socket.onAny(record);
      const welcome = nextEvent<Welcome>(ana.socket, 'welcome');
      const recovered = new Promise<boolean>((resolve) => ana.socket.once('connect', () => resolve(ana.socket.recovered)));
      ana.socket.connect(); // reconnection is manual in the harness
      expect(await recovered).toBe(true);
      await welcome;
      ana.socket.offAny(record);
      // the replay comes before the fresh welcome
      const replayed = beforeWelcome.slice(0, beforeWelcome.indexOf('welcome'));
      expect(replayed).toContain('session');
      expect(replayed).toContain('roster');
      expect(replayed).toContain('classStatus');
      expect(replayed.filter((event) => event === 'snapshot')).toEqual([]);
      // and live snapshots go on
      await nextEvent<SnapshotMessage>(ana.socket, 'snapshot', (s) => s.sessionId === created.sessionId);
    });
  });

  it('JOIN-2: a dropped connection is recovered by socket.io with the same identity and a fresh welcome', async () => {
    await withClass(server, { teacher: false, students: ['Ana'], reconnection: true }, async ({ created, students: [ana] }) => {
      const forkId = (await fork(ana.socket, created.sessionId)).sessionId;
      const welcomeAgain = nextEvent<{ participantId: string; forks: { sessionId: string }[] }>(ana.socket, 'welcome');
      const recovered = new Promise<boolean>((resolve) => ana.socket.once('connect', () => resolve(ana.socket.recovered)));
      // drop the transport as a flaky Wi-Fi would; the client reconnects by itself
      ana.socket.io.engine.close();
      expect(await recovered).toBe(true);
      const welcome = await welcomeAgain;
      expect(welcome.participantId).toBe(ana.welcome.participantId);
      expect(welcome.forks.map((f) => f.sessionId)).toEqual([forkId]);
      // the recovered socket still watches its fork
      await command(ana.socket, { type: 'play', sessionId: forkId });
      await nextEvent<SnapshotMessage>(ana.socket, 'snapshot', (s) => s.sessionId === forkId);
    });
  });
});
