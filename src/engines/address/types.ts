import type { Address } from 'viem';

/** Risk levels of the HashDit/AvengerDAO vocabulary; a check's level is fixed, not derived from its value. */
export const RISK_LEVELS = [
  'LOW_TRUST',
  'MEDIUM_TRUST',
  'HIGH_TRUST',
  'BASE_INFO',
  'LOW_RISK',
  'MEDIUM_RISK',
  'HIGH_RISK',
] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const LABEL_CATEGORIES = ['phishing', 'scam', 'sanctioned', 'drainer', 'exploiter', 'mixer'] as const;
export type LabelCategory = (typeof LABEL_CATEGORIES)[number];

/** One detail as the seed prints it. */
export interface RiskDetail {
  name: string;
  value: 'true' | 'false';
  risk_level: RiskLevel;
  risk_desc: string;
}

export interface AddressLabel {
  category: LabelCategory;
  source: string;
  label: string | null;
}

export interface TokenFacts {
  standard: 'ERC20' | 'ERC721' | 'ERC1155' | null;
  name?: string;
  symbol?: string;
  decimals?: number;
  totalSupply?: string;
}

export interface OwnerFacts {
  /** Address returned by owner()/getOwner(), when a function answered. */
  address: Address | undefined;
  /** Which getter answered. */
  source: 'owner()' | 'getOwner()' | undefined;
  /** Owner getter answered the zero or a dead address. */
  renounced: boolean;
  isEoa: boolean | undefined;
}

export interface ProxyFacts {
  kind: string;
  implementation: Address;
  admin: Address | undefined;
  /** Account that can upgrade (admin, or the owner of an admin contract / UUPS implementation). */
  upgrader: Address | undefined;
  upgraderIsEoa: boolean;
}

/** Everything the checks read. Plain data so results serialize and checks stay pure. */
export interface AddressFacts {
  chainId: number;
  address: Address;
  blockNumber: string;
  /** Timestamp (s) of the scanned block, when known. */
  scannedBlockTimestamp: number | null;
  isContract: boolean;
  balance: string;
  nonce: number;
  codeSize: number;
  codeHash: string | null;
  /** Selectors of the contract and, for a proxy, of its implementation. */
  selectors: string[];
  /** Named selectors (selector → signature). */
  functions: Record<string, string>;
  /** Dictionary tags of those selectors. */
  tags: string[];
  opcodes: {
    selfdestruct: boolean;
    delegatecall: boolean;
    callcode: boolean;
    create2: boolean;
    origin: boolean;
  };
  proxy: ProxyFacts | null;
  owner: OwnerFacts;
  accessControl: { present: boolean; admins: Address[] };
  /** Accounts (other than a live owner) that can still call privileged functions, found by eth_call simulation. */
  privilegedCallers: { caller: Address; functions: string[] }[];
  hiddenOwner: { detected: boolean; evidence: string[] };
  token: TokenFacts;
  creator: { address: Address; txHash: string; blockNumber: string | null; timestamp: number | null } | null;
  /** Why `creator` is null: not a contract, node lacks ots_getContractCreator, ... */
  creatorNote: string | null;
  labels: AddressLabel[];
  interactions: {
    supported: boolean;
    checked: number;
    malicious: { address: Address; category: LabelCategory }[];
    note: string | null;
  };
  source: { verified: boolean; provider: string | null; note: string | null };
  /** Findings of the Solidity analyzer on the verified source (the implementation's, behind a proxy). */
  analyzer: AnalyzerSummary & { ran: boolean; note: string | null };
}

/** Findings of medium or high confidence, counted by severity; the most severe detectors listed. */
export interface AnalyzerSummary {
  critical: number;
  high: number;
  medium: number;
  low: number;
  findings: {
    detector: string;
    title: string;
    severity: 'critical' | 'high' | 'medium' | 'low';
    count: number;
  }[];
}

export interface AddressScanResult {
  chainId: number;
  address: Address;
  address_type: 'EOA' | 'Contract';
  trust_score: number;
  trust_level: 'HIGH_TRUST' | 'MEDIUM_TRUST' | 'LOW_TRUST';
  risk_details: RiskDetail[];
  /** Seconds. */
  scanned_ts: number;
  facts: AddressFacts;
  /** Score arithmetic, for explanations: which details took how many points. */
  scoring: { name: string; points: number }[];
  /** JSON-RPC round trips this scan cost (HTTP requests to the node). */
  rpcRoundTrips: number;
}
