import { DETAIL_TEXT } from '../details.js';
import { type CheckOutcome, clear, defineCheck, notJudged } from './types.js';

const DAY = 86_400_000;

export default defineCheck({
  id: 'creation_time_verification',
  title: 'Recently registered domain',
  severity: 'low',
  confidence: 'high',
  description:
    'RDAP says the registrable domain was registered fewer than `url.youngDomainDays` days ago; phishing domains live days, not years.',
  recommendation: 'Be wary of brand-new domains asking for wallet connections.',
  stage: 'slow',
  evaluate(e): CheckOutcome {
    const pending = notJudged(e.rdap);
    if (pending) return pending;
    if (e.rdap.status !== 'ok') return clear(e.rdap.status === 'not-found' ? 'not registered' : undefined);
    const at = e.rdap.record.registeredAt;
    if (at === null)
      return { status: 'unavailable', level: 0, note: 'RDAP record has no registration event' };
    const days = Math.max(0, Math.floor((e.now - at) / DAY));
    if (days >= e.settings.youngDomainDays) return { ...clear(), evidence: { ageDays: days } };
    return {
      status: 'triggered',
      level: 1,
      value: DETAIL_TEXT.creation_time_verification(days),
      evidence: { registeredAt: new Date(at).toISOString(), ageDays: days },
    };
  },
});
