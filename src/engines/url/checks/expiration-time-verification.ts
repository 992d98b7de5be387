import { DETAIL_TEXT } from '../details.js';
import { clear, defineCheck, notJudged } from './types.js';

const DAY = 86_400_000;

export default defineCheck({
  id: 'expiration_time_verification',
  title: 'Expiring or expired domain',
  severity: 'low',
  confidence: 'high',
  description:
    'RDAP says the registration expires within `url.expiringDomainDays` days (throwaway one-year registrations) or has expired.',
  recommendation: 'Established projects renew for years ahead; a site about to expire deserves caution.',
  stage: 'slow',
  evaluate(e) {
    const pending = notJudged(e.rdap);
    if (pending) return pending;
    if (e.rdap.status !== 'ok') return clear();
    const at = e.rdap.record.expiresAt;
    if (at === null) return { status: 'unavailable', level: 0, note: 'RDAP record has no expiration event' };
    const evidence = { expiresAt: new Date(at).toISOString() };
    if (at <= e.now) return { status: 'triggered', level: 2, value: DETAIL_TEXT.expired, evidence };
    const days = Math.floor((at - e.now) / DAY);
    if (days >= e.settings.expiringDomainDays) return { ...clear(), evidence };
    return {
      status: 'triggered',
      level: 1,
      value: DETAIL_TEXT.expiration_soon(days),
      evidence: { ...evidence, daysLeft: days },
    };
  },
});
