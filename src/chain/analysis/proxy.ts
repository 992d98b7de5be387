import { type Address, type Hex, toFunctionSelector } from 'viem';
import type { ChainReader } from '../reader.js';
import { wordToAddress, ZERO_ADDRESS } from './abi-words.js';
import type { CodeProfile } from './code-profile.js';

/** Storage slots of the proxy standards (keccak of the label, minus one where the EIP says so). */
export const PROXY_SLOTS = {
  eip1967Implementation: '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc',
  eip1967Admin: '0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103',
  eip1967Beacon: '0xa3f0ad74e5423aebfd80d3ef4346578335a9a72aeaee59ff6cb3582b35133d50',
  /** EIP-1822 UUPS: keccak256("PROXIABLE"). */
  eip1822Proxiable: '0xc5f16f0fcc639fa48a6947836d9850f504798523bf8c9a3a87d5876cf622bcf7',
} as const satisfies Record<string, Hex>;

export type ProxyKind = 'eip1167' | 'eip1967' | 'eip1967-beacon' | 'eip1822' | 'eip897';

export interface ProxyInfo {
  kind: ProxyKind;
  implementation: Address;
  /** EIP-1967 admin slot, when set. */
  admin?: Address;
  beacon?: Address;
}

const IMPLEMENTATION = toFunctionSelector('implementation()');

function nonZero(address: Address | undefined): Address | undefined {
  return address && address !== ZERO_ADDRESS ? address : undefined;
}

/**
 * Proxy detection in the order of certainty: EIP-1167 (code pattern), EIP-1967
 * implementation/beacon slots, EIP-1822 slot, then EIP-897 `implementation()` for a
 * contract that delegates. The four slots are read together (one batched round trip).
 */
export async function detectProxy(
  reader: ChainReader,
  address: Address,
  profile: CodeProfile,
): Promise<ProxyInfo | undefined> {
  if (profile.minimalProxyTarget) return { kind: 'eip1167', implementation: profile.minimalProxyTarget };
  const [implWord, adminWord, beaconWord, uupsWord] = await Promise.all([
    reader.getStorageAt(address, PROXY_SLOTS.eip1967Implementation),
    reader.getStorageAt(address, PROXY_SLOTS.eip1967Admin),
    reader.getStorageAt(address, PROXY_SLOTS.eip1967Beacon),
    reader.getStorageAt(address, PROXY_SLOTS.eip1822Proxiable),
  ]);
  const admin = nonZero(wordToAddress(adminWord));
  const implementation = nonZero(wordToAddress(implWord));
  if (implementation) return { kind: 'eip1967', implementation, ...(admin ? { admin } : {}) };
  const beacon = nonZero(wordToAddress(beaconWord));
  if (beacon) {
    const res = await reader.call({ to: beacon, data: IMPLEMENTATION });
    const impl = res.success ? nonZero(wordToAddress(res.data)) : undefined;
    if (impl) return { kind: 'eip1967-beacon', implementation: impl, beacon, ...(admin ? { admin } : {}) };
  }
  const uups = nonZero(wordToAddress(uupsWord));
  if (uups) return { kind: 'eip1822', implementation: uups };
  if (profile.opcodes.delegatecall && profile.selectors.includes(IMPLEMENTATION)) {
    const res = await reader.call({ to: address, data: IMPLEMENTATION });
    const impl = res.success ? nonZero(wordToAddress(res.data)) : undefined;
    if (impl) return { kind: 'eip897', implementation: impl };
  }
  return undefined;
}
