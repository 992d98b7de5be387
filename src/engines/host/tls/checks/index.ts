import type { TlsCheck } from './define-check.js';
import tlsCertExpired from './tls-cert-expired.js';
import tlsCertExpiringSoon from './tls-cert-expiring-soon.js';
import tlsCertNotYetValid from './tls-cert-not-yet-valid.js';
import tlsCertSelfSigned from './tls-cert-self-signed.js';
import tlsHostnameMismatch from './tls-hostname-mismatch.js';
import tlsIncompleteChain from './tls-incomplete-chain.js';
import tlsLegacyProtocol from './tls-legacy-protocol.js';
import tlsNegotiatedCipher from './tls-negotiated-cipher.js';
import tlsUntrustedRoot from './tls-untrusted-root.js';
import tlsWeakKey from './tls-weak-key.js';
import tlsWeakSignature from './tls-weak-signature.js';

/** Every TLS check, in report order. Docs are generated from this list. */
export const TLS_CHECKS: readonly TlsCheck[] = [
  tlsCertExpired,
  tlsCertNotYetValid,
  tlsCertExpiringSoon,
  tlsCertSelfSigned,
  tlsHostnameMismatch,
  tlsIncompleteChain,
  tlsUntrustedRoot,
  tlsWeakKey,
  tlsWeakSignature,
  tlsLegacyProtocol,
  tlsNegotiatedCipher,
];

export type { Confidence, Severity, TlsCheck, TlsCheckContext, TlsCheckHit } from './define-check.js';
