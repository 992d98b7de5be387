import { defineTlsCheck } from './define-check.js';

// Suites no longer acceptable at all, and those acceptable but without forward secrecy.
const BROKEN = /(?:NULL|EXP|EXPORT|RC4|DES-CBC-|3DES|DES_CBC|MD5|anon|ADH|AECDH)/i;
const NO_FORWARD_SECRECY = /^(?:AES|CAMELLIA|SEED|IDEA|ARIA)|^TLS_RSA_/i;

export default defineTlsCheck({
  id: 'tls-negotiated-cipher',
  title: 'Negotiated protocol and cipher',
  severity: 'info',
  confidence: 'high',
  description:
    'Reports the protocol version and cipher suite the server chose for a modern client; raised to medium/high when the suite lacks forward secrecy or is broken (RC4, 3DES, NULL, export, anonymous).',
  recommendation:
    'Prefer TLS 1.3 or ECDHE suites with AES-GCM or ChaCha20-Poly1305; remove static-RSA, CBC-SHA1, RC4 and 3DES suites.',
  evaluate(obs) {
    if (!obs.cipher) return null;
    const names = `${obs.cipher.name} ${obs.cipher.standardName ?? ''}`;
    const severity = BROKEN.test(names)
      ? 'high'
      : NO_FORWARD_SECRECY.test(obs.cipher.name)
        ? 'medium'
        : 'info';
    const note =
      severity === 'high' ? ' (broken suite)' : severity === 'medium' ? ' (no forward secrecy)' : '';
    return {
      message: `${obs.protocol ?? 'unknown protocol'} with ${obs.cipher.standardName ?? obs.cipher.name}${note}`,
      severity,
      evidence: {
        protocol: obs.protocol,
        cipher: obs.cipher.name,
        standardName: obs.cipher.standardName ?? null,
      },
    };
  },
});
