import { defineTlsCheck } from './define-check.js';

export default defineTlsCheck({
  id: 'tls-cert-expiring-soon',
  title: 'Certificate expires soon',
  severity: 'medium',
  confidence: 'high',
  description:
    'The leaf certificate is still valid but expires within the warning window (30 days by default).',
  recommendation: 'Renew the certificate now; automate renewal so expiry never depends on a person.',
  evaluate(obs, ctx) {
    const leaf = obs.chain[0];
    if (!leaf) return null;
    const end = Date.parse(leaf.notAfter);
    const left = end - ctx.now;
    if (left < 0 || left > ctx.expiringDays * 86_400_000) return null;
    const days = Math.floor(left / 86_400_000);
    return {
      message: `Certificate expires ${leaf.notAfter} (in ${days} days)`,
      evidence: { notAfter: leaf.notAfter, daysLeft: days },
    };
  },
});
