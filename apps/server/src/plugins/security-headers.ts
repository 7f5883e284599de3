import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

/**
 * Browser hardening headers on every reply (rule SEC-2), by @fastify/helmet:
 * a Content-Security-Policy the built web app passes, nosniff, no framing,
 * no referrer beyond this origin.
 */
export default fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // React's style= attributes (positions, colours of the playground) are inline styles
          styleSrc: ["'self'", "'unsafe-inline'"],
          // the favicon is a data: SVG; heatmaps are drawn on canvases, exported as data:/blob: images
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          // socket.io on this same origin: CSP 3 'self' covers ws:/wss: to the same host, and nothing else
          connectSrc: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'same-origin' },
      // plain http on a school LAN is normal: HSTS would lock browsers out of the http:// address
      strictTransportSecurity: false,
      // the app loads nothing cross-origin, but a school proxy may inject resources; COEP would break them for no gain
      crossOriginEmbedderPolicy: false,
      // on plain http to a LAN address Chromium ignores COOP and logs an error in every student's console;
      // the app opens no popups, so the header buys nothing there
      crossOriginOpenerPolicy: false,
    });
  },
  { name: 'playroom-security-headers' },
);
