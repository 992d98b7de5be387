import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { createMetrics, type Metrics } from '../core/metrics.js';
import type { VigilRuntime } from '../core/runtime-types.js';
import { FACES, type Face } from './faces.js';
import { healthRoutes } from './health.js';
import { fromFastifyError } from './shared/fastify-errors.js';
import { unifiedApi } from './unified/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as received (signature checks need it). */
    rawBody?: string;
  }
}

export interface BuildAppOptions {
  metrics?: Metrics;
  /** Faces to mount; defaults to every registered face. */
  faces?: readonly Face[];
  /** Serve the Swagger UI page at /docs (default true). */
  docsUi?: boolean;
}

/**
 * The HTTP server with every dependency injected. Tests drive it with
 * `app.inject()`; `vigil serve` calls `listen`.
 */
export async function buildApp(
  runtime: VigilRuntime,
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  const { config } = runtime;
  const tls = config.server.tls;
  const app = Fastify({
    // TLS when configured (wss:// for the WebSocket face follows); plain HTTP on loopback by default.
    ...(tls ? { https: { cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) } } : {}),
    // Per-request access logs are left to the proxy in front; the server logs warnings and errors.
    loggerInstance: runtime.logger.child({ component: 'http' }, { level: 'warn' }),
    bodyLimit: config.server.bodyLimit,
    trustProxy: config.server.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Keep the raw body for signature verification, then parse it ourselves.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    request.rawBody = text;
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      const err = Object.assign(new Error('The request body is not valid JSON.'), {
        code: 'FST_ERR_CTP_INVALID_JSON_BODY',
        statusCode: 400,
      });
      done(err, undefined);
    }
  });

  const metrics = options.metrics ?? createMetrics({ defaultMetrics: false });
  metrics.watchJobCounts(async () => {
    const rows = await runtime.db.query<{ kind: string; state: string; count: number }>(
      'SELECT kind, state, COUNT(*) AS count FROM jobs GROUP BY kind, state',
    );
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    if (reply.statusCode >= 500) request.log.warn({ route, status: reply.statusCode }, 'request failed');
  });

  app.setErrorHandler(async (err, request, reply) => {
    const error = fromFastifyError(err);
    if (error.status >= 500) request.log.error({ err }, 'unhandled error');
    return reply.status(error.status).send({ error: { ...error.toJSON(), requestId: request.id } });
  });
  app.setNotFoundHandler(async (request, reply) => {
    return reply.status(404).send({
      error: {
        code: 'NOT_FOUND',
        message: `No route ${request.method} ${request.url.split('?')[0]}`,
        requestId: request.id,
      },
    });
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Vigil API',
        version: '0.1.0',
        description:
          'Self-hosted threat scanning. The unified API (/v1/scans) covers every engine; vendor-compatible faces follow their vendors.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  if (options.docsUi ?? true) await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, { runtime });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  await app.register(unifiedApi, { runtime, prefix: '/v1' });
  for (const face of options.faces ?? FACES) await app.register(face.plugin, { runtime });
  // The zod type provider and pino logger types are internal to this builder.
  return app as unknown as FastifyInstance;
}
