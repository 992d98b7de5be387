import { createHash, X509Certificate as NodeX509 } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/** What Vigil records about one certificate of a served chain. */
export interface CertificateInfo {
  subject: string;
  issuer: string;
  /** Subject common name, when present. */
  commonName?: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** DNS names and IP addresses from subjectAltName. */
  dnsNames: string[];
  ipAddresses: string[];
  /** RSA, EC, Ed25519, Ed448, DSA, ... */
  keyType: string;
  /** Bits for RSA/DSA, curve size for EC. */
  keySize?: number;
  curve?: string;
  /** e.g. sha256WithRSAEncryption, ecdsa-with-SHA256, sha1WithRSAEncryption. */
  signatureAlgorithm: string;
  /** Hash used by the signature (SHA-1, SHA-256, ...) when it has one. */
  signatureHash?: string;
  selfIssued: boolean;
  /** Issued by itself and its signature verifies with its own key. */
  selfSigned: boolean;
  isCa: boolean;
  fingerprintSha1: string;
  fingerprintSha256: string;
  pem: string;
}

// OID → readable signature algorithm names (RFC 3279, 4055, 5758, 8410).
const SIGNATURE_OIDS: Record<string, { name: string; hash?: string }> = {
  '1.2.840.113549.1.1.4': { name: 'md5WithRSAEncryption', hash: 'MD5' },
  '1.2.840.113549.1.1.5': { name: 'sha1WithRSAEncryption', hash: 'SHA-1' },
  '1.2.840.113549.1.1.10': { name: 'rsassaPss' },
  '1.2.840.113549.1.1.11': { name: 'sha256WithRSAEncryption', hash: 'SHA-256' },
  '1.2.840.113549.1.1.12': { name: 'sha384WithRSAEncryption', hash: 'SHA-384' },
  '1.2.840.113549.1.1.13': { name: 'sha512WithRSAEncryption', hash: 'SHA-512' },
  '1.2.840.113549.1.1.14': { name: 'sha224WithRSAEncryption', hash: 'SHA-224' },
  '1.2.840.10045.4.1': { name: 'ecdsa-with-SHA1', hash: 'SHA-1' },
  '1.2.840.10045.4.3.1': { name: 'ecdsa-with-SHA224', hash: 'SHA-224' },
  '1.2.840.10045.4.3.2': { name: 'ecdsa-with-SHA256', hash: 'SHA-256' },
  '1.2.840.10045.4.3.3': { name: 'ecdsa-with-SHA384', hash: 'SHA-384' },
  '1.2.840.10045.4.3.4': { name: 'ecdsa-with-SHA512', hash: 'SHA-512' },
  '1.2.840.10040.4.3': { name: 'dsa-with-sha1', hash: 'SHA-1' },
  '2.16.840.1.101.3.4.3.2': { name: 'dsa-with-sha256', hash: 'SHA-256' },
  '1.3.101.112': { name: 'Ed25519' },
  '1.3.101.113': { name: 'Ed448' },
};

function fingerprint(der: Buffer, algorithm: 'sha1' | 'sha256'): string {
  return createHash(algorithm).update(der).digest('hex').toUpperCase().match(/.{2}/g)?.join(':') ?? '';
}

