import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../core/ids.js';
import type { HostScanResult } from '../types.js';

/**
 * STIX 2.1 bundle of one host scan: SCOs for what was observed (domain-name,
 * ipv4/ipv6-addr, network-traffic per open port, software per identified
 * product, x509-certificate per served certificate), an observed-data SDO
 * wrapping them, notes for banners and findings, and relationships.
 * SCO ids are deterministic UUIDv5 over their id-contributing properties as
 * the specification requires (section 2.9), so the same IP or certificate
 * gets the same id in every export.
 */

const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';
/** Vigil's namespace for deterministic SDO ids (scan id + role). */
const VIGIL_NAMESPACE = '6b1f4c55-0d0e-4c8a-9f7e-3f5e2f1c9a11';

export type StixObject = Record<string, unknown> & { type: string; id: string; spec_version?: string };

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

export function uuidv5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function scoId(type: string, contributing: Record<string, unknown>): string {
  return `${type}--${uuidv5(STIX_SCO_NAMESPACE, canonicalJson(contributing))}`;
}

function sdoId(type: string, scanId: string, role: string): string {
  return `${type}--${uuidv5(VIGIL_NAMESPACE, `${scanId}|${role}`)}`;
}

function stixTime(iso: string): string {
  // STIX timestamps: RFC 3339 in UTC with a Z and millisecond precision.
  return new Date(iso).toISOString();
}

