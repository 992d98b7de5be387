import { defineTlsCheck } from './define-check.js';

// OpenSSL's codes when the leaf's issuer is neither served nor known locally.
const MISSING_ISSUER = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']);

export default defineTlsCheck({
  id: 'tls-incomplete-chain',
  title: 'Incomplete certificate chain',
  severity: 'medium',
  confidence: 'medium',
  description:
    'The server does not send the intermediate certificate(s) between its leaf and a trusted root. Browsers may paper over it by fetching intermediates; API clients, mobile apps and curl fail.',
  recommendation:
    'Configure the server to send the full chain (leaf followed by every intermediate, without the root).',
  evaluate(obs) {
    const leaf = obs.chain[0];
    if (!leaf || leaf.selfSigned || !obs.authorizationError || !MISSING_ISSUER.has(obs.authorizationError))
      return null;
    return {
      message: `The issuer of "${leaf.subject}" ("${leaf.issuer}") was not sent by the server (${obs.authorizationError})`,
      evidence: {
        issuer: leaf.issuer,
        servedCertificates: obs.chain.length,
        verifyError: obs.authorizationError,
      },
    };
  },
});