function toPem(der: Buffer): string {
  const b64 =
    der
      .toString('base64')
      .match(/.{1,64}/g)
      ?.join('\n') ?? '';
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

/** Parses one DER certificate. Node's X509Certificate gives key details and self-signature checks; @peculiar/x509 the signature algorithm and SANs. */
export function describeCertificate(der: Buffer): CertificateInfo {
  const cert = new x509.X509Certificate(der);
  const node = new NodeX509(der);
  const sigOidText = readSignatureOid(der);
  const known = sigOidText ? SIGNATURE_OIDS[sigOidText] : undefined;
  // Unknown OID: fall back to the algorithm @peculiar/x509 decoded (e.g. RSA-PSS parameters carry the hash).
  const peculiarHash = (cert.signatureAlgorithm as { hash?: { name?: string } }).hash?.name;
  const sig = known ?? {
    name: sigOidText ?? String((cert.signatureAlgorithm as { name?: string }).name),
    hash: peculiarHash,
  };
  const keyDetails = node.publicKey.asymmetricKeyDetails ?? {};
  const keyTypeRaw = node.publicKey.asymmetricKeyType ?? 'unknown';
  const keyType =
    keyTypeRaw === 'rsa' || keyTypeRaw === 'rsa-pss'
      ? 'RSA'
      : keyTypeRaw === 'ec'
        ? 'EC'
        : keyTypeRaw === 'ed25519'
          ? 'Ed25519'
          : keyTypeRaw === 'ed448'
            ? 'Ed448'
            : keyTypeRaw.toUpperCase();
  const curve = keyDetails.namedCurve;
  const curveBits: Record<string, number> = {
    prime256v1: 256,
    secp384r1: 384,
    secp521r1: 521,
    secp256k1: 256,
    secp224r1: 224,
  };
  const keySize =
    keyDetails.modulusLength ??
    (curve ? curveBits[curve] : keyType === 'Ed25519' ? 256 : keyType === 'Ed448' ? 456 : undefined);

  const dnsNames: string[] = [];
  const ipAddresses: string[] = [];
  const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
  if (san) {
    for (const name of san.names.items) {
      if (name.type === 'dns') dnsNames.push(name.value);
      else if (name.type === 'ip') ipAddresses.push(name.value);
    }
  }
  const basic = cert.getExtension(x509.BasicConstraintsExtension);
  const selfIssued = cert.subject === cert.issuer;
  let selfSigned = false;
  if (selfIssued) {
    try {
      selfSigned = node.verify(node.publicKey);
    } catch {
      selfSigned = false;
    }
  }
  const cn = /(?:^|,\s*)CN=([^,]+)/.exec(cert.subject)?.[1];
  const info: CertificateInfo = {
    subject: cert.subject,
    issuer: cert.issuer,
    serialNumber: cert.serialNumber,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    dnsNames,
    ipAddresses,
    keyType,
    signatureAlgorithm: sig.name,
    selfIssued,
    selfSigned,
    isCa: basic?.ca === true,
    fingerprintSha1: fingerprint(der, 'sha1'),
    fingerprintSha256: fingerprint(der, 'sha256'),
    pem: toPem(der),
  };
  if (cn) info.commonName = cn;
  if (keySize !== undefined) info.keySize = keySize;
  if (curve) info.curve = curve;
  const hash = sig.hash ?? peculiarHash;
  if (hash) info.signatureHash = hash;
  return info;
}

/**
 * Reads the outer signatureAlgorithm OID of a DER certificate:
 * SEQUENCE { tbsCertificate SEQUENCE, signatureAlgorithm SEQUENCE { OID, ... }, signature }.
 */
export function readSignatureOid(der: Buffer): string | undefined {
  try {
    let offset = 0;
    const readHeader = (): { tag: number; length: number; start: number } => {
      const tag = der[offset++] as number;
      let length = der[offset++] as number;
      if (length & 0x80) {
        const n = length & 0x7f;
        length = 0;
        for (let i = 0; i < n; i++) length = length * 256 + (der[offset++] as number);
      }
      return { tag, length, start: offset };
    };
    const outer = readHeader();
    if (outer.tag !== 0x30) return undefined;
    const tbs = readHeader();
    offset = tbs.start + tbs.length;
    const algo = readHeader();
    if (algo.tag !== 0x30) return undefined;
    const oid = readHeader();
    if (oid.tag !== 0x06) return undefined;
    const bytes = der.subarray(oid.start, oid.start + oid.length);
    const first = bytes[0] as number;
    const parts = [Math.floor(first / 40), first % 40];
    let value = 0;
    for (const byte of bytes.subarray(1)) {
      value = value * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) {
        parts.push(value);
        value = 0;
      }
    }
    return parts.join('.');
  } catch {
    return undefined;
  }
}
