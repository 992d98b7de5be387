import { defineTlsCheck } from './define-check.js';

export default defineTlsCheck({
  id: 'tls-legacy-protocol',
  title: 'Legacy TLS 1.0/1.1 accepted',
  severity: 'medium',
  confidence: 'high',
  description:
    'The service completes handshakes with TLS 1.0 or TLS 1.1, deprecated by RFC 8996 (weak MACs and CBC constructions, downgrade exposure).',
  recommendation: 'Disable TLS 1.0 and 1.1; accept TLS 1.2 and 1.3 only.',
  evaluate(obs) {
    const accepted = (['TLSv1', 'TLSv1.1'] as const).filter((v) => obs.legacyProtocols[v]);
    if (accepted.length === 0) return null;
    return { message: `Server accepts ${accepted.join(' and ')}`, evidence: { accepted } };
  },
});
