import { getAddress, isAddress } from 'viem';
import type { PlatformChainConfig, VigilConfig } from '../../../core/config.js';
import { VigilError } from '../../../core/errors.js';
import type { ContractRef } from './types.js';

const NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

/** True when the string has the `<platform>/<chain>/<0xaddress>` shape (without validating the parts). */
export function looksLikeExplorerTarget(target: string): boolean {
  const parts = target.trim().split('/');
  return parts.length === 3 && /^0x[0-9a-fA-F]{40}$/.test(parts[2] ?? '');
}

/**
 * Parses `<platform>/<chain>/<address>` (the engine target for deployed
 * contracts). Platform and chain are lower-cased; the address is checksummed.
 * Throws INVALID_TARGET on any other shape.
 */
export function parseExplorerTarget(target: string): ContractRef {
  const parts = target.trim().split('/');
  const [platformRaw, chainRaw, addressRaw] = parts;
  if (parts.length !== 3 || !platformRaw || !chainRaw || !addressRaw) {
    throw new VigilError('INVALID_TARGET', `Expected <platform>/<chain>/<address>, got "${target}".`);
  }
  const platform = platformRaw.toLowerCase();
  const chain = chainRaw.toLowerCase();
  if (!NAME.test(platform)) throw new VigilError('INVALID_TARGET', `Invalid platform name "${platformRaw}".`);
  if (!NAME.test(chain)) throw new VigilError('INVALID_TARGET', `Invalid chain name "${chainRaw}".`);
  if (!isAddress(addressRaw, { strict: false })) {
    throw new VigilError('INVALID_TARGET', `Invalid contract address "${addressRaw}".`);
  }
  return { platform, chain, address: getAddress(addressRaw) };
}

export function formatExplorerTarget(ref: ContractRef): string {
  return `${ref.platform}/${ref.chain}/${ref.address}`;
}

/** The configured explorer for a platform/chain; throws UNSUPPORTED_CHAIN listing what is configured. */
export function platformChainConfig(
  config: Pick<VigilConfig, 'platforms'>,
  ref: Pick<ContractRef, 'platform' | 'chain'>,
): PlatformChainConfig {
  const chains = config.platforms[ref.platform];
  if (!chains) {
    const known = Object.keys(config.platforms);
    throw new VigilError('UNSUPPORTED_CHAIN', `Platform "${ref.platform}" is not configured.`, {
      details: { platform: ref.platform, configuredPlatforms: known },
    });
  }
  const chain = chains[ref.chain];
  if (!chain) {
    throw new VigilError(
      'UNSUPPORTED_CHAIN',
      `Chain "${ref.chain}" is not configured for platform "${ref.platform}".`,
      {
        details: { platform: ref.platform, chain: ref.chain, configuredChains: Object.keys(chains) },
      },
    );
  }
  return chain;
}
