import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { ErrorCode, protocolError } from '@playroom/protocol';
import fp from 'fastify-plugin';
import { sendError } from '../routes/send-error';

const PLACEHOLDER = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Playroom</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>Playroom</h1>
<p>The server is running. The web app is not built yet: run <code>npm start</code> at the repository root
(it builds <code>apps/web</code>), or <code>npm run build --workspace @playroom/web</code>.</p>
<p>API: <code>POST /api/sessions</code>, <code>GET /api/rooms/:code</code>, <code>/healthz</code>, <code>/metrics</code>;
sockets on <code>/socket.io</code>. See docs/PROTOCOL.md.</p>
</body></html>`;

const isApiPath = (url: string) => url.startsWith('/api/') || url === '/api' || url.startsWith('/socket.io');

/**
 * Serves the built web app (apps/web/dist) with an SPA fallback, so
 * /join/ABCDEF loads index.html; a placeholder page when it is not built;
 * JSON 404s under /api (rule REST-5).
 */
export default fp<{ webDist: string }>(
  async (app, { webDist }) => {
    const indexFile = path.join(webDist, 'index.html');
    const built = fs.existsSync(indexFile);
    if (built) {
      await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: ['index.html'] });
    } else {
      app.log.warn({ webDist }, 'web app not built: serving a placeholder page');
    }
    app.setNotFoundHandler((request, reply) => {
      const url = request.url.split('?')[0] ?? '/';
      if (request.method !== 'GET' || isApiPath(url) || path.extname(url) !== '') {
        return sendError(reply, 404, protocolError(ErrorCode.notFound, `no route ${request.method} ${url}`));
      }
      if (built) return reply.type('text/html; charset=utf-8').sendFile('index.html');
      return reply.type('text/html; charset=utf-8').send(PLACEHOLDER);
    });
  },
  { name: 'playroom-web-static' },
);
