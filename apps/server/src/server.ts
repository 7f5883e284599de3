import { buildApp } from './app';
import { readServerOptions } from './config';
import { DatabaseStartError } from './storage/database-wait';
import { requestSerializer } from './security/log-redaction';
import { describePublicUrl } from './public-url';

/** `npm start`: listen on PORT, log the URL to open, shut down cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const options = readServerOptions();
  const app = await buildApp(options, {
    level: options.logLevel,
    // tokens travel in headers and handshakes only; never let a header reach the log
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    // nor a token sent in a query string (SEC-5)
    serializers: { req: requestSerializer },
  });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: pausing training and writing every session');
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  // where sessions are kept; never the database URL, which may carry a password
  const storage = options.databaseUrl ? { storage: 'postgres', schema: options.databaseSchema ?? 'search_path' } : { storage: 'sqlite', dataDir: options.dataDir };
  // and where students' devices reach it, honest when they cannot (HOST=127.0.0.1, no network)
  const publicUrl = app.playroom.publicUrl();
  const line = `Playroom is running: open http://${shownHost}:${port}/ on this computer; ${describePublicUrl(publicUrl)}`;
  if (publicUrl.reachable) app.log.info({ ...storage, publicUrl: publicUrl.origin }, line);
  else app.log.warn({ ...storage, publicUrl: publicUrl.origin }, line);
}

main().catch((error: unknown) => {
  // a start-up the database refuses is said in one line (its message never holds the URL); anything else with its stack
  console.error(error instanceof DatabaseStartError ? error.message : error);
  process.exit(1);
});
