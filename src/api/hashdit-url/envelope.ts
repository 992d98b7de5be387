import type { RiskDetail } from '../../engines/url/details.js';

export interface UrlDetectData {
  request_id: string;
  has_result: boolean;
  /** Milliseconds until the next poll; null once the result is final. */
  polling_interval: number | null;
  /** -1 invalid … 5 significant risk; the quick (feeds + similarity) level while has_result is false. */
  risk_level: number | null;
  risk_detail: RiskDetail[] | null;
}

export interface UrlDetectEnvelope {
  status: 'OK' | 'ERROR';
  code: string;
  /** Vigil adds a message: the sub-reason of an error, or why a URL is invalid. */
  message?: string;
  data: UrlDetectData | null;
}
