import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/** A request this process answers for a class it owns; its answer is JSON. */
export type RpcHandler = (payload: unknown) => Promise<unknown>;

/** The owner did not answer in time: it died, or Redis is away. */
export class OwnerUnreachable extends Error {}

interface Request {
  type: 'request';
  id: string;
  from: string;
  kind: string;
  payload: unknown;
}
interface Response {
  type: 'response';
  id: string;
  ok: boolean;
  result?: unknown;
  error?: string;
}
interface Broadcast {
  type: 'broadcast';
  from: string;
  kind: string;
  payload: unknown;
}

/**
 * Request/response between processes over Redis pub/sub: each process
 * listens on its own channel (`rpc:<INSTANCE_ID>`, the name its leases
 * carry, so a class's lease says where to ask) and on one channel for all
 * (`rpc:all`, for what every process delivers to its own sockets). Nothing
 * is kept: a request to a process that is gone times out.
 */
export class OwnerRpc {
  private readonly pending = new Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  private readonly ownChannel: string;
  private readonly allChannel: string;
  private onBroadcast: (kind: string, payload: unknown) => void = () => {};
  private readonly handlers = new Map<string, RpcHandler>();

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly options: { keyPrefix: string; instanceId: string; onError: (error: unknown) => void },
  ) {
    this.ownChannel = this.channelOf(options.instanceId);
    this.allChannel = `${options.keyPrefix}rpc:all`;
    subscriber.on('message', (channel: string, raw: string) => this.received(channel, raw));
    void subscriber.subscribe(this.ownChannel, this.allChannel).catch(options.onError);
  }

  /** Ask process `instanceId`; rejects OwnerUnreachable after `timeoutMs`, or with the error it answered. */
  call(instanceId: string, kind: string, payload: unknown, timeoutMs: number): Promise<unknown> {
    const id = randomBytes(8).toString('base64url');
    const request: Request = { type: 'request', id, from: this.options.instanceId, kind, payload };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new OwnerUnreachable(`process ${instanceId} did not answer ${kind} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.publisher.publish(this.channelOf(instanceId), JSON.stringify(request)).catch(() => {
        // Redis is away: the timeout answers
      });
    });
  }

  /** Tell every other process (fire and forget). */
  broadcast(kind: string, payload: unknown): void {
    const message: Broadcast = { type: 'broadcast', from: this.options.instanceId, kind, payload };
    this.publisher.publish(this.allChannel, JSON.stringify(message)).catch(() => {});
  }

  /** Answer requests of one kind to this process with `handle` (one handler per kind). */
  serve(kind: string, handle: RpcHandler): void {
    this.handlers.set(kind, handle);
  }

  listen(onBroadcast: (kind: string, payload: unknown) => void): void {
    this.onBroadcast = onBroadcast;
  }

  close(): void {
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer);
      reject(new OwnerUnreachable('closing'));
    }
    this.pending.clear();
  }

  private received(channel: string, raw: string): void {
    let message: Request | Response | Broadcast;
    try {
      message = JSON.parse(raw) as Request | Response | Broadcast;
    } catch (error) {
      return this.options.onError(error);
    }
    if (message.type === 'broadcast') {
      if (channel === this.allChannel && message.from !== this.options.instanceId) this.onBroadcast(message.kind, message.payload);
      return;
    }
    if (channel !== this.ownChannel) return;
    if (message.type === 'response') {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      clearTimeout(waiting.timer);
      if (message.ok) waiting.resolve(message.result);
      else waiting.reject(new Error(message.error ?? 'the owner failed'));
      return;
    }
    const answer = (response: Omit<Response, 'type' | 'id'>) =>
      this.publisher.publish(this.channelOf(message.from), JSON.stringify({ type: 'response', id: message.id, ...response })).catch(() => {});
    const handle = this.handlers.get(message.kind) ?? (() => Promise.reject(new Error(`unknown request ${message.kind}`)));
    handle(message.payload).then(
      (result) => answer({ ok: true, result }),
      (error: unknown) => answer({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  }

  private channelOf(instanceId: string): string {
    return `${this.options.keyPrefix}rpc:${instanceId}`;
  }
}
