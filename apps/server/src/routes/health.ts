import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorCode, REST_REPLY_SCHEMAS, protocolError } from '@playroom/protocol';
import { sendError } from './send-error';

/** /healthz (the process answers), /readyz (restored and accepting), /metrics (Prometheus, rule REST-4). */
const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { playroom } = app;
  app.get('/healthz', { schema: { response: REST_REPLY_SCHEMAS.health } }, async () => ({ status: 'ok' as const }));
  app.get('/readyz', { schema: { response: REST_REPLY_SCHEMAS.ready } }, async (_request, reply) =>
    playroom.ready
      ? { status: 'ready' as const }
      : sendError(reply, 503, protocolError(ErrorCode.unavailable, 'the server is starting or shutting down')),
  );
  app.get('/metrics', { schema: { response: REST_REPLY_SCHEMAS.metrics } }, async (_request, reply) => {
    let training = 0;
    for (const session of playroom.registry.allSessions()) if (session.playing) training++;
    const text = playroom.metrics.render({
      sockets: app.gateway.socketCount(),
      classes: playroom.registry.classrooms().length,
      sessions: playroom.registry.sessionCount(),
      trainingSessions: training,
    });
    return reply.type('text/plain; version=0.0.4').send(text);
  });
};

export default healthRoutes;
