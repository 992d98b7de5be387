import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hasRole, type Principal } from '../../core/auth/types.js';
import { VigilError } from '../../core/errors.js';
import type { Job } from '../../core/jobs/types.js';
import { createTargetPolicy } from '../../core/net/target-policy.js';
import type { VigilRuntime } from '../../core/runtime-types.js';
import { WebhookDispatcher, type WebhookEvent } from '../../core/webhooks/dispatcher.js';
import { type Entity, EntityGraph, type Relation } from '../../engines/host/graph/entity-graph.js';
import { ENTITY_TYPES, entityId, isEntityId } from '../../engines/host/graph/entity-id.js';
import { scanToStix } from '../../engines/host/graph/stix.js';
import type { HostScanResult } from '../../engines/host/types.js';
import type { FaceOptions } from '../faces.js';
import { authenticateTw } from './auth.js';
import { sendTwError } from './errors.js';

export const INGEST_PREFIX = '/api/ingest/v1';
export const ANALYTICS_PREFIX = '/api/analytics/v1';

const scanBodySchema = z.object({
  target: z.string().trim().min(1, 'target is required').max(260),
  webhook: z
    .object({
      url: z.string().min(1, 'webhook.url is required').max(2048),
      headers: z
        .array(z.object({ key: z.string().min(1), value: z.string() }))
        .max(20)
        .optional(),
    })
    .optional(),
});

const pageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(10),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

const relationsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(10),
  levels: z.coerce.number().int().min(1).max(3).default(1),
});

const searchSchema = pageSchema.extend({
  type: z.enum(ENTITY_TYPES).optional(),
  /** Substring of the entity value. */
  value: z.string().max(512).optional(),
  attributes: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String))
    .optional(),
});

type TwStatus = 'new' | 'queued' | 'running' | 'done' | 'failed';

