import { CONVICTION_SCORE, PHISHING_SCORE } from '../content/analyze.js';
import { DETAIL_TEXT } from '../details.js';
import { clear, defineCheck, notJudged } from './types.js';

/** The page itself: drainer rules (data/drainer-rules.json) over HTML, inputs, text and linked scripts. */
export default defineCheck({
  id: 'phishing_detection',
  title: 'Malicious page content',
  severity: 'critical',
  confidence: 'high',
  description:
    'The fetched page and its scripts match wallet-drainer rules: seed-phrase or private-key inputs, eth_sign, Permit/setApprovalForAll/approve/increaseAllowance to hard-coded spenders, known kit markers, exfiltration and obfuscation.',
  recommendation: 'Block the site. If a wallet already signed here, revoke approvals and move assets.',
  stage: 'slow',
  evaluate(e) {
    const pending = notJudged(e.content);
    if (pending) return pending;
    if (e.content.status !== 'ok') return clear();
    const { score, findings } = e.content.verdict;
    const evidence = {
      score,
      rules: findings.map((f) => ({ id: f.ruleId, weight: f.weight, matches: f.matches, sample: f.sample })),
    };
    if (score < PHISHING_SCORE) return { ...clear(), evidence };
    return {
      status: 'triggered',
      level: score >= CONVICTION_SCORE ? 5 : 4,
      value: DETAIL_TEXT.phishing_detection,
      evidence,
    };
  },
});
