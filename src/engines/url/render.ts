import type { UrlScanResult } from './analyzer.js';

const LEVEL_NAMES: Record<string, string> = {
  '-1': 'Invalid',
  '0': 'Very Low Risk',
  '1': 'Some Risk',
  '2': 'Low Risk',
  '3': 'Medium Risk',
  '4': 'High Risk',
  '5': 'Significant Risk',
};

export function riskLevelName(level: number): string {
  return LEVEL_NAMES[String(level)] ?? String(level);
}

/** Terminal table: verdict, triggered details, then every check's status. */
export function renderTable(r: UrlScanResult): string {
  const lines: string[] = [];
  lines.push(`URL        ${r.input}`);
  if (!r.valid) {
    lines.push(`risk_level -1 (Invalid): ${r.message ?? ''}`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`host       ${r.unicodeHost}${r.unicodeHost !== r.host ? ` (${r.host})` : ''}`);
  lines.push(`domain     ${r.domain ?? '-'}`);
  lines.push(`risk_level ${r.riskLevel} (${riskLevelName(r.riskLevel)})`);
  lines.push('');
  if (r.riskDetail.length) {
    lines.push('risk_detail');
    for (const d of r.riskDetail) lines.push(`  ${d.name.padEnd(30)} ${d.value}`);
    lines.push('');
  }
  lines.push('checks');
  for (const c of r.checks) {
    const extra = c.note ? `  (${c.note})` : '';
    lines.push(`  ${c.id.padEnd(30)} ${c.status.padEnd(11)} level ${c.level}${extra}`);
  }
  if (r.similarity.length) {
    lines.push('');
    lines.push('look-alike of');
    for (const m of r.similarity.slice(0, 5)) {
      lines.push(
        `  ${m.brand} (${m.official}): ${m.technique}, ${m.strength}${m.distance ? `, distance ${m.distance}` : ''}`,
      );
    }
  }
  if (r.content.status === 'ok' && r.content.verdict.findings.length) {
    lines.push('');
    lines.push(`page content (score ${r.content.verdict.score})`);
    for (const f of r.content.verdict.findings) lines.push(`  ${f.ruleId} (+${f.weight}): ${f.sample}`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderMarkdown(r: UrlScanResult): string {
  if (!r.valid) return `**${r.input}**: invalid (${r.message ?? ''})\n`;
  const rows = r.riskDetail.map((d) => `| ${d.name} | ${d.value} |`).join('\n');
  return `### ${r.input}\n\nrisk_level **${r.riskLevel}** (${riskLevelName(r.riskLevel)})\n\n| check | result |\n| --- | --- |\n${rows}\n`;
}