/** Job state → the vendor's task status (`new` only on the 202 that created the task). */
export function taskStatus(job: Job): TwStatus {
  switch (job.state) {
    case 'new':
    case 'queued':
      return 'queued';
    case 'running':
      return 'running';
    case 'done':
      return 'done';
    default:
      return 'failed';
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? first.path.join('.') : what;
    throw new VigilError('VALIDATION_FAILED', `${where}: ${first?.message ?? 'invalid'}`, {
      details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    });
  }
  return parsed.data;
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

function taskView(job: Job) {
  const result = job.state === 'done' ? (job.result as HostScanResult | null) : null;
  return {
    id: job.id,
    status: taskStatus(job),
    target: job.target,
    progress: job.progress,
    step: job.step,
    createdAt: iso(job.createdAt),
    updatedAt: iso(job.updatedAt),
    finishedAt: iso(job.finishedAt),
    ...(job.state === 'failed' ? { error: { code: job.failureCode, message: job.failureMessage } } : {}),
    ...(result
      ? {
          summary: result.summary,
          entity: entityId('target', result.target),
        }
      : {}),
  };
}

function entityView(e: Entity) {
  return {
    id: e.id,
    type: e.type,
    value: e.value,
    attributes: e.attributes,
    firstSeen: iso(e.firstSeen),
    lastSeen: iso(e.lastSeen),
    seenCount: e.seenCount,
  };
}

function relationView(r: Relation & { level?: number }) {
  return {
    id: r.id,
    entityID: r.entityID,
    relatedEntityID: r.relatedEntityID,
    label: r.label,
    mode: r.mode,
    attributes: r.attributes,
    firstSeen: iso(r.firstSeen),
    lastSeen: iso(r.lastSeen),
    seenCount: r.seenCount,
    ...(r.level !== undefined ? { level: r.level } : {}),
  };
}

/** The completion event posted to webhooks (Standard Webhooks payload: type, timestamp, data). */
export function completionEvent(job: Job): WebhookEvent {
  const result = job.state === 'done' ? (job.result as HostScanResult | null) : null;
  return {
    type: job.state === 'done' ? 'scan.completed' : 'scan.failed',
    data: {
      id: job.id,
      status: taskStatus(job),
      target: job.target,
      finishedAt: iso(job.finishedAt),
      ...(result
        ? {
            summary: result.summary,
            openPorts: result.ports.map((p) => ({
              address: p.address,
              port: p.port,
              service: p.service?.name ?? null,
              product: p.service?.product ?? null,
              version: p.service?.version ?? null,
              tls: p.tls !== null,
            })),
            findings: result.findings.map((f) => ({
              id: f.id,
              severity: f.severity,
              port: f.port,
              message: f.message,
            })),
            entity: entityId('target', result.target),
          }
        : {}),
      ...(job.state === 'failed' ? { error: { code: job.failureCode, message: job.failureMessage } } : {}),
      links: {
        task: `${INGEST_PREFIX}/scan/${job.id}`,
        stix: `${INGEST_PREFIX}/scan/${job.id}/stix`,
        ...(result
          ? { entity: `${ANALYTICS_PREFIX}/entity/${entityId('target', result.target)}/details` }
          : {}),
      },
    },
  };
}

async function ownedHostJob(runtime: VigilRuntime, principal: Principal, id: string): Promise<Job> {
  const job = await runtime.jobs.get(id);
  // Other apps' tasks are reported as missing, not forbidden: ids must not be probeable.
  if (job?.kind !== 'host' || (job.ownerAppId !== principal.appId && !hasRole(principal, 'admin'))) {
    throw new VigilError('NOT_FOUND', `No scan task ${id}`);
  }
  return job;
}

/** The ThreatWinds-compatible ingest face and the analytics API over the host entity graph. */
export const threatwindsPlugin: FastifyPluginAsync<FaceOptions> = async (app, { runtime }) => {
  const policy = createTargetPolicy(runtime.config.targetPolicy);
  const graph = new EntityGraph(runtime.db);
  const webhooks = new WebhookDispatcher({
    db: runtime.db,
    policy,
    settings: runtime.config.webhooks,
    jobs: runtime.jobs,
    logger: runtime.logger.child({ component: 'webhooks' }),
    now: () => runtime.now(),
    eventFor: completionEvent,
    secrets: runtime.secrets,
  });
  app.addHook('onReady', async () => webhooks.start());
  app.addHook('onClose', async () => webhooks.stop());
  app.setErrorHandler(async (err, request, reply) => sendTwError(request, reply, err));

  const handle =
    (fn: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        return await fn(request, reply);
      } catch (err) {
        return sendTwError(request, reply, err);
      }
    };
  const tags = ['threatwinds'];
  // Two prefixed scopes so unknown paths under either prefix also get the vendor's error headers.
  const scoped = (register: (scope: typeof app) => void) => async (scope: typeof app) => {
    scope.setNotFoundHandler(async (request, reply) =>
      sendTwError(request, reply, new VigilError('NOT_FOUND')),
    );
    register(scope);
  };

  await app.register(
    scoped((app) => {
      app.post(
        `/scan`,
        { schema: { tags, summary: 'Schedule a host scan (ThreatWinds-compatible)' } },
        handle(async (request, reply) => {
          const principal = await authenticateTw(request, runtime.auth, ['reporter']);
          const body = parse(scanBodySchema, request.body, 'body');
          const webhook = body.webhook
            ? { url: body.webhook.url, headers: body.webhook.headers ?? [] }
            : undefined;
          // The webhook URL passes the same policy as scan targets, before anything is queued.
          if (webhook) await webhooks.validate(webhook.url, webhook.headers);
          const { job, created } = await runtime.jobs.submit({
            kind: 'host',
            target: body.target,
            ownerAppId: principal.appId,
          });
          if (webhook) await webhooks.subscribe({ jobId: job.id, owner: principal.appId, ...webhook });
          if (created) return reply.status(202).send({ id: job.id, status: 'new' });
          return reply.status(200).send({ id: job.id, status: taskStatus(job) });
        }),
      );

      app.get(
        `/scan/:id`,
        { schema: { tags, summary: 'Status of a scan task' } },
        handle(async (request) => {
          const principal = await authenticateTw(request, runtime.auth, ['reporter', 'viewer']);
          const job = await ownedHostJob(runtime, principal, (request.params as { id: string }).id);
          return taskView(job);
        }),
      );

      app.get(
        `/scan/:id/stix`,
        { schema: { tags, summary: 'The scan as a STIX 2.1 bundle' } },
        handle(async (request, reply) => {
          const principal = await authenticateTw(request, runtime.auth, ['reporter', 'viewer']);
          const job = await ownedHostJob(runtime, principal, (request.params as { id: string }).id);
          if (job.state !== 'done' || !job.result) {
            throw new VigilError(
              'VALIDATION_FAILED',
              `Scan task ${job.id} is ${taskStatus(job)}; the bundle exists once it is done`,
            );
          }
          reply.header('content-type', 'application/stix+json;version=2.1');
          return scanToStix(job.id, job.result as HostScanResult);
        }),
      );

      app.get(
        `/scan/:id/webhooks`,
        { schema: { tags, summary: 'Webhook delivery log of a scan task' } },
        handle(async (request) => {
          const principal = await authenticateTw(request, runtime.auth, ['reporter', 'viewer']);
          const job = await ownedHostJob(runtime, principal, (request.params as { id: string }).id);
          return {
            items: await webhooks.deliveries(job.id),
            waiting: await webhooks.pendingSubscriptions(job.id),
          };
        }),
      );

      app.get(
        `/webhook-secret`,
        { schema: { tags, summary: 'The secret that signs this app’s webhooks (whsec_...)' } },
        handle(async (request) => {
          const principal = await authenticateTw(request, runtime.auth, ['reporter']);
          return { secret: await webhooks.secretFor(principal.appId), scheme: 'standard-webhooks-v1' };
        }),
      );

      app.post(
        `/webhook-secret/rotate`,
        { schema: { tags, summary: 'Replace this app’s webhook signing secret' } },
        handle(async (request) => {
          const principal = await authenticateTw(request, runtime.auth, ['reporter']);
          return { secret: await webhooks.rotateSecret(principal.appId), scheme: 'standard-webhooks-v1' };
        }),
      );
    }),
    { prefix: INGEST_PREFIX },
  );

  const entityParam = (request: FastifyRequest): string => {
    const id = (request.params as { id: string }).id;
    if (!isEntityId(id))
      throw new VigilError('VALIDATION_FAILED', `"${id}" is not an entity id (<type>-<sha3-256 hex>)`);
    return id;
  };

  const search = async (input: unknown) => {
    const query = parse(searchSchema, input, 'query');
    const page = await graph.search({
      ...(query.type ? { type: query.type } : {}),
      ...(query.value ? { q: query.value } : {}),
      ...(query.attributes ? { attributes: query.attributes } : {}),
      limit: query.limit,
      page: query.page,
    });
    return { items: page.items.map(entityView), pages: page.pages, results: page.results };
  };

  await app.register(
    scoped((app) => {
      app.get(
        `/entity/:id/details`,
        { schema: { tags, summary: 'One entity with its attributes and first/last seen' } },
        handle(async (request) => {
          await authenticateTw(request, runtime.auth, ['viewer', 'reporter']);
          const entity = await graph.get(entityParam(request));
          if (!entity) throw new VigilError('NOT_FOUND', 'No such entity');
          return entityView(entity);
        }),
      );

      app.get(
        `/entity/:id/relations`,
        { schema: { tags, summary: 'Relations around an entity, depth-limited (levels 1-3)' } },
        handle(async (request) => {
          await authenticateTw(request, runtime.auth, ['viewer', 'reporter']);
          const id = entityParam(request);
          const query = parse(relationsQuerySchema, request.query, 'query');
          const view = await graph.relations(id, query);
          if (!view) throw new VigilError('NOT_FOUND', 'No such entity');
          return {
            entity: entityView(view.entity),
            items: view.relations.map(relationView),
            results: view.relations.length,
            entities: view.entities.map(entityView),
          };
        }),
      );

      app.get(
        `/entities/search`,
        { schema: { tags, summary: 'Search entities by type, value and attributes (attr.<name>=<value>)' } },
        handle(async (request) => {
          await authenticateTw(request, runtime.auth, ['viewer', 'reporter']);
          const raw = (request.query ?? {}) as Record<string, string>;
          const attributes = Object.fromEntries(
            Object.entries(raw)
              .filter(([k]) => k.startsWith('attr.'))
              .map(([k, v]) => [k.slice(5), v]),
          );
          const rest = Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith('attr.')));
          return search({ ...rest, ...(Object.keys(attributes).length ? { attributes } : {}) });
        }),
      );

      app.post(
        `/entities/search`,
        { schema: { tags, summary: 'Search entities (JSON body: type, value, attributes, limit, page)' } },
        handle(async (request) => {
          await authenticateTw(request, runtime.auth, ['viewer', 'reporter']);
          return search(request.body);
        }),
      );
    }),
    { prefix: ANALYTICS_PREFIX },
  );
};
