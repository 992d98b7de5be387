import { DETAIL_TEXT } from '../details.js';
import { clear, defineCheck, notJudged } from './types.js';

export default defineCheck({
  id: 'owner_verification',
  title: 'Hidden or risky registrant',
  severity: 'low',
  confidence: 'medium',
  description:
    'The RDAP registrant is redacted (RFC 9537), missing or a privacy service, or matches the risky-registrant list (data/registrant-privacy.json).',
  recommendation:
    'A hidden owner is common and weak alone; it matters next to a look-alike name or a young domain.',
  stage: 'slow',
  evaluate(e) {
    const pending = notJudged(e.rdap);
    if (pending) return pending;
    if (e.rdap.status !== 'ok') return clear();
    const r = e.rdap.record;
    const evidence = { note: r.registrantNote, registrant: r.registrant };
    if (r.registrantRisky) return { status: 'triggered', level: 3, value: DETAIL_TEXT.owner_risky, evidence };
    if (r.registrantHidden)
      return { status: 'triggered', level: 1, value: DETAIL_TEXT.owner_hidden, evidence };
    return clear();
  },
});
