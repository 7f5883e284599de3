import type { FastifyPluginAsync } from 'fastify';

/** /healthz (the process answers), /readyz (restored and accepting), /metrics (Prometheus, rule REST-4). */
const healthRoutes: FastifyPluginAsync = async (app) => {
  const { playroom } = app;
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) =>
    playroom.ready ? { status: 'ready' } : reply.code(503).send({ status: 'unavailable' }),
  );
  app.get('/metrics', async (_request, reply) => {
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
