import type { RiskDetail } from '../../engines/address/types.js';

/** `data` of a successful answer (seed 001, "Data" and "Sync/Async Response"). */
export interface AddressSecurityData {
  has_result: boolean;
  polling_interval: number | null;
  address_type: 'EOA' | 'Contract' | null;
  trust_score: number | null;
  risk_details: RiskDetail[] | null;
  scanned_ts: number;
}

export interface AddressSecurityEnvelope {
  status: 'OK' | 'ERROR';
  code: string;
  /** Present on errors: the reason (for 000005, the seed's sub-reason). */
  message?: string;
  data: AddressSecurityData | null;
}
