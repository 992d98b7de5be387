import { defineTlsCheck } from './define-check.js';

const WEAK_HASHES = new Set(['SHA-1', 'MD5', 'MD2']);

export default defineTlsCheck({
  id: 'tls-weak-signature',
  title: 'Certificate signed with SHA-1 (or MD5)',
  severity: 'medium',
  confidence: 'high',
  description:
    'A non-root certificate in the served chain is signed with SHA-1 or MD5. Chosen-prefix collisions make such signatures forgeable; browsers reject them.',
  recommendation: 'Reissue the certificate (and intermediates) with a SHA-256 or stronger signature.',
  evaluate(obs) {
    // Self-signed roots are trusted by identity, not by their signature: skip them unless it is the leaf.
    const weak = obs.chain.filter(
      (cert, depth) =>
        cert.signatureHash && WEAK_HASHES.has(cert.signatureHash) && (depth === 0 || !cert.selfSigned),
    );
    const first = weak[0];
    if (!first) return null;
    return {
      message: `"${first.subject}" is signed with ${first.signatureAlgorithm}`,
      severity: weak.some((c) => c.signatureHash !== 'SHA-1') ? 'high' : 'medium',
      evidence: {
        certificates: weak.map((c) => ({ subject: c.subject, signatureAlgorithm: c.signatureAlgorithm })),
      },
    };
  },
});
