import type { Socket } from 'node:net';
import tls, { type PeerCertificate, type TLSSocket } from 'node:tls';
import { type CertificateInfo, describeCertificate } from './certificate.js';

/** Everything the TLS checks look at, from real handshakes with the service. */
export interface TlsObservation {
  /** Name sent as SNI and used for the hostname check (a host name target, else the IP). */
  serverName: string;
  /** Whether the target is an IP literal (hostname check then uses IP SANs). */
  targetIsIp: boolean;
  protocol: string | null;
  cipher: { name: string; standardName?: string; version: string } | null;
  alpn: string | null;
  /** Chain as verified by OpenSSL: leaf first. */
  chain: CertificateInfo[];
  /** Whether OpenSSL trusted the chain (CA roots from `ca` or Node's store). */
  authorized: boolean;
  /** OpenSSL verification error code when not authorized (CERT_HAS_EXPIRED, ...). */
  authorizationError: string | null;
  /** Result of the hostname check against the leaf (null when no leaf). */
  hostnameError: string | null;
  /** Legacy protocol versions the server accepted in separate handshakes. */
  legacyProtocols: { TLSv1: boolean; 'TLSv1.1': boolean };
}

export interface ObserveTlsOptions {
  /** Opens a TCP connection to the checked address (the policy re-checks it). */
  connect(): Promise<Socket>;
  serverName: string;
  targetIsIp: boolean;
  timeoutMs: number;
  /** Extra trusted roots (PEM); Node's bundled roots are used otherwise. */
  ca?: string[];
  /** Also try TLS 1.0 and 1.1 handshakes. */
  testLegacy?: boolean;
}

export interface TlsHandshakeOptions {
  serverName: string;
  targetIsIp: boolean;
  timeoutMs: number;
  ca?: string[];
  minVersion?: tls.SecureVersion;
  maxVersion?: tls.SecureVersion;
  ciphers?: string;
}

/** Wraps a connected socket in TLS without verifying (verification is reported, not enforced). */
export function tlsHandshake(socket: Socket, options: TlsHandshakeOptions): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = tls.connect({
      socket,
      // SNI must be a host name, never an IP literal (RFC 6066).
      ...(options.targetIsIp ? {} : { servername: options.serverName }),
      rejectUnauthorized: false,
      ...(options.ca ? { ca: options.ca } : {}),
      ...(options.minVersion ? { minVersion: options.minVersion } : {}),
      ...(options.maxVersion ? { maxVersion: options.maxVersion } : {}),
      ...(options.ciphers ? { ciphers: options.ciphers } : {}),
      // The hostname is checked by Vigil after the handshake, so it can be reported, not enforced.
      checkServerIdentity: () => undefined,
    });
    const timer = setTimeout(() => {
      secure.destroy();
      reject(Object.assign(new Error('TLS handshake timeout'), { code: 'ETIMEDOUT' }));
    }, options.timeoutMs);
    secure.once('secureConnect', () => {
      clearTimeout(timer);
      resolve(secure);
    });
    secure.once('error', (err) => {
      clearTimeout(timer);
      secure.destroy();
      reject(err);
    });
  });
}

function chainOf(peer: PeerCertificate | undefined): CertificateInfo[] {
  const out: CertificateInfo[] = [];
  const seen = new Set<string>();
  let cert = peer as tls.DetailedPeerCertificate | undefined;
  while (cert?.raw && out.length < 10) {
    if (seen.has(cert.fingerprint256)) break;
    seen.add(cert.fingerprint256);
    out.push(describeCertificate(cert.raw));
    if (!cert.issuerCertificate || cert.issuerCertificate === cert) break;
    cert = cert.issuerCertificate;
  }
  return out;
}

async function acceptsVersion(options: ObserveTlsOptions, version: tls.SecureVersion): Promise<boolean> {
  let socket: Socket | undefined;
  try {
    socket = await options.connect();
    const secure = await tlsHandshake(socket, {
      ...options,
      minVersion: version,
      maxVersion: version,
      // Legacy versions need legacy ciphers and SHA-1 signatures: allow everything for the test.
      ciphers: 'ALL:@SECLEVEL=0',
    });
    const ok = secure.getProtocol() === version;
    secure.destroy();
    return ok;
  } catch {
    socket?.destroy();
    return false;
  }
}

/** Runs a normal handshake (and optional legacy-version handshakes) and describes what was served. */
export async function observeTls(options: ObserveTlsOptions): Promise<TlsObservation> {
  const socket = await options.connect();
  let secure: TLSSocket;
  try {
    // SECLEVEL=0 so weak keys and SHA-1 chains still complete the handshake and can be reported.
    secure = await tlsHandshake(socket, { ...options, ciphers: 'DEFAULT:@SECLEVEL=0' });
  } catch (err) {
    socket.destroy();
    throw err;
  }
  const peer = secure.getPeerCertificate(true);
  const chain = chainOf(peer && Object.keys(peer).length > 0 ? peer : undefined);
  const cipher = secure.getCipher();
  const leaf = peer && Object.keys(peer).length > 0 ? peer : undefined;
  let hostnameError: string | null = null;
  if (leaf) {
    const err = tls.checkServerIdentity(options.serverName, leaf);
    hostnameError = err ? err.message : null;
  }
  const observation: TlsObservation = {
    serverName: options.serverName,
    targetIsIp: options.targetIsIp,
    protocol: secure.getProtocol(),
    cipher: cipher
      ? {
          name: cipher.name,
          version: cipher.version,
          ...(cipher.standardName ? { standardName: cipher.standardName } : {}),
        }
      : null,
    alpn: typeof secure.alpnProtocol === 'string' ? secure.alpnProtocol : null,
    chain,
    authorized: secure.authorized,
    authorizationError: secure.authorizationError ? String(secure.authorizationError) : null,
    hostnameError,
    legacyProtocols: { TLSv1: false, 'TLSv1.1': false },
  };
  secure.destroy();
  if (options.testLegacy !== false) {
    const [v10, v11] = await Promise.all([
      acceptsVersion(options, 'TLSv1'),
      acceptsVersion(options, 'TLSv1.1'),
    ]);
    observation.legacyProtocols = { TLSv1: v10, 'TLSv1.1': v11 };
  }
  return observation;
}
