import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Job } from '../../core/jobs/types.js';
import { isUrlEngine, type UrlScanResult } from '../../engines/url/index.js';
import type { Face, FaceOptions } from '../faces.js';
import { signedRequestOf } from '../shared/request-auth.js';
import { detectionError, URL_API_CODES, verificationError } from './codes.js';
import type { UrlDetectEnvelope } from './envelope.js';

export const DETECT_URL_PATH = '/security-api/public/chain/v1/detect/url';
/** Suggested wait before polling again while content and RDAP checks run. */
export const POLLING_INTERVAL_MS = 2_000;
/** How long a failed detection is reported before the next request tries again. */
const FAILURE_MEMORY_MS = 60_000;

function send(reply: FastifyReply, envelope: UrlDetectEnvelope): FastifyReply {
  // HTTP 200 always: the vendor's clients read status/code from the envelope.
  return reply.status(200).header('content-type', 'application/json; charset=utf-8').send(envelope);
}

function answer(requestId: string, r: UrlScanResult, final: boolean): UrlDetectEnvelope {
  return {
    status: 'OK',
    code: URL_API_CODES.OK,
    ...(r.valid ? {} : { message: `invalid url: ${r.message ?? ''}` }),
    data: {
      request_id: requestId,
      has_result: final,
      polling_interval: final ? null : POLLING_INTERVAL_MS,
      risk_level: r.riskLevel,
      risk_detail: r.riskDetail,
    },
  };
}

/** Whether the fast checks already settle the answer, so no page fetch or RDAP job is needed. */
function settledByFastChecks(r: UrlScanResult, official: boolean): boolean {
  if (!r.valid || r.feeds.allowed || official) return true;
  // A feed report at level 4-5 is a verdict slow checks can only confirm.
  return r.checks.some(
    (c) => c.stage === 'fast' && c.id !== 'similarity_detection' && c.status === 'triggered' && c.level >= 4,
  );
}

/** The HashDit-compatible dApp URL analysis face (seed 004). */
export const hashditUrlPlugin: FastifyPluginAsync<FaceOptions> = async (app, { runtime }) => {
  const engine = runtime.engines.get('url');

  // Errors raised before the handler (malformed JSON, wrong content type, too large) keep the envelope:
  // the signature is still verified first, then the input is answered as invalid (risk_level -1).
  app.setErrorHandler(async (err: { code?: string; message: string }, request, reply) => {
    try {
      await runtime.auth.authenticateSigned(signedRequestOf(request));
    } catch (authErr) {
      return send(reply, { status: 'ERROR', ...verificationError(authErr), data: null });
    }
    const parseError = err.code?.startsWith('FST_ERR_CTP_');
    if (parseError) {
      return send(reply, {
        status: 'OK',
        code: URL_API_CODES.OK,
        message: `invalid url: the body must be JSON {"url": "..."} (${err.message})`,
        data: {
          request_id: request.id,
          has_result: true,
          polling_interval: null,
          risk_level: -1,
          risk_detail: [],
        },
      });
    }
    request.log.error({ err }, 'detect/url failed');
    return send(reply, { status: 'ERROR', ...detectionError(), data: null });
  });

  app.post(
    DETECT_URL_PATH,
    { schema: { tags: ['url'], summary: 'dApp URL analysis (HashDit-compatible, signed requests)' } },
    async (request: FastifyRequest, reply: FastifyReply) => {
      let principal: Awaited<ReturnType<typeof runtime.auth.authenticateSigned>>;
      try {
        principal = await runtime.auth.authenticateSigned(signedRequestOf(request));
      } catch (err) {
        return send(reply, { status: 'ERROR', ...verificationError(err), data: null });
      }
      if (!isUrlEngine(engine))
        return send(reply, {
          status: 'ERROR',
          ...detectionError('the url engine is not registered'),
          data: null,
        });
      const body = request.body as { url?: unknown } | undefined;
      const url = typeof body === 'object' && body !== null ? body.url : undefined;
      try {
        await engine.analyzer.ready();
        const quick = engine.analyzer.quick(typeof url === 'string' ? url : '');
        if (typeof url !== 'string') {
          return send(
            reply,
            answer(
              request.id,
              { ...quick, message: 'the body must be JSON {"url": "<url or domain>"}' },
              true,
            ),
          );
        }
        const official =
          quick.valid &&
          quick.host !== null &&
          engine.analyzer.similarity.officialBrand({ host: quick.host, domain: quick.domain }) !== undefined;
        if (settledByFastChecks(quick, official)) return send(reply, answer(request.id, quick, true));
        const target = quick.target as string;
        const cacheMs = runtime.config.jobs.dedupeWindowMs;
        const latest = await runtime.jobs.findLatest({
          kind: 'url',
          target,
          maxAgeMs: cacheMs,
          states: ['done', 'failed', 'new', 'queued', 'running'],
        });
        if (latest?.state === 'done' && latest.result)
          return send(reply, answer(latest.id, latest.result as UrlScanResult, true));
        // A recent failure is reported (00003) so polling clients stop; later requests try again.
        if (
          latest?.state === 'failed' &&
          runtime.now() - (latest.finishedAt ?? latest.updatedAt) < FAILURE_MEMORY_MS
        ) {
          return send(reply, {
            status: 'ERROR',
            ...detectionError(latest.failureMessage ?? latest.failureCode ?? undefined),
            data: null,
          });
        }
        if (latest && latest.state !== 'done' && latest.state !== 'failed')
          return send(reply, answer(latest.id, quick, false));
        const { job } = await runtime.jobs.submit(
          { kind: 'url', target, ownerAppId: principal.appId },
          { dedupeWindowMs: cacheMs },
        );
        if (job.state === 'done' && job.result)
          return send(reply, answer(job.id, (job as Job<UrlScanResult>).result as UrlScanResult, true));
        return send(reply, answer(job.id, quick, false));
      } catch (err) {
        request.log.error({ err }, 'detect/url failed');
        return send(reply, { status: 'ERROR', ...detectionError((err as Error).message), data: null });
      }
    },
  );
};

export const hashditUrlFace: Face = { name: 'hashdit-url', plugin: hashditUrlPlugin };
