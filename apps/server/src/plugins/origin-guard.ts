import { ErrorCode, protocolError } from '@playroom/protocol';
import fp from 'fastify-plugin';
import { sendError } from '../routes/send-error';
import type { OriginPolicy } from '../security/origin-policy';

/** Methods that change nothing: a page of another site may read what anyone may read (and CORS hides the answer). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses REST writes from pages of other sites (rule SEC-1): 403
 * `forbidden` before the body is parsed or anything is created.
 */
export default fp<{ policy: OriginPolicy }>(
  async (app, { policy }) => {
    app.addHook('onRequest', async (request, reply) => {
      if (SAFE_METHODS.has(request.method)) return;
      const origin = request.headers.origin;
      if (policy.allows(origin, request.headers.host)) return;
      return sendError(reply, 403, protocolError(ErrorCode.forbidden, 'requests from this page are not allowed: open Playroom itself'));
    });
  },
  { name: 'playroom-origin-guard' },
);
