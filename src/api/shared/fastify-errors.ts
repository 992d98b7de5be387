import type { FastifyError } from 'fastify';
import { isVigilError, toVigilError, VigilError } from '../../core/errors.js';

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Normalizes anything a route or Fastify itself throws into a VigilError with a stable code. */
export function fromFastifyError(err: unknown): VigilError {
  if (isVigilError(err)) return err;
  const fe = err as Partial<FastifyError> & { validation?: ValidationIssue[]; validationContext?: string };
  if (fe.validation) {
    const issues = fe.validation.map((v) => ({
      path: `${fe.validationContext ?? 'body'}${v.instancePath ?? ''}`,
      message: v.message ?? 'invalid',
    }));
    const first = issues[0];
    return new VigilError('VALIDATION_FAILED', first ? `${first.path}: ${first.message}` : undefined, {
      details: { issues },
    });
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new VigilError('MALFORMED_JSON', fe.message);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new VigilError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new VigilError('UNSUPPORTED_MEDIA_TYPE', fe.message);
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    if (fe.statusCode === 404) return new VigilError('NOT_FOUND', fe.message);
    if (fe.statusCode === 413) return new VigilError('PAYLOAD_TOO_LARGE');
    return new VigilError('VALIDATION_FAILED', fe.message);
  }
  return toVigilError(err);
}
