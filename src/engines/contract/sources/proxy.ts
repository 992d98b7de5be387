import { getAddress, isAddress } from 'viem';
import { VigilError } from '../../../core/errors.js';
import type { ContractRef, FetchedSource } from './types.js';

/** Proxy → implementation hops followed at most (a beacon proxy's beacon is one more). */
const MAX_HOPS = 2;

export function implementationOf(value: string | undefined | null): string | null {
  const v = value?.trim() ?? '';
  return v && isAddress(v, { strict: false }) ? getAddress(v) : null;
}

/**
 * When a provider reports a proxy, the implementation's source is what runs:
 * fetch it and present it under the proxy's address. Returns undefined when
 * there is nothing to follow or the implementation is not verified (the proxy's
 * own source is then still worth scanning); other failures propagate.
 */
export async function followImplementation(
  ref: ContractRef,
  implementationAddress: string | null,
  hops: number,
  fetchImplementation: (ref: ContractRef, hops: number) => Promise<FetchedSource>,
): Promise<FetchedSource | undefined> {
  if (!implementationAddress || implementationAddress === ref.address || hops >= MAX_HOPS) return undefined;
  try {
    const impl = await fetchImplementation({ ...ref, address: implementationAddress }, hops + 1);
    return { bundle: impl.bundle, meta: { ...impl.meta, address: ref.address, implementationAddress } };
  } catch (err) {
    if (err instanceof VigilError && err.code === 'CONTRACT_NOT_VERIFIED') return undefined;
    throw err;
  }
}
