import { ERROR_CATALOG, type ErrorCode } from '../../core/errors.js';

/**
 * The seeds' sub-reasons of "verify signature error" (seed 001 code 000005,
 * seed 004 code 00001). The SIGNATURE_* catalog messages are those sub-reasons
 * word for word, so both signed faces read them from the catalog; `extra`
 * maps a face's other codes onto a seed wording.
 */
export function signatureSubReason(
  code: ErrorCode,
  extra: Partial<Record<ErrorCode, string>> = {},
): string | undefined {
  const own = extra[code];
  if (own !== undefined) return own;
  if (code === 'QUOTA_EXCEEDED') return ERROR_CATALOG.SIGNATURE_COUNT_LIMIT.message;
  return code.startsWith('SIGNATURE_') ? ERROR_CATALOG[code].message : undefined;
}
