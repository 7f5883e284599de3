import { PROTOCOL_VERSION, type CommandAck, type CreateSessionReply, type Welcome } from '@playroom/protocol';
import { io, type Socket } from 'socket.io-client';

/** A real socket.io-client connection (websocket only, no reconnection), resolved at its welcome. */
export function connect(url: string, auth: object): Promise<{ socket: Socket; welcome: Welcome }> {
  const socket = io(url, { auth: { protocolVersion: PROTOCOL_VERSION, ...auth }, transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('welcome', (welcome: Welcome) => resolve({ socket, welcome }));
    socket.once('connect_error', (error) => reject(error));
  });
}

/** A command, resolved with its ack when ok (rejected otherwise, or after 10 s). */
export function send<T extends CommandAck>(socket: Socket, command: object): Promise<T> {
  return new Promise((resolve, reject) =>
    socket.timeout(10_000).emit('command', command, (error: Error | null, ack: T) => (error ? reject(error) : ack.ok ? resolve(ack) : reject(new Error(JSON.stringify(ack))))),
  );
}

/** A class created over REST (rule REST-1). */
export async function createClass(url: string, teacherName: string, config: object): Promise<CreateSessionReply> {
  const response = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ teacherName, config }),
  });
  if (response.status !== 201) throw new Error(`creating a class: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreateSessionReply;
}

/** Values of one metric from Prometheus text, by label string. */
export function metric(text: string, name: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^(\S+?)(\{[^}]*\})?\s+(\S+)$/.exec(line);
    if (match && match[1] === name) values.set(match[2] ?? '', Number(match[3]));
  }
  return values;
}

/** The value at quantile q (0..1) of some numbers (nearest rank). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
