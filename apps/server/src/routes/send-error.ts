import type { FastifyReply } from 'fastify';
import type { ErrorReply, ProtocolError } from '@playroom/protocol';

/** Reply with the protocol's error body. */
export function sendError(reply: FastifyReply, status: number, error: ProtocolError): FastifyReply {
  const body: ErrorReply = { error };
  return reply.code(status).send(body);
}
