import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorCode, REST_REPLY_SCHEMAS, RoomParamsSchema, normalizeRoomCode, protocolError, type RoomLookupReply } from '@playroom/protocol';
import type { Classroom } from '../classroom/classroom';
import { joinQrSvg } from './join-qr';

/** how long a look-up waits for the process that owns the class (many processes) */
const LOOK_UP_TIMEOUT_MS = 2000;
import { sendError } from './send-error';

/**
 * GET /api/rooms/:code: does a class exist, whose is it, how many joined
 * (rule REST-2); GET /api/rooms/:code/qr.svg: its join link as a QR code
 * (REST-8). Both share the join budget of handshakes (HS-6).
 */
const roomRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { playroom, cluster } = app;
  const liveReply = (classroom: Classroom): RoomLookupReply => ({
    exists: true,
    code: classroom.code,
    teacherName: classroom.teacherName,
    joined: classroom.roster.students().length,
    online: classroom.roster.onlineStudents(),
  });
  /** the class here, else (many processes) asked of the process that owns it: null when nobody has it */
  const lookUp = async (code: string): Promise<RoomLookupReply | null> => {
    const classroom = playroom.registry.byCode(code);
    if (classroom) return liveReply(classroom);
    const owner = cluster ? await cluster.ownerOf(code) : null;
    if (!cluster || owner === null) return null;
    return (await cluster.rpc.call(owner, 'lookUp', { code }, LOOK_UP_TIMEOUT_MS).catch(() => null)) as RoomLookupReply | null;
  };
  cluster?.rpc.serve('lookUp', async (payload) => {
    const classroom = playroom.registry.byCode(String((payload as { code?: unknown }).code));
    return classroom ? liveReply(classroom) : null;
  });
  const schema = { params: RoomParamsSchema, response: REST_REPLY_SCHEMAS.lookUpRoom };
  app.get('/api/rooms/:code', { schema }, async (request, reply) => {
    // a look-up of a code that exists is free, a miss spends the budget handshakes share (HS-6)
    const code = normalizeRoomCode(request.params.code);
    if (!playroom.joinGuard.mayTry(request.ip, code)) {
      return sendError(reply, 429, protocolError(ErrorCode.rateLimited, 'too many attempts from this address: wait a minute'));
    }
    const live = await lookUp(code);
    if (live) {
      playroom.joinGuard.used(request.ip, code);
      return live;
    }
    // an ended class's code is a miss too, but no guess from an address that used it (HS-3)
    const ended = playroom.endedClasses.has(code);
    if (!ended || !playroom.joinGuard.knows(request.ip, code)) playroom.joinGuard.guessed(request.ip);
    const missing: RoomLookupReply = ended ? { exists: false, code, ended: true } : { exists: false, code };
    return missing;
  });

  const qrSchema = { params: RoomParamsSchema, response: REST_REPLY_SCHEMAS.roomQr };
  app.get('/api/rooms/:code/qr.svg', { schema: qrSchema }, async (request, reply) => {
    // only a real code gets a picture: a miss spends the budget as a look-up does (HS-6)
    const code = normalizeRoomCode(request.params.code);
    if (!playroom.joinGuard.mayTry(request.ip, code)) {
      return sendError(reply, 429, protocolError(ErrorCode.rateLimited, 'too many attempts from this address: wait a minute'));
    }
    if (!(await lookUp(code))) {
      playroom.joinGuard.guessed(request.ip);
      return sendError(reply, 404, protocolError(ErrorCode.roomNotFound, 'no class with this code'));
    }
    playroom.joinGuard.used(request.ip, code);
    const { svg, etag } = await joinQrSvg(playroom.joinUrl(code));
    // the link follows the server's address (PUBLIC_URL, a new Wi-Fi): the browser asks again each time, cheaply
    reply.header('cache-control', 'private, no-cache').header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send('');
    return reply.type('image/svg+xml; charset=utf-8').send(svg);
  });
};

export default roomRoutes;
