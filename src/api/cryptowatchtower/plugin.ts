import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { hasRole } from '../../core/auth/types.js';
import { VigilError } from '../../core/errors.js';
import type { Face, FaceOptions } from '../faces.js';
import { toWatchtowerError } from './errors.js';
import { watchtowerResult } from './view.js';

export const REQUEST_PATH = '/api/v1/external/request/:symbolOrAddress';
export const RESULT_PATH = '/api/v1/external/result/:id';

function fail(reply: FastifyReply, err: unknown): FastifyReply {
  const body = toWatchtowerError(err);
  return reply.status(body.statusCode).send(body);
}

function apiKeyOf(request: FastifyRequest): string | undefined {
  const v = request.headers['x-api-key'];
  const s = Array.isArray(v) ? v[0] : v;
  return s ? s.trim() || undefined : undefined;
}

/** The CryptoWatchtower-compatible token scam / rug-pull job API (seed 002). */
export const cryptowatchtowerPlugin: FastifyPluginAsync<FaceOptions> = async (app, { runtime }) => {
  app.setErrorHandler(async (err: { code?: string; message: string }, request, reply) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return fail(reply, new VigilError('PAYLOAD_TOO_LARGE'));
    if (err.code?.startsWith('FST_ERR_CTP')) return fail(reply, new VigilError('MALFORMED_JSON'));
    request.log.error({ err }, 'cryptowatchtower face failed');
    return fail(reply, err);
  });

  const authenticate = async (request: FastifyRequest) => runtime.auth.authenticateApiKey(apiKeyOf(request));

  app.post<{ Params: { symbolOrAddress: string } }>(
    REQUEST_PATH,
    {
      schema: {
        tags: ['cryptowatchtower'],
        summary: 'Request a token scam / rug-pull scan (CryptoWatchtower-compatible)',
      },
    },
    async (request, reply) => {
      try {
        const principal = await authenticate(request);
        runtime.auth.authorize(principal, 'reporter');
        const target = decodeURIComponent(request.params.symbolOrAddress ?? '');
        const { job } = await runtime.jobs.submit({ kind: 'token', target, ownerAppId: principal.appId });
        return reply.status(200).send({ id: job.id });
      } catch (err) {
        return fail(reply, err);
      }
    },
  );

  app.get<{ Params: { id: string }; Querystring: { details?: string } }>(
    RESULT_PATH,
    { schema: { tags: ['cryptowatchtower'], summary: 'Poll a token scan (active / completed / failed)' } },
    async (request, reply) => {
      try {
        const principal = await authenticate(request);
        const job = await runtime.jobs.get(request.params.id);
        // Another app's job is as invisible as a missing one.
        const visible =
          job && job.kind === 'token' && (job.ownerAppId === principal.appId || hasRole(principal, 'admin'));
        if (!visible) throw new VigilError('JOB_NOT_FOUND', `No result with id ${request.params.id}`);
        const details = request.query.details === 'true' || request.query.details === '1';
        return reply.status(200).send(watchtowerResult(job, { details }));
      } catch (err) {
        return fail(reply, err);
      }
    },
  );
};

export const cryptowatchtowerFace: Face = { name: 'cryptowatchtower', plugin: cryptowatchtowerPlugin };
