import { DETAIL_TEXT, type ReportDetail } from '../details.js';
import { clear, defineCheck, type UrlCheck } from './types.js';

/** Feed report checks share one rule: the host or a parent is listed under this detail and not allowlisted. */
export function reportCheck(
  id: ReportDetail,
  level: number,
  meta: Pick<UrlCheck, 'title' | 'severity' | 'description' | 'recommendation'>,
): UrlCheck {
  return defineCheck({
    id,
    ...meta,
    confidence: 'high',
    stage: 'fast',
    evaluate(e) {
      const hits = e.feeds.blocks.filter((b) => b.detail === id);
      if (hits.length === 0) return clear();
      return {
        status: 'triggered',
        level,
        value: DETAIL_TEXT[id],
        evidence: hits.map((h) => ({ listed: h.path ? `${h.host}${h.path}` : h.host, source: h.sourceId })),
      };
    },
  });
}
