import { DETAIL_TEXT } from '../details.js';
import { clear, defineCheck } from './types.js';

/**
 * Look-alike names (typosquatting, homoglyphs, combosquatting, brand in
 * subdomain) and pages that claim a protected brand on a foreign domain.
 * Alone it is a warning (2 weak, 3 strong); scoring raises it when the domain
 * is young, its owner hidden or its page malicious.
 */
export default defineCheck({
  id: 'similarity_detection',
  title: 'Look-alike of a protected brand',
  severity: 'medium',
  confidence: 'medium',
  description:
    'The registrable label, a token of it or a subdomain label imitates a protected brand (edit distance, transposition, omission, insertion, bit-flip, homoglyph/confusable skeleton, hyphenation, TLD swap, combosquatting, brand in subdomain), or the page presents itself as that brand.',
  recommendation: 'Open the brand’s official domain instead; the evidence names it.',
  stage: 'fast',
  evaluate(e) {
    if (e.feeds.allowed) return clear('allowlisted by a feed');
    const names = e.similarity.map((m) => ({
      technique: m.technique,
      brand: m.brand,
      official: m.official,
      observed: m.observed,
      distance: m.distance,
      strength: m.strength,
      ...(m.mixedScript ? { mixedScript: true } : {}),
    }));
    const claims = e.content.status === 'ok' ? e.content.verdict.brands : [];
    if (names.length === 0 && claims.length === 0) return clear();
    const strong = e.similarity.some((m) => m.strength === 'strong') || claims.length > 0;
    return {
      status: 'triggered',
      level: strong ? 3 : 2,
      value: DETAIL_TEXT.similarity_detection,
      evidence: {
        names,
        content: claims.map((c) => ({ brand: c.brand, official: c.official, where: c.where })),
      },
    };
  },
});
