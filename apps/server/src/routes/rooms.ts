import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorCode, REST_REPLY_SCHEMAS, RoomParamsSchema, normalizeRoomCode, protocolError, type RoomLookupReply } from '@playroom/protocol';
import { sendError } from './send-error';

/** GET /api/rooms/:code: does a class exist, whose is it, how many joined (rule REST-2). */
const roomRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { playroom } = app;
  const schema = { params: RoomParamsSchema, response: REST_REPLY_SCHEMAS.lookUpRoom };
  app.get('/api/rooms/:code', { schema }, async (request, reply) => {
    // a look-up of a code that exists is free, a miss spends the budget handshakes share (HS-6)
    const code = normalizeRoomCode(request.params.code);
    if (!playroom.joinGuard.mayTry(request.ip, code)) {
      return sendError(reply, 429, protocolError(ErrorCode.rateLimited, 'too many attempts from this address: wait a minute'));
    }
    const classroom = playroom.registry.byCode(code);
    if (classroom) playroom.joinGuard.used(request.ip, code);
    else playroom.joinGuard.guessed(request.ip);
    const body: RoomLookupReply = classroom
      ? {
          exists: true,
          code,
          teacherName: classroom.teacherName,
          joined: classroom.roster.students().length,
          online: classroom.roster.onlineStudents(),
        }
      : { exists: false, code };
    return body;
  });
};

export default roomRoutes;
