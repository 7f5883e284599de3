/**
 * One person's attack from its own process (so the test's measuring clients
 * do not share its event loop): `node --import tsx test/attacker.ts URL CODE TOKEN SESSION`.
 * Opens 300 sockets of one student identity in 1.2 s, then floods commands
 * from every socket it got for 3 s (700 a second each: the 3,400 a second of
 * the attack this reproduces, from five sockets), coming straight back when
 * cut off, and prints {opened, refused, acked, reconnects} as JSON. Bounded
 * in time and count.
 */
import { PROTOCOL_VERSION, type CommandAck } from '@playroom/protocol';
import { io, type Socket } from 'socket.io-client';

const [url, code, token, sessionId] = process.argv.slice(2) as [string, string, string, string];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const counts = { opened: 0, refused: 0, acked: 0, reconnects: 0 };

function open(): Promise<Socket | null> {
  const socket = io(url, { auth: { protocolVersion: PROTOCOL_VERSION, role: 'student', code, token }, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 10_000);
    socket.once('welcome', () => {
      clearTimeout(timer);
      counts.opened++;
      resolve(socket);
    });
    socket.once('connect_error', () => {
      clearTimeout(timer);
      counts.refused++;
      socket.close();
      resolve(null);
    });
  });
}

// started early, so its own start-up is not part of what the test measures: it waits for a line on stdin
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
// 300 sockets in 1.2 s, as the attack this reproduces opened them (300 in 1.3 s)
const opening: Promise<Socket | null>[] = [];
for (let batch = 0; batch < 12; batch++) {
  for (let i = 0; i < 25; i++) opening.push(open());
  await sleep(100);
}
const sockets = (await Promise.all(opening)).filter((s): s is Socket => s !== null);
const deadline = performance.now() + 3000;
async function flood(socket: Socket): Promise<void> {
  for (let i = 0; performance.now() < deadline && socket.connected; i++) {
    socket.emit('command', { type: 'unwatch', sessionId }, (ack: CommandAck) => {
      if (ack.ok) counts.acked++;
    });
    if (i % 7 === 6) await sleep(10);
  }
  socket.close();
  if (performance.now() >= deadline || counts.reconnects++ > 200) return;
  await sleep(20);
  const again = await open();
  if (again) await flood(again);
}
await Promise.all(sockets.map(flood));
process.stdout.write(`${JSON.stringify(counts)}\n`);
process.exit(0);
