import http from 'node:http';
import type { Socket } from 'node:net';
import { ErrorCode, protocolError, type ErrorReply } from '@playroom/protocol';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './send-error';

/**
 * fastify's own refusals before any route runs (a malformed URL, a path
 * parameter over `maxParamLength`), in the protocol's error body (REST-7).
 */
export function frameworkErrors(error: Error & { code?: string }, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void sendError(reply, 414, protocolError(ErrorCode.badRequest, 'a path parameter is too long'));
    return;
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    void sendError(reply, 400, protocolError(ErrorCode.badRequest, 'the URL is malformed'));
    return;
  }
  void sendError(reply, 500, protocolError(ErrorCode.internal, 'the server failed to route this request'));
}

/**
 * What Node's HTTP parser refuses (headers or URL over the size limit: 431;
 * a request that timed out: 408; anything else unparsable: 400), answered
 * on the raw socket in the protocol's error body (REST-7), then closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const message =
    status === 431 ? 'the request line or headers are too large' : status === 408 ? 'the request took too long to arrive' : 'the request is malformed';
  const body = JSON.stringify({ error: protocolError(ErrorCode.badRequest, message) } satisfies ErrorReply);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
