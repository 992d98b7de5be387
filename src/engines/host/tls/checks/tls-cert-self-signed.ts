import { defineTlsCheck } from './define-check.js';

export default defineTlsCheck({
  id: 'tls-cert-self-signed',
  title: 'Self-signed certificate',
  severity: 'medium',
  confidence: 'high',
  description:
    'The service presents a certificate signed by its own key. Clients cannot authenticate the server, which allows interception unless every client pins the certificate.',
  recommendation: 'Use a certificate issued by a public CA (or an internal CA that clients trust).',
  evaluate(obs) {
    const leaf = obs.chain[0];
    if (!leaf?.selfSigned) return null;
    return {
      message: `Leaf certificate "${leaf.subject}" is self-signed`,
      evidence: { subject: leaf.subject },
    };
  },
});
