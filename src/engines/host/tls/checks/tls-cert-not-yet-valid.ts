import { defineTlsCheck } from './define-check.js';

export default defineTlsCheck({
  id: 'tls-cert-not-yet-valid',
  title: 'Certificate is not yet valid',
  severity: 'high',
  confidence: 'high',
  description:
    'The leaf certificate notBefore date lies in the future, so clients reject it; often a clock problem on the issuing side or a certificate deployed too early.',
  recommendation:
    'Serve a certificate whose validity has started and check the clocks of the issuing system.',
  evaluate(obs, ctx) {
    const leaf = obs.chain[0];
    if (!leaf) return null;
    const start = Date.parse(leaf.notBefore);
    if (start <= ctx.now) return null;
    return {
      message: `Certificate becomes valid only on ${leaf.notBefore}`,
      evidence: { notBefore: leaf.notBefore },
    };
  },
});
