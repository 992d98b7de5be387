import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isVigilError, type VigilError } from '../../core/errors.js';
import { fromFastifyError } from '../shared/fastify-errors.js';

/**
 * ThreatWinds errors: the status from the seed's table (400, 401, 403, 404,
 * 500; 429 for rate limits) plus `x-error` (description) and `x-error-id`
 * (unique id, also logged) on every non-2xx. The JSON body repeats both.
 */
export function twStatus(err: VigilError): number {
  switch (err.code) {
    case 'AUTH_MISSING':
    case 'AUTH_INVALID':
    case 'AUTH_REVOKED':
    case 'AUTH_EXPIRED':
      return 401;
    case 'FORBIDDEN_ROLE':
      return 403;
    case 'NOT_FOUND':
    case 'JOB_NOT_FOUND':
      return 404;
    case 'RATE_LIMITED':
    case 'QUOTA_EXCEEDED':
      return 429;
    // A target outside the operator's policy is bad input for this API, not a missing role.
    case 'TARGET_DENIED':
    case 'INVALID_TARGET':
    case 'AUTH_AMBIGUOUS':
      return 400;
  }
  if (err.status >= 500) return 500;
  if (err.status === 401 || err.status === 403 || err.status === 404 || err.status === 429) return err.status;
  return 400;
}

function headerSafe(text: string): string {
  // Header values must be one line of visible ASCII.
  return (
    text
      .replace(/[^\x20-\x7e]+/g, ' ')
      .trim()
      .slice(0, 512) || 'error'
  );
}

export function sendTwError(request: FastifyRequest, reply: FastifyReply, thrown: unknown): FastifyReply {
  const err = isVigilError(thrown) ? thrown : fromFastifyError(thrown);
  const status = twStatus(err);
  const errorId = randomUUID();
  const message =
    status === 500 ? 'Internal server error; please contact support with the error id' : err.message;
  if (status === 500) request.log.error({ err: thrown, errorId }, 'threatwinds request failed');
  else request.log.info({ code: err.code, errorId }, 'threatwinds request rejected');
  return reply
    .status(status)
    .header('x-error', headerSafe(message))
    .header('x-error-id', errorId)
    .send({ error: message, code: err.code, errorId });
}