export function scanToStix(scanId: string, result: HostScanResult): StixBundle {
  const created = stixTime(result.finishedAt);
  const identity: StixObject = {
    type: 'identity',
    spec_version: '2.1',
    id: sdoId('identity', 'vigil', 'identity'),
    created: '2025-01-01T00:00:00.000Z',
    modified: '2025-01-01T00:00:00.000Z',
    name: 'Vigil host scanner',
    identity_class: 'system',
  };
  const common = { spec_version: '2.1', created, modified: created, created_by_ref: identity.id };
  const objects: StixObject[] = [identity];
  const scos: StixObject[] = [];
  const addSco = (obj: StixObject) => {
    if (!scos.some((o) => o.id === obj.id)) scos.push(obj);
    return obj.id;
  };

  const ipRef = new Map<string, string>();
  for (const a of result.addresses) {
    const type = a.family === 4 ? 'ipv4-addr' : 'ipv6-addr';
    ipRef.set(
      a.address,
      addSco({ type, spec_version: '2.1', id: scoId(type, { value: a.address }), value: a.address }),
    );
  }
  if (result.targetKind === 'hostname') {
    addSco({
      type: 'domain-name',
      spec_version: '2.1',
      id: scoId('domain-name', { value: result.target }),
      value: result.target,
      resolves_to_refs: [...ipRef.values()],
    });
  }

  const notes: StixObject[] = [];
  const relationships: StixObject[] = [];
  const trafficRef = new Map<string, string>();
  const leafRef = new Map<string, string>();
  for (const p of result.ports) {
    const dst = ipRef.get(p.address) as string;
    const protocols = [p.address.includes(':') ? 'ipv6' : 'ipv4', 'tcp'];
    if (p.tls) protocols.push('ssl');
    if (p.service?.identified && p.service.name !== 'ssl') protocols.push(p.service.name);
    const contributing = { dst_ref: dst, dst_port: p.port, protocols };
    const traffic: StixObject = {
      type: 'network-traffic',
      spec_version: '2.1',
      id: scoId('network-traffic', contributing),
      ...contributing,
      is_active: true,
    };
    if (p.service) {
      traffic.x_vigil_service = Object.fromEntries(
        Object.entries({
          name: p.service.name,
          product: p.service.product,
          version: p.service.version,
          info: p.service.info,
          identified: p.service.identified,
        }).filter(([, v]) => v !== undefined),
      );
    }
    const trafficId = addSco(traffic);
    trafficRef.set(`${p.address}:${p.port}`, trafficId);

    if (p.service?.product) {
      const sw: Record<string, unknown> = { name: p.service.product };
      if (p.service.version) sw.version = p.service.version;
      const softwareId = addSco({ type: 'software', spec_version: '2.1', id: scoId('software', sw), ...sw });
      relationships.push({
        type: 'relationship',
        ...common,
        id: sdoId('relationship', scanId, `${softwareId}|${trafficId}`),
        relationship_type: 'related-to',
        description: `${p.service.product} answers on ${p.address}:${p.port}/tcp`,
        source_ref: softwareId,
        target_ref: trafficId,
      });
    }
    if (p.service?.banner) {
      notes.push({
        type: 'note',
        ...common,
        id: sdoId('note', scanId, `banner|${p.address}:${p.port}`),
        abstract: `Banner of ${p.address}:${p.port}/tcp`,
        content: p.service.banner,
        object_refs: [trafficId],
      });
    }
    let previousCert: string | undefined;
    for (const [depth, c] of (p.tls?.chain ?? []).entries()) {
      const hashes = {
        'SHA-256': c.fingerprintSha256.replaceAll(':', ''),
        'SHA-1': c.fingerprintSha1.replaceAll(':', ''),
      };
      const certId = addSco({
        type: 'x509-certificate',
        spec_version: '2.1',
        id: scoId('x509-certificate', { hashes, serial_number: c.serialNumber }),
        hashes,
        is_self_signed: c.selfSigned,
        serial_number: c.serialNumber,
        signature_algorithm: c.signatureAlgorithm,
        issuer: c.issuer,
        subject: c.subject,
        validity_not_before: stixTime(c.notBefore),
        validity_not_after: stixTime(c.notAfter),
        subject_public_key_algorithm: c.keyType,
        x509_v3_extensions: {
          subject_alternative_name: [
            ...c.dnsNames.map((d) => `DNS:${d}`),
            ...c.ipAddresses.map((ip) => `IP:${ip}`),
          ].join(', '),
          ...(c.isCa ? { basic_constraints: 'critical,CA:TRUE' } : {}),
        },
      });
      if (depth === 0) leafRef.set(`${p.address}:${p.port}`, certId);
      if (depth === 0) {
        relationships.push({
          type: 'relationship',
          ...common,
          id: sdoId('relationship', scanId, `${trafficId}|${certId}`),
          relationship_type: 'related-to',
          description: 'certificate presented by the service',
          source_ref: trafficId,
          target_ref: certId,
        });
      }
      if (previousCert) {
        relationships.push({
          type: 'relationship',
          ...common,
          id: sdoId('relationship', scanId, `${previousCert}|issued-by|${certId}`),
          relationship_type: 'related-to',
          description: 'issued by',
          source_ref: previousCert,
          target_ref: certId,
        });
      }
      previousCert = certId;
    }
  }

  for (const f of result.findings) {
    const refs = [trafficRef.get(`${f.address}:${f.port}`), leafRef.get(`${f.address}:${f.port}`)].filter(
      (r): r is string => r !== undefined,
    );
    notes.push({
      type: 'note',
      ...common,
      id: sdoId('note', scanId, `finding|${f.id}|${f.address}:${f.port}`),
      abstract: `[${f.severity}] ${f.title}`,
      content: `${f.message}\n\nRecommendation: ${f.recommendation}`,
      labels: [f.id, `severity:${f.severity}`],
      object_refs: refs,
    });
  }

  objects.push({
    type: 'observed-data',
    ...common,
    id: sdoId('observed-data', scanId, 'observed-data'),
    first_observed: stixTime(result.startedAt),
    last_observed: stixTime(result.finishedAt),
    number_observed: 1,
    object_refs: scos.map((o) => o.id),
  });
  objects.push(...scos, ...notes, ...relationships);
  return { type: 'bundle', id: `bundle--${uuidv5(VIGIL_NAMESPACE, `${scanId}|bundle`)}`, objects };
}
