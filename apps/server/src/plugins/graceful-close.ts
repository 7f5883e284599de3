import type { Socket } from 'node:net';
import fp from 'fastify-plugin';

/** how long to wait for the gateway to have closed every socket's transport before saving anyway */
const TRANSPORTS_CLOSED_WAIT_MS = 1000;

/**
 * The order of closing (PERSIST-1, PERSIST-2): training stops (classroom),
 * the sockets' transports close (gateway), everything is written (the
 * final save), and only then is every connection still open cut: a request
 * whose body never arrives, a client that stopped reading. Registered
 * between the classroom and the gateway plugins.
 *
 * Why the final save cannot simply wait for the HTTP server to close:
 * socket.io's close waits for it, and the server waits for every
 * connection, so one hung client held the save back until the process was
 * killed. The save therefore starts as soon as the transports are closed,
 * while the gateway is still waiting, and the cut after it lets that wait end.
 */
export default fp(
  async (app) => {
    const open = new Set<Socket>();
    app.server.on('connection', (socket: Socket) => {
      open.add(socket);
      socket.once('close', () => open.delete(socket));
    });

    let closing: Promise<void> | null = null;
    const saveThenCut = async () => {
      // the preClose hooks after this one (the gateway's) run before the next turn of the event loop
      await new Promise((resolve) => setImmediate(resolve));
      for (const started = Date.now(); app.gateway.socketCount() > 0 && Date.now() - started < TRANSPORTS_CLOSED_WAIT_MS; ) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      try {
        await app.playroom.finalSave();
        // ended, not necessarily stored: a write the database refused until the end is logged as it failed
        app.log.info({ sessions: app.playroom.registry.sessionCount() }, 'final save ended');
      } finally {
        app.log.info({ connections: open.size }, 'closing the connections still open');
        app.server.closeAllConnections();
        // upgraded (websocket) connections are not the HTTP server's to close: a client that stopped reading
        // would hold the close handshake for 30 s
        for (const socket of open) socket.destroy();
      }
    };
    app.addHook('preClose', async () => {
      closing = saveThenCut().catch((error: unknown) => app.log.error({ err: error }, 'final save failed'));
    });
    app.addHook('onClose', async () => {
      await closing;
    });
  },
  { name: 'playroom-graceful-close', dependencies: ['playroom-classroom'] },
);
