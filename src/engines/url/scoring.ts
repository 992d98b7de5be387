import type { CheckOutcome } from './checks/types.js';
import type { DetailName } from './details.js';

/**
 * risk_level from check outcomes (documented in docs/scoring.md, section "url"):
 *   -1 invalid input;
 *    0 nothing triggered;
 *    otherwise the highest level any triggered check implies, raised by combinations:
 *    - look-alike + (young domain or hidden/risky owner)         → at least 4
 *    - look-alike + young domain + hidden/risky owner            → 5
 *    - look-alike or young domain + malicious content            → 5
 */
export function aggregateRiskLevel(outcomes: ReadonlyMap<DetailName, CheckOutcome>): number {
  const lvl = (id: DetailName) => {
    const o = outcomes.get(id);
    return o?.status === 'triggered' ? o.level : 0;
  };
  let level = 0;
  for (const o of outcomes.values()) if (o.status === 'triggered') level = Math.max(level, o.level);
  const similar = lvl('similarity_detection') > 0;
  const young = lvl('creation_time_verification') > 0;
  const owner = lvl('owner_verification') > 0;
  const content = lvl('phishing_detection') > 0;
  if (similar && (young || owner)) level = Math.max(level, 4);
  if (similar && young && owner) level = 5;
  if (content && (similar || young)) level = 5;
  return Math.min(5, level);
}

/** `--fail-on` levels: a number 0-5 or the seed's names. */
export const FAIL_ON_LEVELS: Record<string, number> = {
  some: 1,
  low: 2,
  medium: 3,
  high: 4,
  significant: 5,
};

export function failOnThreshold(level: string): number {
  const n = Number(level);
  if (Number.isInteger(n) && n >= 0 && n <= 5) return n;
  const named = FAIL_ON_LEVELS[level.toLowerCase()];
  if (named === undefined)
    throw new Error(`unknown --fail-on level "${level}" (0-5 or ${Object.keys(FAIL_ON_LEVELS).join(', ')})`);
  return named;
}
