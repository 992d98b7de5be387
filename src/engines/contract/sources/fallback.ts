import { VigilError } from '../../../core/errors.js';
import type { ContractRef, FetchedSource, SourceFetchOptions, SourceProvider } from './types.js';

/** Which failure to report when every provider failed: the most actionable first. */
function rank(err: VigilError, provider: string): number {
  if (err.code === 'UPSTREAM_RATE_LIMITED' || err.code === 'UPSTREAM_UNAVAILABLE') return 0;
  if (err.code === 'CONTRACT_NOT_VERIFIED' && provider !== 'local') return 1;
  if (err.code === 'INVALID_TARGET') return 2;
  if (err.code === 'UNSUPPORTED_CHAIN') return 3;
  return 4;
}

/**
 * Asks providers in order and returns the first source found. "Not verified"
 * and "not configured for this chain" move on to the next provider; other
 * errors are kept, and if nobody has the source the most actionable error wins
 * (an unreachable explorer is worth retrying, "not verified" is not).
 */
export function firstAvailable(providers: readonly SourceProvider[]): SourceProvider {
  return {
    name: providers.map((p) => p.name).join('>'),
    async fetch(ref: ContractRef, options: SourceFetchOptions = {}): Promise<FetchedSource> {
      const failures: { provider: string; error: VigilError }[] = [];
      for (const provider of providers) {
        try {
          return await provider.fetch(ref, options);
        } catch (err) {
          if (options.signal?.aborted) throw err;
          if (!(err instanceof VigilError)) throw err;
          failures.push({ provider: provider.name, error: err });
        }
      }
      if (failures.length === 0) {
        throw new VigilError(
          'UNSUPPORTED_CHAIN',
          `No source provider is configured for ${ref.platform}/${ref.chain}.`,
        );
      }
      const best = [...failures].sort((a, b) => rank(a.error, a.provider) - rank(b.error, b.provider))[0]!;
      const tried = failures.map((f) => ({
        provider: f.provider,
        code: f.error.code,
        message: f.error.message,
      }));
      throw new VigilError(best.error.code, best.error.message, {
        details: { ...(best.error.details ?? {}), tried },
        cause: best.error,
        retryable: best.error.retryable,
      });
    },
  };
}
