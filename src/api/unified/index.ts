import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../../core/auth/types.js';
import { hasRole } from '../../core/auth/types.js';
import { VigilError } from '../../core/errors.js';
import type { Job, JsonValue } from '../../core/jobs/types.js';
import { JOB_STATES } from '../../core/jobs/types.js';
import type { FaceOptions } from '../faces.js';
import { authenticateHeaders } from '../shared/request-auth.js';
import { scanView } from './views.js';

const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValue),
    z.record(z.string(), jsonValue),
  ]),
);

const scanSchema = z.object({
  id: z.string(),
  kind: z.string(),
  target: z.string(),
  options: z.record(z.string(), z.unknown()),
  state: z.enum(JOB_STATES),
  progress: z.number(),
  step: z.string().nullable(),
  attempts: z.number(),
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
  result: z.unknown().optional(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
    requestId: z.string(),
  }),
});

const createBody = z.object({
  kind: z.string().min(1).max(32).describe('Engine kind: contract, address, token, host, url'),
  target: z.string().min(1).max(4096).describe('What to scan; its form depends on the kind'),
  options: z.record(z.string(), jsonValue).optional().describe('Engine options'),
});

const idParams = z.object({ id: z.string().min(1).max(64) });

const listQuery = z.object({
  kind: z.string().optional(),
  state: z.enum(JOB_STATES).optional(),
  target: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().optional(),
});

const security: Record<string, string[]>[] = [{ bearer: [] }, { apiKey: [] }];

/**
 * The unified scan API: one resource (`/v1/scans`) for every engine kind.
 * Auth: Bearer token, x-api-key, or api-key + api-secret. Reporters submit
 * and see their own scans; viewers and admins see all scans.
 */
export const unifiedApi: FastifyPluginAsync<FaceOptions> = async (instance, { runtime }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const authenticate = (request: FastifyRequest): Promise<Principal> =>
    authenticateHeaders(request, runtime.auth, ['bearer', 'api_key', 'key_secret']);

  const canSee = (principal: Principal, job: Job): boolean =>
    hasRole(principal, 'viewer') || job.ownerAppId === principal.appId;

  const loadVisible = async (principal: Principal, id: string): Promise<Job> => {
    const job = await runtime.jobs.get(id);
    // Someone else's scan is reported as absent, not forbidden: ids are not an oracle.
    if (!job || !canSee(principal, job))
      throw new VigilError('JOB_NOT_FOUND', undefined, { details: { id } });
    return job;
  };

  app.post(
    '/scans',
    {
      schema: {
        summary: 'Submit a scan',
        description:
          'Creates a scan job (202). An identical scan by the same app within the dedupe window is returned instead (200).',
        tags: ['scans'],
        security,
        body: createBody,
        response: {
          200: scanSchema,
          202: scanSchema,
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const principal = await authenticate(request);
      runtime.auth.authorize(principal, 'reporter');
      const { kind, target, options } = request.body;
      const { job, created } = await runtime.jobs.submit({
        kind,
        target,
        options: options ?? {},
        ownerAppId: principal.appId,
      });
      return reply.status(created ? 202 : 200).send(scanView(job));
    },
  );

  app.get(
    '/scans',
    {
      schema: {
        summary: 'List scans',
        tags: ['scans'],
        security,
        querystring: listQuery,
        response: {
          200: z.object({ scans: z.array(scanSchema), next: z.string().nullable() }),
          401: errorSchema,
        },
      },
    },
    async (request) => {
      const principal = await authenticate(request);
      if (!hasRole(principal, 'viewer')) runtime.auth.authorize(principal, 'reporter');
      const q = request.query;
      const { jobs, next } = await runtime.jobs.list({
        kind: q.kind,
        state: q.state,
        target: q.target,
        limit: q.limit,
        before: q.cursor,
        ownerAppId: hasRole(principal, 'viewer') ? undefined : principal.appId,
      });
      return { scans: jobs.map((j) => scanView(j, false)), next };
    },
  );

  app.get(
    '/scans/:id',
    {
      schema: {
        summary: 'Get a scan (with its result once done)',
        tags: ['scans'],
        security,
        params: idParams,
        response: { 200: scanSchema, 401: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const principal = await authenticate(request);
      if (!hasRole(principal, 'viewer')) runtime.auth.authorize(principal, 'reporter');
      return scanView(await loadVisible(principal, request.params.id));
    },
  );

  const cancel = async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const principal = await authenticate(request);
    runtime.auth.authorize(principal, 'reporter');
    const job = await loadVisible(principal, request.params.id);
    if (job.ownerAppId !== principal.appId && !hasRole(principal, 'admin')) {
      throw new VigilError('FORBIDDEN_ROLE', 'Only the submitting app or an admin can cancel a scan.');
    }
    return scanView(await runtime.jobs.cancel(job.id));
  };
  const cancelSchema = {
    summary: 'Cancel a scan',
    tags: ['scans'],
    security,
    params: idParams,
    response: { 200: scanSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
  };
  app.post('/scans/:id/cancel', { schema: cancelSchema }, cancel);
  app.delete('/scans/:id', { schema: cancelSchema }, cancel);

  app.get(
    '/engines',
    {
      schema: {
        summary: 'List the scan kinds this server runs',
        tags: ['scans'],
        response: { 200: z.object({ engines: z.array(z.object({ kind: z.string(), title: z.string() })) }) },
      },
    },
    async () => ({ engines: [...runtime.engines.values()].map((e) => ({ kind: e.kind, title: e.title })) }),
  );
};
