import fp from 'fastify-plugin';
import { SocketGateway } from '../gateway/socket-gateway';
import { originPolicy } from '../security/origin-policy';

declare module 'fastify' {
  interface FastifyInstance {
    gateway: SocketGateway;
  }
}

/** socket.io on fastify's HTTP server (same port); closed before the classroom plugin flushes. */
export default fp(
  async (app) => {
    const { playroom } = app;
    const gateway = new SocketGateway(
      app.server,
      {
        registry: playroom.registry,
        executor: playroom.executor,
        hub: playroom.hub,
        metrics: playroom.metrics,
        joinGuard: playroom.joinGuard,
        endedClasses: playroom.endedClasses,
        committed: () => playroom.checkpointer.committed(),
        joinUrl: (code) => playroom.joinUrl(code),
        snapshotRoundSent: () => playroom.scheduler.roundDue(),
        log: app.log,
        ...(app.cluster ? { cluster: app.cluster } : {}),
      },
      {
        snapshotHz: playroom.options.snapshotHz,
        snapshotBytesPerSecond: playroom.options.snapshotBytesPerSecond,
        maxForksPerParticipant: playroom.options.maxForksPerParticipant,
        recoveryWindowMs: playroom.options.recoveryWindowMs,
        trustProxy: playroom.options.trustProxy,
        commandRate: playroom.options.commandRate,
        originPolicy: originPolicy(playroom.options.allowedOrigins),
        connectionRate: playroom.options.connectionRate,
        maxSocketsPerParticipant: playroom.options.maxSocketsPerParticipant,
        maxSocketsPerAddress: playroom.options.maxSocketsPerAddress,
      },
    );
    app.decorate('gateway', gateway);
    app.addHook('preClose', async () => {
      await gateway.close();
    });
  },
  { name: 'playroom-socket-gateway', dependencies: ['playroom-classroom', 'playroom-cluster'] },
);
