import { defineTlsCheck } from './define-check.js';

const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
]);

export default defineTlsCheck({
  id: 'tls-untrusted-root',
  title: 'Chain does not lead to a trusted root',
  severity: 'medium',
  confidence: 'medium',
  description:
    'The served chain is complete but ends in a root that is not in the trust store (a private CA or a forged chain), or a signature in it does not verify.',
  recommendation:
    'Use a certificate from a publicly trusted CA, or distribute the private root to every client that connects.',
  evaluate(obs) {
    if (!obs.authorizationError || !UNTRUSTED.has(obs.authorizationError)) return null;
    const root = obs.chain[obs.chain.length - 1];
    return {
      message: `Certificate chain is not trusted: ${obs.authorizationError}`,
      evidence: { verifyError: obs.authorizationError, root: root?.subject ?? null },
    };
  },
});
