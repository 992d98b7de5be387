import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { VigilConfig } from '../../core/config.js';

const entry = z.object({ browserUrl: z.string().url(), currency: z.string().min(1) });
const table = z.record(z.string(), z.union([z.string(), z.record(z.string(), entry)]));
export type PlatformDefaults = Record<string, Record<string, z.infer<typeof entry>>>;

/** Loads and validates `platform-defaults.json` (keys starting with `$` are comments). */
export function loadPlatformDefaults(
  file = new URL('./platform-defaults.json', import.meta.url),
): PlatformDefaults {
  const parsed = table.parse(JSON.parse(readFileSync(file, 'utf8')));
  const out: PlatformDefaults = {};
  for (const [platform, chains] of Object.entries(parsed)) {
    if (!platform.startsWith('$') && typeof chains !== 'string') out[platform] = chains;
  }
  return out;
}

let cached: PlatformDefaults | undefined;
function defaults(): PlatformDefaults {
  cached ??= loadPlatformDefaults();
  return cached;
}

export interface ExplorerPresentation {
  /** Address page URL of the contract, or "" when nothing is known. */
  contractUrl: string;
  currency: string;
}

/**
 * `contract_url` and `currency` for a platform/chain: the configured values
 * first; for vendor platform names the built-in table fills what config leaves
 * out (config's `currency` defaults to ETH, so a different table currency wins over that default).
 */
export function explorerPresentation(
  config: Pick<VigilConfig, 'platforms'>,
  platform: string,
  chain: string,
  address: string,
): ExplorerPresentation {
  const configured = config.platforms[platform]?.[chain];
  const known = defaults()[platform]?.[chain];
  const prefix = configured?.browserUrl ?? known?.browserUrl;
  const contractUrl = prefix ? `${prefix.endsWith('/') ? prefix : `${prefix}/`}${address}` : '';
  const currency =
    configured && configured.currency !== 'ETH'
      ? configured.currency
      : (known?.currency ?? configured?.currency ?? 'ETH');
  return { contractUrl, currency };
}
