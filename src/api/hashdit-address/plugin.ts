import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { VigilError } from '../../core/errors.js';
import type { Job } from '../../core/jobs/types.js';
import { formatAddressTarget, parseAddressTarget } from '../../engines/address/target.js';
import type { AddressScanResult } from '../../engines/address/types.js';
import type { Face, FaceOptions } from '../faces.js';
import { HASHDIT_CODES, toHashditError } from './codes.js';
import type { AddressSecurityEnvelope } from './envelope.js';

export const ADDRESS_SECURITY_PATH = '/api/v1/address-security';

/** chain_id is an int in the seed; a numeric string is accepted too (the published signing example sends "56"). */
const bodySchema = z.object({
  chain_id: z.union([z.number().int().positive(), z.string().regex(/^\d{1,12}$/)]).transform(Number),
  address: z.string().min(1),
});

function send(reply: FastifyReply, envelope: AddressSecurityEnvelope): FastifyReply {
  // The code carries the outcome; HTTP stays 200 like the vendor's API, so clients always read the envelope.
  return reply.status(200).header('content-type', 'application/json; charset=utf-8').send(envelope);
}

function sendError(reply: FastifyReply, err: unknown): FastifyReply {
  const { code, message } = toHashditError(err);
  return send(reply, { status: 'ERROR', code, message, data: null });
}

function splitUrl(url: string): { path: string; query: string } {
  const i = url.indexOf('?');
  return i === -1 ? { path: url, query: '' } : { path: url.slice(0, i), query: url.slice(i + 1) };
}

/** The HashDit/AvengerDAO-compatible address-security face. */
export const hashditAddressPlugin: FastifyPluginAsync<FaceOptions> = async (app, { runtime }) => {
  // Finished results are immutable until they age out, so this process keeps the answer it built
  // (skips the store query and the JSON parse of the job result on hot addresses).
  const answers = new AnswerMemo(2_000);
  // Errors raised before the handler (malformed JSON, body too large) keep the vendor envelope.
  app.setErrorHandler(
    async (err: { code?: string; statusCode?: number; message: string }, request, reply) => {
      if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
        return sendError(reply, new VigilError('MALFORMED_JSON'));
      }
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
        return sendError(reply, new VigilError('PAYLOAD_TOO_LARGE'));
      if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
        return sendError(reply, new VigilError('UNSUPPORTED_MEDIA_TYPE'));
      request.log.error({ err }, 'address-security failed');
      return sendError(reply, err);
    },
  );

  app.post(
    ADDRESS_SECURITY_PATH,
    {
      schema: {
        tags: ['address-security'],
        summary: 'Address security (HashDit-compatible, signed requests)',
      },
    },
    async (request: FastifyRequest, reply: FastifyReply) => {
      const { path, query } = splitUrl(request.url);
      let principal: Awaited<ReturnType<typeof runtime.auth.authenticateSigned>>;
      try {
        principal = await runtime.auth.authenticateSigned({
          headers: request.headers,
          method: request.method,
          path,
          query,
          body: request.rawBody ?? '',
        });
      } catch (err) {
        return sendError(reply, err);
      }

      const parsed = bodySchema.safeParse(request.body ?? {});
      if (!parsed.success) {
        const fields = parsed.error.issues.map((i) => i.path.join('.') || 'body').join(', ');
        return sendError(
          reply,
          new VigilError(
            'VALIDATION_FAILED',
            `chain_id (integer) and address (string) are required; check ${fields}`,
          ),
        );
      }
      let target: string;
      try {
        target = formatAddressTarget(parseAddressTarget(`${parsed.data.chain_id}:${parsed.data.address}`));
      } catch (err) {
        return sendError(reply, err);
      }

      try {
        const ttl = runtime.config.address.cacheTtlMs;
        const memo = answers.get(target, runtime.now());
        if (memo) return send(reply, memo);
        const cached = await runtime.jobs.findLatest({
          kind: 'address',
          target,
          maxAgeMs: ttl,
          states: ['done'],
        });
        if (cached?.result) {
          const answer = syncAnswer(cached as Job<AddressScanResult>);
          answers.set(target, answer, cached.createdAt + ttl);
          return send(reply, answer);
        }
        // A scan that failed moments ago is reported (000001) instead of being retried on every poll;
        // after the hold a new request starts a new scan.
        const hold = failureHoldMs(runtime.config.address.pollingIntervalMs);
        const [failed, active] = await Promise.all([
          runtime.jobs.findLatest({ kind: 'address', target, maxAgeMs: hold, states: ['failed'] }),
          runtime.jobs.findLatest({
            kind: 'address',
            target,
            maxAgeMs: ttl,
            states: ['new', 'queued', 'running'],
          }),
        ]);
        if (failed && (!active || active.createdAt < failed.createdAt))
          return send(reply, failedAnswer(failed));
        const { job } = await runtime.jobs.submit(
          { kind: 'address', target, ownerAppId: principal.appId },
          { dedupeWindowMs: Math.min(ttl, runtime.config.jobs.dedupeWindowMs) },
        );
        if (job.state === 'done' && job.result) return send(reply, syncAnswer(job as Job<AddressScanResult>));
        if (job.state === 'failed') return send(reply, failedAnswer(job));
        return send(reply, {
          status: 'OK',
          code: HASHDIT_CODES.OK,
          data: {
            has_result: false,
            polling_interval: runtime.config.address.pollingIntervalMs,
            address_type: null,
            trust_score: -1,
            risk_details: null,
            scanned_ts: Math.floor(runtime.now() / 1000),
          },
        });
      } catch (err) {
        return sendError(reply, err);
      }
    },
  );
};

/** A small LRU of sync answers, each valid until its job leaves the cache window. */
class AnswerMemo {
  private readonly entries = new Map<string, { answer: AddressSecurityEnvelope; expiresAt: number }>();
  constructor(private readonly max: number) {}
  get(key: string, now: number): AddressSecurityEnvelope | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    if (hit.expiresAt <= now) return undefined;
    this.entries.set(key, hit);
    return hit.answer;
  }
  set(key: string, answer: AddressSecurityEnvelope, expiresAt: number): void {
    this.entries.delete(key);
    this.entries.set(key, { answer, expiresAt });
    if (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}

/** How long a failed scan is reported before a request may start a new one. */
export function failureHoldMs(pollingIntervalMs: number): number {
  return Math.max(4 * pollingIntervalMs, 5_000);
}

function failedAnswer(job: Job): AddressSecurityEnvelope {
  return {
    status: 'ERROR',
    code: HASHDIT_CODES.DETECTION_ERROR,
    message: `unknown server error occurred during detection: ${job.failureMessage ?? job.failureCode ?? 'scan failed'}`,
    data: null,
  };
}

function syncAnswer(job: Job<AddressScanResult>): AddressSecurityEnvelope {
  const result = job.result as AddressScanResult;
  return {
    status: 'OK',
    code: HASHDIT_CODES.OK,
    data: {
      has_result: true,
      polling_interval: null,
      address_type: result.address_type,
      trust_score: result.trust_score,
      risk_details: result.risk_details,
      scanned_ts: result.scanned_ts,
    },
  };
}

export const hashditAddressFace: Face = { name: 'hashdit-address', plugin: hashditAddressPlugin };
