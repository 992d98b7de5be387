import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

type CryptoKeyPair = webcrypto.CryptoKeyPair;

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export interface TestCert {
  certPem: string;
  keyPem: string;
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
}

const DAY = 86_400_000;

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .match(/.{1,64}/g)
    ?.join('\n');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

export interface CertSpec {
  subject: string;
  notBefore?: Date;
  notAfter?: Date;
  /** SANs; default IP 127.0.0.1 and DNS localhost. */
  san?: Array<{ type: 'dns' | 'ip'; value: string }>;
  keyBits?: number;
  hash?: 'SHA-256' | 'SHA-1';
  ca?: boolean;
  issuer?: TestCert;
}

let serial = 1;

/** Generates an RSA certificate (self-signed unless `issuer` is given) with WebCrypto and @peculiar/x509. */
export async function makeCert(spec: CertSpec): Promise<TestCert> {
  const hash = spec.hash ?? 'SHA-256';
  const algorithm = {
    name: 'RSASSA-PKCS1-v1_5',
    hash,
    publicExponent: new Uint8Array([1, 0, 1]),
    modulusLength: spec.keyBits ?? 2048,
  };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const now = Date.now();
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(spec.ca === true, undefined, true),
    new x509.KeyUsagesExtension(
      spec.ca
        ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign
        : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
      true,
    ),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  if (!spec.ca) {
    extensions.push(
      new x509.SubjectAlternativeNameExtension(
        spec.san ?? [
          { type: 'ip', value: '127.0.0.1' },
          { type: 'dns', value: 'localhost' },
        ],
      ),
    );
  }
  if (spec.issuer) extensions.push(await x509.AuthorityKeyIdentifierExtension.create(spec.issuer.cert));
  const common = {
    serialNumber: (serial++).toString(16).padStart(4, '0'),
    notBefore: spec.notBefore ?? new Date(now - DAY),
    notAfter: spec.notAfter ?? new Date(now + 365 * DAY),
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash },
    extensions,
  };
  const cert = spec.issuer
    ? await x509.X509CertificateGenerator.create({
        ...common,
        subject: spec.subject,
        issuer: spec.issuer.cert.subject,
        publicKey: keys.publicKey,
        signingKey: spec.issuer.keys.privateKey,
      })
    : await x509.X509CertificateGenerator.createSelfSigned({ ...common, name: spec.subject, keys });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { cert, keys, certPem: `${cert.toString('pem').trim()}\n`, keyPem: pem('PRIVATE KEY', pkcs8) };
}

export const days = (n: number) => new Date(Date.now() + n * DAY);
