import { SEVERITY_ORDER, type Severity } from './tls/checks/define-check.js';
import type { HostPortResult, HostScanResult } from './types.js';

function pad(text: string, width: number): string {
  return text.length >= width ? `${text.slice(0, Math.max(0, width - 1))}…` : text.padEnd(width);
}

function serviceName(p: HostPortResult): string {
  const s = p.service;
  if (!s) return '-';
  const name = s.tls && s.name !== 'ssl' ? `ssl/${s.name}` : s.name;
  return s.identified ? name : `${name}?`;
}

function versionText(p: HostPortResult): string {
  const s = p.service;
  if (!s) return '';
  const parts = [s.product, s.version].filter(Boolean).join(' ');
  const info = s.info ? ` (${s.info})` : '';
  const title = s.extra.title ? ` "${s.extra.title}"` : '';
  return `${parts}${info}${title}`.trim();
}

function tlsText(p: HostPortResult): string {
  if (!p.tls) return p.tlsError ? `handshake failed: ${p.tlsError}` : '';
  const leaf = p.tls.chain[0];
  const cn = leaf?.commonName ? ` CN=${leaf.commonName}` : '';
  return `${p.tls.protocol ?? ''} ${p.tls.cipherStandardName ?? p.tls.cipher ?? ''}${cn}`.trim();
}

function headline(r: HostScanResult): string {
  const addrs = r.addresses.map((a) => a.address).join(', ');
  const target = r.targetKind === 'hostname' ? `${r.target} (${addrs})` : r.target;
  const filtered = r.addresses.reduce((n, a) => n + a.filteredCount, 0);
  const scanned = r.addresses.reduce((n, a) => n + a.scanned, 0);
  return (
    `Host scan of ${target}, ports ${r.portSpec}: ${scanned} scanned, ${r.summary.openPorts} open, ` +
    `${filtered} filtered, ${r.summary.identifiedServices} identified, ${r.summary.tlsServices} TLS ` +
    `in ${(r.timings.totalMs / 1000).toFixed(2)} s (ports ${(r.timings.portScanMs / 1000).toFixed(2)} s, services ${(r.timings.serviceMs / 1000).toFixed(2)} s)`
  );
}

/** Terminal table: port / state / service / version / TLS, then findings, then banners of unknown services. */
export function renderTable(r: HostScanResult): string {
  const lines = [headline(r), ''];
  const multi = r.addresses.length > 1;
  if (r.ports.length === 0) {
    lines.push('No open ports.');
  } else {
    const rows = r.ports.map((p) => [
      multi ? `${p.address}:${p.port}/tcp` : `${p.port}/tcp`,
      p.state,
      serviceName(p),
      versionText(p),
      tlsText(p),
    ]);
    const header = [multi ? 'ADDRESS:PORT' : 'PORT', 'STATE', 'SERVICE', 'VERSION', 'TLS'];
    // Column widths follow the content, bounded so one long banner cannot push TLS off screen.
    const caps = [40, 8, 20, 64, 80];
    const widths = header.map((h, i) =>
      Math.min(caps[i] as number, Math.max(h.length, ...rows.map((row) => (row[i] as string).length))),
    );
    const line = (cells: string[]) =>
      cells
        .map((cell, i) => (i === cells.length - 1 ? cell : pad(cell, (widths[i] as number) + 1)))
        .join(' ')
        .trimEnd();
    lines.push(line(header));
    for (const row of rows) lines.push(line(row));
  }
  if (r.findings.length > 0) {
    lines.push('', `Findings (${r.findings.length}):`);
    const sorted = [...r.findings].sort(
      (a, b) => SEVERITY_ORDER.indexOf(b.severity) - SEVERITY_ORDER.indexOf(a.severity) || a.port - b.port,
    );
    for (const f of sorted)
      lines.push(
        `  ${pad(f.severity.toUpperCase(), 9)} ${pad(`${f.port}/tcp`, 10)} ${pad(f.id, 24)} ${f.message}`,
      );
  }
  const unknown = r.ports.filter((p) => p.service && !p.service.identified && p.service.banner);
  if (unknown.length > 0) {
    lines.push('', 'Banners of unidentified services:');
    for (const p of unknown) lines.push(`  ${p.port}/tcp: ${p.service?.banner?.slice(0, 160)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderMarkdown(r: HostScanResult): string {
  const esc = (s: string) => s.replaceAll('|', '\\|');
  const lines = [
    `# Host scan: ${r.target}`,
    '',
    headline(r),
    '',
    '| Port | Service | Version | TLS |',
    '|---|---|---|---|',
  ];
  for (const p of r.ports)
    lines.push(
      `| ${p.address}:${p.port}/tcp | ${esc(serviceName(p))} | ${esc(versionText(p))} | ${esc(tlsText(p))} |`,
    );
  if (r.findings.length > 0) {
    lines.push('', '## Findings', '', '| Severity | Port | Check | Message |', '|---|---|---|---|');
    for (const f of r.findings) lines.push(`| ${f.severity} | ${f.port} | ${f.id} | ${esc(f.message)} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** For `--fail-on <severity>`: true when any finding is at or above the level. */
export function resultExceeds(r: HostScanResult, level: string): boolean {
  const threshold = SEVERITY_ORDER.indexOf(level.toLowerCase() as Severity);
  if (threshold < 0) return false;
  return r.findings.some((f) => SEVERITY_ORDER.indexOf(f.severity) >= threshold);
}
