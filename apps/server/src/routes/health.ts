import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorCode, REST_REPLY_SCHEMAS, protocolError } from '@playroom/protocol';
import { metricsRefusal } from '../security/metrics-access';
import type { Storage } from '../storage/storage';
import { sendError } from './send-error';

/** Whether the database answers a cheap query within a second (a hung connection counts as no answer). */
async function databaseAnswers(storage: Storage): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 1000)));
  const ping = storage.ping().then(() => true, () => false);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** /healthz (the process answers), /readyz (restored and accepting), /metrics (Prometheus, rule REST-4). */
const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { playroom } = app;
  app.get('/healthz', { schema: { response: REST_REPLY_SCHEMAS.health } }, async () => ({ status: 'ok' as const }));
  app.get('/readyz', { schema: { response: REST_REPLY_SCHEMAS.ready } }, async (_request, reply) => {
    if (!playroom.ready) return sendError(reply, 503, protocolError(ErrorCode.unavailable, 'the server is starting or shutting down'));
    // ready means the database answers too: a stopped database would otherwise lose acked changes unseen
    if (!(await databaseAnswers(playroom.storage))) return sendError(reply, 503, protocolError(ErrorCode.unavailable, 'the database does not answer'));
    return { status: 'ready' as const };
  });
  app.get('/metrics', { schema: { response: REST_REPLY_SCHEMAS.metrics } }, async (request, reply) => {
    // a bearer token when configured, else this machine only (SEC-3); a wrong token spends the address's budget (SEC-4)
    if (!app.tokenGuard.mayTry(request.ip)) {
      return sendError(reply, 429, protocolError(ErrorCode.rateLimited, 'too many wrong tokens from this address: wait a minute'));
    }
    const refusal = metricsRefusal(request.headers.authorization, request.ip, playroom.options.metricsToken);
    if (refusal) {
      if (refusal.status === 401 && request.headers.authorization !== undefined) app.tokenGuard.guessed(request.ip);
      return sendError(reply, refusal.status, refusal.error);
    }
    let training = 0;
    for (const session of playroom.registry.allSessions()) if (session.playing) training++;
    const text = await playroom.metrics.render({
      sockets: app.gateway.socketCount(),
      classes: playroom.registry.classrooms().length,
      sessions: playroom.registry.sessionCount(),
      trainingSessions: training,
    });
    return reply.type('text/plain; version=0.0.4').send(text);
  });
};

export default healthRoutes;
