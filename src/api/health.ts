import type { FastifyPluginAsync } from 'fastify';
import type { FaceOptions } from './faces.js';

/** Liveness answers while the process runs; readiness checks the store and the queue. */
export const healthRoutes: FastifyPluginAsync<FaceOptions> = async (app, { runtime }) => {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const checks: Record<string, string> = {};
    try {
      await runtime.db.one('SELECT 1 AS ok');
      checks.store = 'ok';
    } catch (err) {
      checks.store = (err as Error).message;
    }
    try {
      await runtime.queue.depth();
      checks.queue = 'ok';
    } catch (err) {
      checks.queue = (err as Error).message;
    }
    const ready = Object.values(checks).every((v) => v === 'ok');
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not-ready', checks });
  });
};
