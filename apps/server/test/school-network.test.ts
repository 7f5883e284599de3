import { ErrorCode, PROTOCOL_LIMITS, type ProtocolError } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { closeAll, connect, createClass, refusedHandshake, startServer, teacherAuth, tempDataDir, type Client } from './harness';

/*
 * A school puts a whole class behind one NAT address (rule HS-6). With the
 * default join budget (PROTOCOL_LIMITS.joinRate: 30 a minute, burst 10),
 * forty students must be able to look the code up, join, and come back after
 * a Wi-Fi blip or a server restart, all at once; a guesser from an address
 * is stopped after the budget, and once stopped cannot tell a real code from
 * a made-up one.
 */

const CLASS_SIZE = 40;
const DEFAULT_JOIN_RATE = { ...PROTOCOL_LIMITS.joinRate };

/** What a student's page does: look the code up, then join with a name. */
async function joinLikeThePage(url: string, code: string, name: string): Promise<Client> {
  const lookUp = await fetch(`${url}/api/rooms/${code}`);
  if (lookUp.status !== 200) throw new Error(`look-up refused: ${lookUp.status}`);
  return connect(url, { role: 'student', code, name });
}

/** Everyone back with their tokens, at the same moment (what a restart or a dropped access point causes). */
function rejoinAll(url: string, code: string, tokens: string[]): Promise<Client[]> {
  return Promise.all(tokens.map((token) => connect(url, { role: 'student', code, token })));
}

describe('a class behind one school address', () => {
  it(`HS-6: ${CLASS_SIZE} students join at once and all rejoin after a Wi-Fi blip and after a restart`, async () => {
    const dataDir = tempDataDir();
    let server = await startServer({ dataDir, joinRate: DEFAULT_JOIN_RATE });
    let clients: Client[] = [];
    try {
      const created = await createClass(server.url);
      const teacher = await connect(server.url, teacherAuth(created));
      clients = await Promise.all(Array.from({ length: CLASS_SIZE }, (_, i) => joinLikeThePage(server.url, created.code, `S${i}`)));
      clients.push(teacher);
      const students = clients.filter((c) => c.welcome.role === 'student');
      const tokens = students.map((c) => c.welcome.participantToken!);
      const ids = students.map((c) => c.welcome.participantId);
      expect(new Set(ids).size).toBe(CLASS_SIZE);

      // the access point drops: every socket goes, every student comes back with the token
      closeAll(clients);
      clients = await rejoinAll(server.url, created.code, tokens);
      expect(clients.map((c) => c.welcome.participantId)).toEqual(ids);

      // the server restarts on the same database: the budget starts afresh, the whole class still rejoins at once
      closeAll(clients);
      await server.close();
      server = await startServer({ dataDir, joinRate: DEFAULT_JOIN_RATE });
      clients = await rejoinAll(server.url, created.code, tokens);
      clients.push(await connect(server.url, teacherAuth(created)));
      expect(clients.slice(0, CLASS_SIZE).map((c) => c.welcome.participantId)).toEqual(ids);
      expect(clients[CLASS_SIZE]!.welcome.roster.filter((p) => p.online)).toHaveLength(CLASS_SIZE + 1);
    } finally {
      closeAll(clients);
      await server.close();
    }
  });

  it('HS-6: a guesser is refused once the budget is spent, and then learns nothing about which codes exist', async () => {
    const server = await startServer({ joinRate: DEFAULT_JOIN_RATE });
    try {
      // a class this address has never used (its teacher is elsewhere)
      const created = { code: server.app.playroom.registry.create('Mr Elsewhere').classroom.code };
      const unknownCodes = ['ZZZZZZ', 'YYYYYY', 'XXXXXX', 'WWWWWW', 'VVVVVV', 'UUUUUU', 'TTTTTT', 'SSSSSS', 'RRRRRR', 'QQQQQQ'];
      expect(unknownCodes).not.toContain(created.code);
      // the burst of guesses: each one is told the truth, and each one is charged
      for (const code of unknownCodes.slice(0, DEFAULT_JOIN_RATE.burst)) {
        expect((await refusedHandshake(server.url, { role: 'student', code, name: 'Eve' })).code).toBe(ErrorCode.roomNotFound);
      }
      // now a real code and a made-up one get the same answer, over the socket and over REST
      const real = await refusedHandshake(server.url, { role: 'student', code: created.code, name: 'Eve' });
      const fake = await refusedHandshake(server.url, { role: 'student', code: 'PPPPPP', name: 'Eve' });
      expect(real).toEqual(fake);
      expect(real.code).toBe(ErrorCode.rateLimited);
      const [realLookUp, fakeLookUp] = await Promise.all([
        fetch(`${server.url}/api/rooms/${created.code}`),
        fetch(`${server.url}/api/rooms/PPPPPP`),
      ]);
      expect([realLookUp.status, fakeLookUp.status]).toEqual([429, 429]);
      expect((await realLookUp.json()) as { error: ProtocolError }).toEqual((await fakeLookUp.json()) as { error: ProtocolError });
    } finally {
      await server.close();
    }
  });

  it('HS-6: refusals that are not guesses (a full class) do not spend the budget', async () => {
    const server = await startServer({ joinRate: { perMinute: 1, burst: 2 }, maxParticipantsPerClass: 1 });
    try {
      const created = await createClass(server.url);
      const first = await connect(server.url, { role: 'student', code: created.code, name: 'Ana' });
      // the rest of the class keeps pressing "join" on a full class
      for (let i = 0; i < 5; i++) {
        expect((await refusedHandshake(server.url, { role: 'student', code: created.code, name: `S${i}` })).code).toBe(ErrorCode.classFull);
      }
      first.socket.close();
      const back = await connect(server.url, { role: 'student', code: created.code, token: first.welcome.participantToken! });
      expect(back.welcome.participantId).toBe(first.welcome.participantId);
      back.socket.close();
      // while a wrong token is a guess
      for (let i = 0; i < 2; i++) {
        expect((await refusedHandshake(server.url, { role: 'student', code: created.code, token: 'A'.repeat(32) })).code).toBe(ErrorCode.badToken);
      }
      // the budget is spent, but this address uses this class: its students still come back
      const again = await connect(server.url, { role: 'student', code: created.code, token: first.welcome.participantToken! });
      expect(again.welcome.participantId).toBe(first.welcome.participantId);
      again.socket.close();
      expect((await refusedHandshake(server.url, { role: 'student', code: 'ZZZZZZ', name: 'Eve' })).code).toBe(ErrorCode.rateLimited);
    } finally {
      await server.close();
    }
  });
});
