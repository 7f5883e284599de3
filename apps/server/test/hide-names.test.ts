import { ErrorCode, type ClassStatus, type CommandAck, type RosterEntry, type SessionState, type SessionUpdate, type Welcome } from '@playroom/protocol';
import type { Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { command, connect, createClass, fork, nextEvent, openSocket, startServer, stepAndWait, teacherAuth, tempDataDir, useServer, withClass, type Client } from './harness';

/*
 * Hide names (rules NAMES-1…NAMES-5): while the teacher hides names, no
 * student receives another student's real name in any payload; everyone has
 * an alias, unique in the class and kept; two "Ann" are "Ann" and "Ann (2)".
 */

const server = useServer();

const codeOf = (ack: CommandAck) => (ack.ok ? 'ok' : ack.error.code);

/** A student socket that records everything it receives at the wire, from its first event (welcome) on, and every ack. */
interface Recorded {
  socket: Socket;
  welcome: Welcome;
  /** every event (name and payload) and every ack this socket received, in order */
  received: unknown[];
  command(payload: unknown): Promise<CommandAck>;
}

async function recordedStudent(url: string, auth: Record<string, unknown>): Promise<Recorded> {
  const socket = openSocket(url, auth);
  const received: unknown[] = [];
  socket.onAny((event: string, ...args: unknown[]) => received.push([event, ...args.map((a) => (a instanceof ArrayBuffer || ArrayBuffer.isView(a) ? 'bytes' : a))]));
  const welcome = await new Promise<Welcome>((resolve, reject) => {
    socket.once('welcome', resolve);
    socket.once('connect_error', reject);
  });
  return {
    socket,
    welcome,
    received,
    command: async (payload) => {
      const ack = await command(socket, payload);
      received.push(['ack', payload, ack]);
      return ack;
    },
  };
}

/** Every real name of `names` but `own` that appears anywhere in what `student` received. */
function leakedNames(student: Recorded, names: string[], own: string): string[] {
  const wire = JSON.stringify(student.received);
  return names.filter((name) => name !== own && wire.includes(name));
}

const hideNames = async (teacher: Client, hidden: boolean) => expect(codeOf(await command(teacher.socket, { type: 'hideNames', hidden }))).toBe('ok');

describe('hide names', () => {
  it('NAMES-2: while names are hidden no student receives another student\'s name, in any event or ack, from welcome to classEnded', async () => {
    // names no other payload could contain by chance
    const names = ['Annabel Quorrin', 'Bertrand Vexley', 'Cordelia Smuin', 'Dmitri Ozzard'];
    const created = await createClass(server.url, 'Ms Li');
    const teacher = await connect(server.url, teacherAuth(created));
    const students: Recorded[] = [];
    try {
      await hideNames(teacher, true);
      const join = async (name: string) => {
        const student = await recordedStudent(server.url, { role: 'student', code: created.code, name });
        students.push(student);
        return student;
      };
      const [ann, bert, cora] = [await join(names[0]!), await join(names[1]!), await join(names[2]!)];
      expect(ann.welcome.name).toBe(names[0]);
      expect(ann.welcome.classStatus.namesHidden).toBe(true);
      // forks of their own, trained; the teacher's list has every real name
      const annFork = await ann.command({ type: 'fork', sessionId: created.sessionId });
      const annForkId = annFork.ok && 'session' in annFork ? annFork.session.sessionId : '';
      expect(annFork.ok && 'session' in annFork && annFork.session.ownerName).toBe(names[0]);
      await bert.command({ type: 'fork', sessionId: created.sessionId });
      await stepAndWait(ann.socket, annForkId, 3);
      // the teacher shows Ann's fork to the class: the others watch it, fork it, and see it train
      const spotlit = nextEvent<ClassStatus>(cora.socket, 'classStatus', (s) => s.spotlightId === annForkId);
      expect(codeOf(await command(teacher.socket, { type: 'spotlight', sessionId: annForkId }))).toBe('ok');
      const status = await spotlit;
      expect(status.spotlightOwner).toMatchObject({ participantId: ann.welcome.participantId, name: '', role: 'student' });
      const watched = await cora.command({ type: 'watch', sessionId: annForkId });
      expect(watched.ok && 'session' in watched && watched.session.ownerName).toBe('');
      await bert.command({ type: 'watch', sessionId: annForkId });
      await bert.command({ type: 'fork', sessionId: annForkId });
      const seen = nextEvent<SessionUpdate>(cora.socket, 'session', (u) => u.state.sessionId === annForkId && u.cause === 'setSpeed');
      expect(codeOf(await command(ann.socket, { type: 'setSpeed', sessionId: annForkId, speed: 20 }))).toBe('ok');
      expect((await seen).state.ownerName).toBe('');
      // a late joiner's welcome, the class paused and the roster as people come and go
      const dmitri = await join(names[3]!);
      expect(dmitri.welcome.classStatus.spotlightOwner?.name).toBe('');
      expect(dmitri.welcome.roster.find((e) => e.participantId === ann.welcome.participantId)?.name).toBe('');
      expect(codeOf(await command(teacher.socket, { type: 'freezeForks', frozen: true }))).toBe('ok');
      const back = await recordedStudent(server.url, { role: 'student', code: created.code, token: cora.welcome.participantToken });
      students.push(back);
      cora.socket.close();
      await nextEvent(ann.socket, 'roster');
      // the teacher's own view has every name, and aliases that tell the students apart
      const roster = server.app.playroom.registry.byId(created.sessionId)!.rosterEntries();
      expect(names.every((name) => roster.some((e) => e.name === name))).toBe(true);
      expect(new Set(roster.map((e) => e.alias)).size).toBe(roster.length);
      // and the end: everyone gets their own forks
      const ended = students.filter((s) => s.socket.connected).map((s) => nextEvent(s.socket, 'classEnded'));
      expect(codeOf(await command(teacher.socket, { type: 'endClass' }))).toBe('ok');
      await Promise.all(ended);

      for (const student of students) {
        const own = student.welcome.name;
        expect(leakedNames(student, names, own), `${own} received`).toEqual([]);
        // their own name they may see, and the teacher's is not hidden (NAMES-2)
        expect(JSON.stringify(student.received)).toContain('Ms Li');
      }
      expect(JSON.stringify(ann.received)).toContain(names[0]);
    } finally {
      teacher.socket.close();
      for (const student of students) student.socket.close();
    }
  });

  it('NAMES-2: a recovered connection gets back no list with names from before they were hidden', async () => {
    await withClass(server, { students: ['Annabel Quorrin'] }, async ({ teacher, students: [ann], join }) => {
      // a Wi-Fi that goes silent: what the server writes meanwhile is lost until the drop, then replayed
      (ann.socket.io.engine.transport as unknown as { onData: (data: unknown) => void }).onData = () => {};
      await new Promise((resolve) => setTimeout(resolve, 300));
      // someone joins while names show (the lost roster has her name), then the teacher hides names
      await join('Zelda Marchbanks');
      await hideNames(teacher, true);
      const offline = nextEvent<{ participants: RosterEntry[] }>(teacher.socket, 'roster', (r) => r.participants.some((p) => p.participantId === ann.welcome.participantId && !p.online));
      ann.socket.io.engine.close();
      await offline;

      const received: unknown[] = [];
      const record = (...args: unknown[]) => received.push(args);
      ann.socket.onAny(record);
      const welcome = nextEvent<Welcome>(ann.socket, 'welcome');
      const recovered = new Promise<boolean>((resolve) => ann.socket.once('connect', () => resolve(ann.socket.recovered)));
      ann.socket.connect();
      expect(await recovered).toBe(true);
      expect((await welcome).classStatus.namesHidden).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 100));
      ann.socket.offAny(record);
      // the replay held the newest roster, names hidden, and nothing older
      expect(received.map((args) => (args as unknown[])[0])).toContain('roster');
      expect(JSON.stringify(received)).not.toContain('Zelda');
    });
  });

  it('NAMES-1: the teacher turns it on and off, the class hears it at once; only the teacher may', async () => {
    await withClass(server, { students: ['Ann', 'Bo'] }, async ({ teacher, students: [ann, bo], created }) => {
      expect(ann.welcome.classStatus.namesHidden).toBe(false);
      expect(bo.welcome.roster.find((e) => e.participantId === ann.welcome.participantId)?.name).toBe('Ann');
      // a student may not, a malformed one is refused, and nothing changes
      expect(codeOf(await command(ann.socket, { type: 'hideNames', hidden: true }))).toBe(ErrorCode.forbidden);
      expect(codeOf(await command(teacher.socket, { type: 'hideNames', hidden: 'yes' }))).toBe(ErrorCode.badRequest);
      expect(server.app.playroom.registry.byId(created.sessionId)!.namesHidden).toBe(false);

      const status = nextEvent<ClassStatus>(ann.socket, 'classStatus', (s) => s.namesHidden);
      const roster = nextEvent<{ participants: RosterEntry[] }>(ann.socket, 'roster', (r) => r.participants.every((e) => e.role === 'teacher' || e.name === ''));
      const teacherRoster = nextEvent<{ participants: RosterEntry[] }>(teacher.socket, 'roster');
      await hideNames(teacher, true);
      await status;
      // students' names blank for the class, the teacher's kept; aliases for everyone
      const entries = (await roster).participants;
      expect(entries.map((e) => e.name)).toEqual(['Ms Li', '', '']);
      expect((await teacherRoster).participants.map((e) => e.name)).toEqual(['Ms Li', 'Ann', 'Bo']);

      const shown = nextEvent<{ participants: RosterEntry[] }>(ann.socket, 'roster', (r) => r.participants.some((e) => e.name === 'Bo'));
      await hideNames(teacher, false);
      expect((await shown).participants.map((e) => e.name)).toEqual(['Ms Li', 'Ann', 'Bo']);
    });
  });

  it('NAMES-3: a second "Ann" is "Ann (2)" (any case), on every screen and after she comes back with her token', async () => {
    await withClass(server, { students: ['Ann', 'Ann', ' ann ', 'Ms Li'] }, async ({ students: [first, second, third, likeTeacher], created, connect: again }) => {
      expect([first, second, third, likeTeacher].map((s) => s.welcome.name)).toEqual(['Ann', 'Ann (2)', 'ann (3)', 'Ms Li (2)']);
      expect(likeTeacher.welcome.roster.map((e) => e.name)).toEqual(['Ms Li', 'Ann', 'Ann (2)', 'ann (3)', 'Ms Li (2)']);
      const forked: SessionState = await fork(second.socket, created.sessionId);
      expect(forked.ownerName).toBe('Ann (2)');
      // the token brings her back as herself: no third "Ann", the same name and alias
      const back = await again({ role: 'student', code: created.code, token: second.welcome.participantToken, name: 'Ann' });
      expect(back.welcome.name).toBe('Ann (2)');
      expect(back.welcome.participantId).toBe(second.welcome.participantId);
      expect(back.welcome.roster).toHaveLength(5);
      const aliasOf = (w: Welcome, id: string) => w.roster.find((e) => e.participantId === id)!.alias;
      expect(aliasOf(back.welcome, second.welcome.participantId)).toBe(aliasOf(second.welcome, second.welcome.participantId));
    });
  });

  it('NAMES-4, NAMES-5: aliases are unique and kept through a removal and a restart; hidden names stay hidden after a restart', async () => {
    const dataDir = tempDataDir();
    const first = await startServer({ dataDir });
    let stored: { code: string; teacherToken: string; token: string; aliases: Map<string, number> };
    try {
      stored = await withClass(first, { students: ['Ann', 'Bo', 'Cy'] }, async ({ created, teacher, students: [ann, bo], join }) => {
        expect(codeOf(await command(teacher.socket, { type: 'removeParticipant', participantId: bo.welcome.participantId }))).toBe('ok');
        // Dee takes Bo's free alias; Cy keeps hers
        const dee = await join('Dee');
        const aliases = new Map(dee.welcome.roster.map((e) => [e.participantId, e.alias]));
        expect(new Set(aliases.values()).size).toBe(4);
        expect(aliases.get(dee.welcome.participantId)).toBe(bo.welcome.roster.find((e) => e.participantId === bo.welcome.participantId)!.alias);
        await hideNames(teacher, true);
        return { code: created.code, teacherToken: created.teacherToken, token: ann.welcome.participantToken!, aliases };
      });
    } finally {
      await first.close();
    }
    const second = await startServer({ dataDir });
    try {
      const ann = await connect(second.url, { role: 'student', code: stored.code, token: stored.token });
      expect(ann.welcome.classStatus.namesHidden).toBe(true);
      expect(new Map(ann.welcome.roster.map((e) => [e.participantId, e.alias]))).toEqual(stored.aliases);
      expect(ann.welcome.roster.filter((e) => e.role === 'student' && e.participantId !== ann.welcome.participantId).map((e) => e.name)).toEqual(['', '']);
      ann.socket.close();
    } finally {
      await second.close();
    }
  });
});
