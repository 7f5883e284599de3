import type { RosterUpdate, Welcome } from '@playroom/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, command, connect, createClass, fork, nextEvent, teacherAuth, type Client } from './harness';
import { eventually, portOf, rejoinWithToken, startCluster, trackEpochs, type ServerCluster } from './cluster-processes';
import { startTcpForwarder, type TcpForwarder } from './tcp-forwarder';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.log('skipped test/many-processes.test.ts (takeover after kill -9): REDIS_URL is not set, and two server processes need a Redis');

const SPEED = 60;
/** a checkpoint every second: a takeover loses at most two seconds of training */
const MAX_LOST_EPOCHS = 2 * SPEED;

describe.skipIf(!REDIS_URL)('many processes on one Redis and one PostgreSQL', () => {
  let cluster: ServerCluster | undefined;
  let forwarder: TcpForwarder | undefined;
  const clients: Client[] = [];
  afterEach(async () => {
    closeAll(clients.splice(0));
    await forwarder?.close();
    await cluster?.stop();
  });

  it('teacher on one process, a student on the other: the same session, the student’s commands trained on the owner, its snapshots on the student’s process', async () => {
    cluster = await startCluster(REDIS_URL!, ['a', 'b']);
    const [a, b] = cluster.servers as [NonNullable<ServerCluster['servers'][0]>, NonNullable<ServerCluster['servers'][0]>];
    const created = await createClass(a.url, 'Ms Li', { hiddenLayers: [3] });
    const teacher = await connect(a.url, teacherAuth(created));
    clients.push(teacher);
    let teacherRoster = teacher.welcome.roster;
    teacher.socket.on('roster', (update: RosterUpdate) => (teacherRoster = update.participants));
    // B does not own the class: the handshake is forwarded to A, and the welcome comes from A
    const student = await connect(b.url, { role: 'student', code: created.code, name: 'Ana' });
    clients.push(student);
    expect(student.welcome.role).toBe('student');
    expect(student.welcome.classSession.sessionId).toBe(created.sessionId);
    expect(student.welcome.classSession.config).toEqual(teacher.welcome.classSession.config);
    // the teacher on A hears the student who joined on B
    await eventually(() => teacherRoster.some((entry) => entry.name === 'Ana' && entry.online), 5000, 'Ana in the teacher’s roster');

    // the teacher plays on A: the student on B watches the class train (snapshots relayed from A)
    const studentSaw = trackEpochs(student.socket);
    await command(teacher.socket, { type: 'play', sessionId: created.sessionId });
    await eventually(() => (studentSaw.get(created.sessionId) ?? 0) > 30, 10_000, 'the class’s snapshots on B');

    // a fork made and played from B is trained on A: its snapshots reach B, its summary the teacher on A
    const studentFork = await fork(student.socket, created.sessionId);
    const teacherForks = new Set<string>();
    teacher.socket.on('forks', (update: { forks: { sessionId: string }[] }) => update.forks.forEach((f) => teacherForks.add(f.sessionId)));
    expect((await command(student.socket, { type: 'play', sessionId: studentFork.sessionId })).ok).toBe(true);
    await eventually(() => (studentSaw.get(studentFork.sessionId) ?? 0) > 30, 10_000, 'the fork’s snapshots on B');
    await eventually(() => teacherForks.has(studentFork.sessionId), 5000, 'the fork in the teacher’s summaries on A');
    expect(a.output()).not.toContain('took over');
    expect(b.output()).not.toContain('took over');
    // what the student may not do is refused by the owner as on one process
    const refused = await command(student.socket, { type: 'pause', sessionId: created.sessionId });
    expect(refused.ok).toBe(false);
  }, 60_000);

  it('kill -9 of the owner mid-training: the other process takes the class within 10 s, ≤ 2 s of epochs lost, clients reconnect into their roles, nothing acked is lost', async () => {
    cluster = await startCluster(REDIS_URL!, ['a', 'b']);
    const [a, b] = cluster.servers as [NonNullable<ServerCluster['servers'][0]>, NonNullable<ServerCluster['servers'][0]>];
    // a load balancer: new connections go to A while it lives, then to B
    forwarder = await startTcpForwarder(() => [portOf(a), portOf(b)]);
    const url = forwarder.url;
    const created = await createClass(url, 'Ms Li', { hiddenLayers: [3] });
    const teacher = await connect(url, teacherAuth(created), { reconnection: true });
    const student = await connect(url, { role: 'student', code: created.code, name: 'Ana' }, { reconnection: true });
    clients.push(teacher, student);
    rejoinWithToken(student.socket, created.code, student.welcome.participantToken!);
    const studentFork = await fork(student.socket, created.sessionId);
    await command(student.socket, { type: 'play', sessionId: studentFork.sessionId });
    await command(teacher.socket, { type: 'play', sessionId: created.sessionId });
    // acked once stored (PERSIST-5): it must survive the owner's death
    expect((await command(teacher.socket, { type: 'lockClass', locked: true })).ok).toBe(true);
    const teacherSaw = trackEpochs(teacher.socket);
    const studentSaw = trackEpochs(student.socket);
    await eventually(() => (teacherSaw.get(created.sessionId) ?? 0) > 2 * SPEED, 10_000, 'the class trains on A');

    const welcomes = [teacher, student].map((client) => nextEvent<Welcome>(client.socket, 'welcome', () => true, 15_000));
    const seenClass = teacherSaw.get(created.sessionId)!;
    const seenFork = studentSaw.get(studentFork.sessionId)!;
    const killedAt = Date.now();
    a.child.kill('SIGKILL');
    const [teacherAgain, studentAgain] = await Promise.all(welcomes);
    const tookMs = Date.now() - killedAt;
    console.log(`takeover: both clients back in their roles ${tookMs} ms after kill -9; class epoch ${seenClass} seen → ${teacherAgain!.classSession.epoch} restored`);
    expect(tookMs).toBeLessThan(10_000);

    expect(teacherAgain!.role).toBe('teacher');
    expect(teacherAgain!.participantId).toBe(teacher.welcome.participantId);
    expect(teacherAgain!.classSession.epoch).toBeGreaterThanOrEqual(seenClass - MAX_LOST_EPOCHS);
    expect(teacherAgain!.classSession.playing).toBe(true);
    expect(teacherAgain!.classStatus.locked).toBe(true);
    expect(studentAgain!.role).toBe('student');
    expect(studentAgain!.participantId).toBe(student.welcome.participantId);
    expect(studentAgain!.forks.map((f) => f.sessionId)).toEqual([studentFork.sessionId]);
    expect(studentAgain!.forks[0]!.epoch).toBeGreaterThanOrEqual(seenFork - MAX_LOST_EPOCHS);
    expect(b.output()).toContain('took over a class whose owner is gone');

    // B trains it now: the class moves on, and the student watching their fork again sees it move too
    const restored = teacherAgain!.classSession.epoch;
    await eventually(() => (teacherSaw.get(created.sessionId) ?? 0) > restored + SPEED, 10_000, 'the class trains on B');
    const watched = await command(student.socket, { type: 'watch', sessionId: studentFork.sessionId });
    expect(watched.ok).toBe(true);
    const forkRestored = studentAgain!.forks[0]!.epoch;
    await eventually(() => (studentSaw.get(studentFork.sessionId) ?? 0) > forkRestored + SPEED, 10_000, 'the fork trains on B');
  }, 90_000);
});
