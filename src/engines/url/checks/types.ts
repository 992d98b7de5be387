import type { JsonValue } from '../../../core/jobs/types.js';
import type { ContentVerdict } from '../content/analyze.js';
import type { DetailName } from '../details.js';
import type { FeedLookup } from '../feeds/feed-index.js';
import type { NormalizedUrl } from '../normalize.js';
import type { RdapOutcome } from '../rdap/client.js';
import type { SimilarityMatch } from '../similarity/detector.js';

export type ContentEvidence =
  | {
      status: 'ok';
      url: string;
      httpStatus: number;
      chain: string[];
      scripts: number;
      verdict: ContentVerdict;
    }
  | { status: 'unavailable' | 'skipped'; reason: string }
  | { status: 'pending' };

export type RdapEvidence = RdapOutcome | { status: 'pending' } | { status: 'skipped'; reason: string };

/** Everything the checks judge; gathered by the engine, judged by pure check functions. */
export interface UrlEvidence {
  url: NormalizedUrl;
  feeds: FeedLookup;
  similarity: SimilarityMatch[];
  content: ContentEvidence;
  rdap: RdapEvidence;
  settings: { youngDomainDays: number; expiringDomainDays: number };
  now: number;
}

export type CheckStatus = 'triggered' | 'clear' | 'pending' | 'unavailable' | 'skipped';

export interface CheckOutcome {
  status: CheckStatus;
  /** Risk level this check alone implies (0 unless triggered). */
  level: number;
  /** The seed's wording with X filled in, when triggered. */
  value?: string;
  /** Why a check is unavailable/skipped, or extra context. */
  note?: string;
  evidence?: JsonValue;
}

export interface UrlCheck {
  id: DetailName;
  title: string;
  severity: 'info' | 'low' | 'medium' | 'high' | 'critical';
  confidence: 'low' | 'medium' | 'high';
  description: string;
  recommendation: string;
  /** fast: answered synchronously (feeds, similarity); slow: needs the network (content, RDAP). */
  stage: 'fast' | 'slow';
  evaluate(e: UrlEvidence): CheckOutcome;
}

export const clear = (note?: string): CheckOutcome =>
  note ? { status: 'clear', level: 0, note } : { status: 'clear', level: 0 };

export function defineCheck(check: UrlCheck): UrlCheck {
  for (const key of ['id', 'title', 'description', 'recommendation'] as const) {
    if (!check[key]) throw new Error(`url check metadata incomplete: ${check.id ?? '?'} lacks ${key}`);
  }
  return check;
}

/** Shared outcome for slow checks whose evidence has not arrived or could not be had. */
export function notJudged(ev: { status: string; reason?: string }): CheckOutcome | undefined {
  if (ev.status === 'pending') return { status: 'pending', level: 0 };
  if (ev.status === 'skipped') return { status: 'skipped', level: 0, note: ev.reason ?? 'skipped' };
  if (ev.status === 'unavailable' || ev.status === 'unsupported') {
    return { status: 'unavailable', level: 0, note: ev.reason ?? 'unavailable' };
  }
  return undefined;
}
