import type { AddressScanResult, RiskLevel } from './types.js';

const RISK_ORDER: Record<string, number> = { LOW_RISK: 1, MEDIUM_RISK: 2, HIGH_RISK: 3 };

/** One line per analyzer detector that fired on the verified source. */
function analyzerLines(result: AddressScanResult): string[] {
  const a = result.facts.analyzer;
  if (!a.ran) return [];
  const counts = `${a.critical} critical, ${a.high} high, ${a.medium} medium, ${a.low} low`;
  return [
    `source analysis (${result.facts.source.provider ?? 'verified source'}): ${counts}`,
    ...a.findings.map((f) => `  ${f.severity.padEnd(8)} ${f.title} (${f.detector}) x${f.count}`),
  ];
}

function riskyDetails(result: AddressScanResult): AddressScanResult['risk_details'] {
  const risky = new Set(result.scoring.map((s) => s.name));
  return result.risk_details.filter((d) => risky.has(d.name));
}

export function renderTable(result: AddressScanResult): string {
  const lines = [
    `${result.address} on chain ${result.chainId}: ${result.address_type}, trust ${result.trust_score}/100 (${result.trust_level})`,
  ];
  if (result.facts.token.standard) {
    lines.push(
      `token: ${result.facts.token.standard} ${result.facts.token.symbol ?? ''} ${result.facts.token.name ?? ''}`.trimEnd(),
    );
  }
  if (result.facts.proxy)
    lines.push(`proxy: ${result.facts.proxy.kind} → ${result.facts.proxy.implementation}`);
  const width = Math.max(...result.risk_details.map((d) => d.name.length));
  for (const d of result.risk_details) {
    const points = result.scoring.find((s) => s.name === d.name)?.points;
    lines.push(
      `  ${d.name.padEnd(width)}  ${d.value.padEnd(5)}  ${d.risk_level.padEnd(11)}${points ? `  -${points}` : ''}`,
    );
  }
  lines.push(...analyzerLines(result));
  return lines.join('\n');
}

export function renderMarkdown(result: AddressScanResult): string {
  const rows = result.risk_details.map(
    (d) => `| ${d.name} | ${d.value} | ${d.risk_level} | ${d.risk_desc} |`,
  );
  return [
    `# Address ${result.address} (chain ${result.chainId})`,
    '',
    `**${result.address_type}**, trust score **${result.trust_score}** (${result.trust_level}).`,
    '',
    '| check | value | risk level | description |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    ...(result.facts.analyzer.ran ? ['```', ...analyzerLines(result), '```', ''] : []),
  ].join('\n');
}

/** `--fail-on LOW_RISK|MEDIUM_RISK|HIGH_RISK`: a risky detail at or above the level; or a trust score `<N`. */
export function resultExceeds(result: AddressScanResult, level: string): boolean {
  const threshold = RISK_ORDER[level.toUpperCase()];
  if (threshold === undefined) {
    const n = Number(level);
    return Number.isFinite(n) ? result.trust_score < n : false;
  }
  return riskyDetails(result).some((d) => (RISK_ORDER[d.risk_level as RiskLevel] ?? 0) >= threshold);
}
