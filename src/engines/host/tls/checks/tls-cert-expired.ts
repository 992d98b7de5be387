import { defineTlsCheck } from './define-check.js';

export default defineTlsCheck({
  id: 'tls-cert-expired',
  title: 'Certificate has expired',
  severity: 'high',
  confidence: 'high',
  description:
    'The leaf certificate served by the service is past its notAfter date; clients reject it or users learn to click through warnings.',
  recommendation: 'Renew the certificate and automate renewal (ACME) so it cannot lapse again.',
  evaluate(obs, ctx) {
    const leaf = obs.chain[0];
    if (!leaf) return null;
    const end = Date.parse(leaf.notAfter);
    if (end >= ctx.now) return null;
    const days = Math.floor((ctx.now - end) / 86_400_000);
    return {
      message: `Certificate expired ${leaf.notAfter} (${days} days ago)`,
      evidence: { notAfter: leaf.notAfter, daysAgo: days },
    };
  },
});
