import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorCode, PROTOCOL_LIMITS, protocolError } from '@playroom/protocol';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { DEFAULT_OPTIONS, type ServerOptions } from './config';
import classroomPlugin from './plugins/classroom';
import clusterPlugin from './plugins/cluster';
import gracefulClosePlugin from './plugins/graceful-close';
import originGuardPlugin from './plugins/origin-guard';
import securityHeadersPlugin from './plugins/security-headers';
import socketGatewayPlugin from './plugins/socket-gateway';
import webStaticPlugin from './plugins/web-static';
import healthRoutes from './routes/health';
import roomRoutes from './routes/rooms';
import sessionRoutes from './routes/sessions';
import { clientErrorHandler, frameworkErrors } from './routes/framework-errors';
import { sendError } from './routes/send-error';
import { waitForDatabase } from './storage/database-wait';
import { waitForRedis } from './cluster/redis-connection';
import { originPolicy } from './security/origin-policy';
import { TokenGuard } from './security/token-guard';

declare module 'fastify' {
  interface FastifyInstance {
    /** wrong REST tokens per address (SEC-4), shared by the export and /metrics */
    tokenGuard: TokenGuard;
  }
}

/**
 * Build the whole server from its plugins (fastify/demo style); `server.ts`
 * listens. Tests build it on an ephemeral port with their own data dir.
 */
export async function buildApp(
  overrides: Partial<ServerOptions> = {},
  logger: FastifyServerOptions['logger'] = false,
): Promise<FastifyInstance> {
  const options: ServerOptions = { ...DEFAULT_OPTIONS, ...overrides };
  const app = Fastify({
    logger,
    bodyLimit: PROTOCOL_LIMITS.maxMessageBytes,
    // a hop count, never `true`: trusting every hop would take the client's own X-Forwarded-For entry
    trustProxy: options.trustProxy > 0 ? (_address: string, hop: number) => hop < options.trustProxy : false,
    forceCloseConnections: true,
    // a request whose headers and body do not all arrive in time is answered 408 and closed (REST-7),
    // checked every quarter of that (at most 5 s) instead of Node's 30 s
    requestTimeout: options.requestTimeoutMs,
    http: {
      requestTimeout: options.requestTimeoutMs,
      headersTimeout: Math.min(60_000, options.requestTimeoutMs),
      connectionsCheckingInterval: Math.min(5000, Math.max(250, options.requestTimeoutMs / 4)),
    },
    // every refusal fastify or Node's parser makes itself, in the protocol's error body too (REST-7)
    frameworkErrors,
    clientErrorHandler,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  app.setErrorHandler((error: Error & { validation?: unknown; statusCode?: number }, request, reply) => {
    if (error.validation) {
      return sendError(reply, 400, protocolError(ErrorCode.badRequest, error.message));
    }
    const status = error.statusCode ?? 500;
    if (status < 500) return sendError(reply, status, protocolError(ErrorCode.badRequest, error.message));
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, 500, protocolError(ErrorCode.internal, 'the server failed to answer'));
  });

  // a database not up yet (a reboot, compose starting both) is waited for with one log line, not a crash;
  // before any plugin, so nothing listens, restores or accepts a class meanwhile (and no plugin timeout runs)
  if (options.databaseUrl) await waitForDatabase(options.databaseUrl, app.log);
  // the same for Redis with many processes: a process without it could not know which classes are its own
  if (options.redisUrl) await waitForRedis(options.redisUrl, app.log);

  app.decorate('tokenGuard', new TokenGuard(options.tokenRate.perMinute, options.tokenRate.burst));
  await app.register(securityHeadersPlugin);
  await app.register(originGuardPlugin, { policy: originPolicy(options.allowedOrigins) });
  await app.register(classroomPlugin, { server: options });
  await app.register(clusterPlugin);
  // its preClose must come before the gateway's (hooks run in the order they were added)
  await app.register(gracefulClosePlugin);
  await app.register(socketGatewayPlugin);
  await app.register(healthRoutes);
  await app.register(roomRoutes);
  await app.register(sessionRoutes);
  await app.register(webStaticPlugin, { webDist: options.webDist });
  return app;
}
