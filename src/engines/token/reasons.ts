import { VigilError } from '../../core/errors.js';

/**
 * Why a token scan failed, as the CryptoWatchtower face reports it in `reason`
 * (docs/api/cryptowatchtower.md lists them). The engine puts the reason first in the
 * failure message (`<reason>: <details>`), so it survives the job store unchanged.
 */
export const FAILURE_REASONS = {
  'token-not-found': 'No ERC-20 token at this address on any configured chain, or no token with this symbol.',
  'no-chain-configured': 'Vigil has no EVM chain configured to look the token up on.',
  'rpc-unavailable': 'No RPC endpoint of the chain answered.',
  'error-while-fetching-token': 'The token contract answered its metadata calls with errors.',
  'error-while-fetching-lp':
    'A configured DEX factory or pair could not be read (missing contract, reverted call).',
  'error-while-fetching-holders': 'The Transfer logs of the token could not be read.',
  'simulation-reverted': 'The honeypot/tax simulation reverted outside its own error handling.',
  'scan-timeout': 'The scan exceeded its time limit.',
  cancelled: 'The scan was cancelled.',
  'internal-error': 'An unexpected error; the server log has the details.',
} as const;

export type FailureReason = keyof typeof FAILURE_REASONS;

export function isFailureReason(value: string): value is FailureReason {
  return Object.hasOwn(FAILURE_REASONS, value);
}

/** A VigilError whose message starts with the face-visible reason. */
export function tokenFailure(
  reason: FailureReason,
  detail: string,
  options: { cause?: unknown; code?: 'ENGINE_FAILED' | 'INVALID_TARGET' | 'RPC_UNAVAILABLE' } = {},
): VigilError {
  const code = options.code ?? (reason === 'rpc-unavailable' ? 'RPC_UNAVAILABLE' : 'ENGINE_FAILED');
  return new VigilError(code, `${reason}: ${detail}`, { details: { reason }, cause: options.cause });
}

/** The reason of a failed job from its stored failure code and message. */
export function reasonOfFailure(code: string | null, message: string | null): FailureReason {
  const prefix = message?.split(':', 1)[0]?.trim() ?? '';
  if (isFailureReason(prefix)) return prefix;
  switch (code) {
    case 'RPC_UNAVAILABLE':
      return 'rpc-unavailable';
    case 'INVALID_TARGET':
      return 'token-not-found';
    case 'UNSUPPORTED_CHAIN':
      return 'no-chain-configured';
    case 'JOB_TIMEOUT':
      return 'scan-timeout';
    case 'CANCELLED':
      return 'cancelled';
    default:
      return 'internal-error';
  }
}

const TRANSPORT_ERRORS = /HttpRequestError|TimeoutError|SocketClosedError|WebSocketRequestError/;

/** True when the error (or one of its causes) means the node was not reached, as opposed to a revert. */
export function isUnreachable(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; current && depth < 8; depth += 1) {
    if (current instanceof VigilError && current.code === 'RPC_UNAVAILABLE') return true;
    if (TRANSPORT_ERRORS.test((current as { name?: string }).name ?? '')) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
