import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateSessionBodySchema,
  ErrorCode,
  REST_REPLY_SCHEMAS,
  PROTOCOL_LIMITS,
  SessionParamsSchema,
  protocolError,
  savedSessionOf,
  type CreateSessionReply,
} from '@playroom/protocol';
import { Refusal } from '../classroom/refusal';
import { hashToken, sameHash } from '../security/secrets';
import { classExport, findExportableClass, type ExportableClass } from './class-export';
import { sendError } from './send-error';

/** POST /api/sessions and GET /api/sessions/:sessionId/export, live or archived (rules REST-1, REST-3, LIM-3). */
const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { playroom } = app;

  const createSchema = { body: CreateSessionBodySchema, response: REST_REPLY_SCHEMAS.createSession };
  // a class may start from a file's session (REST-1 `from`), bigger than any other body
  app.post('/api/sessions', { schema: createSchema, bodyLimit: PROTOCOL_LIMITS.maxCreateBodyBytes }, async (request, reply) => {
    if (!playroom.ready) return sendError(reply, 503, protocolError(ErrorCode.unavailable, 'the server is not ready'));
    if (!playroom.limiters.create.take(request.ip)) {
      return sendError(reply, 429, protocolError(ErrorCode.rateLimited, 'too many classes from this address: wait a minute'));
    }
    const { teacherName, config, from } = request.body;
    if (config !== undefined && from !== undefined) {
      return sendError(reply, 400, protocolError(ErrorCode.badRequest, 'send config or from, not both', '/from'));
    }
    try {
      const { classroom, teacherToken } = playroom.registry.create(teacherName, config, from && savedSessionOf(from));
      // the teacher's address knows this code: a guesser behind it cannot lock its class out (HS-6)
      playroom.joinGuard.used(request.ip, classroom.code);
      // the token is only worth giving once a restart would still know it (REST-1, PERSIST-5)
      if (!(await playroom.checkpointer.committed())) {
        // nobody knows this class yet: take it back; storage archives whatever part of it landed
        playroom.registry.remove(classroom);
        playroom.hub.classEnded(classroom, 'archived');
        return sendError(reply, 503, protocolError(ErrorCode.storageUnavailable, 'the database is not answering: no class was created, try again in a moment'));
      }
      // the address students' devices reach, whatever address the teacher's page was opened on
      const joinUrl = playroom.joinUrl(classroom.code);
      const created: CreateSessionReply = { sessionId: classroom.id, code: classroom.code, teacherToken, joinUrl };
      request.log.info({ classId: classroom.id, code: classroom.code }, 'class created');
      return reply.code(201).send(created);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      const status = error.error.code === ErrorCode.sessionLimit ? 503 : 400;
      return sendError(reply, status, error.error);
    }
  });

  const exportSchema = { params: SessionParamsSchema, response: REST_REPLY_SCHEMAS.exportSession };
  app.get('/api/sessions/:sessionId/export', { schema: exportSchema }, async (request, reply) => {
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (token === '') {
      return sendError(reply, 401, protocolError(ErrorCode.unauthorized, 'send the teacher token as Authorization: Bearer'));
    }
    // only a wrong token spends the address's budget; once spent, no token is checked (SEC-4)
    if (!app.tokenGuard.mayTry(request.ip)) {
      return sendError(reply, 429, protocolError(ErrorCode.rateLimited, 'too many wrong tokens from this address: wait a minute'));
    }
    // a live class, or one that ended or was archived: its teacher still reads it (REST-3)
    let found: ExportableClass | null;
    try {
      found = await findExportableClass(playroom.registry, playroom.storage, request.params.sessionId);
    } catch (error) {
      request.log.error({ err: error }, 'could not read an archived class');
      return sendError(reply, 503, protocolError(ErrorCode.storageUnavailable, 'the database is not answering: try again in a moment'));
    }
    if (!found) return sendError(reply, 404, protocolError(ErrorCode.sessionNotFound, 'no class with this id'));
    if (found.teacherTokenHash === null || !sameHash(found.teacherTokenHash, hashToken(token))) {
      app.tokenGuard.guessed(request.ip);
      return sendError(reply, 403, protocolError(ErrorCode.forbidden, 'only the teacher of this class may export it'));
    }
    const exported = classExport(found.classroom());
    return reply
      .header('content-disposition', `attachment; filename="playroom-${exported.code}.json"`)
      .send(exported);
  });
};

export default sessionRoutes;
