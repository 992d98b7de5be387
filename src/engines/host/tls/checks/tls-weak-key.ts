import { defineTlsCheck } from './define-check.js';

const MIN_BITS: Record<string, number> = { RSA: 2048, DSA: 2048, EC: 224 };

export default defineTlsCheck({
  id: 'tls-weak-key',
  title: 'Weak certificate key',
  severity: 'high',
  confidence: 'high',
  description:
    'A certificate in the served chain uses a public key below current minimums (RSA/DSA under 2048 bits, EC under 224 bits); such keys can be factored or are rejected by modern clients.',
  recommendation: 'Reissue the certificate with an RSA 2048+ or an ECDSA P-256+ key.',
  evaluate(obs) {
    const weak = obs.chain
      .map((cert, depth) => ({ cert, depth }))
      .filter(
        ({ cert }) =>
          cert.keySize !== undefined &&
          MIN_BITS[cert.keyType] !== undefined &&
          cert.keySize < (MIN_BITS[cert.keyType] as number),
      );
    const first = weak[0];
    if (!first) return null;
    return {
      message: `${first.cert.keyType} ${first.cert.keySize}-bit key in ${first.depth === 0 ? 'the leaf' : `chain position ${first.depth}`} ("${first.cert.subject}")`,
      evidence: {
        certificates: weak.map(({ cert, depth }) => ({
          depth,
          subject: cert.subject,
          keyType: cert.keyType,
          keySize: cert.keySize ?? null,
        })),
      },
    };
  },
});
