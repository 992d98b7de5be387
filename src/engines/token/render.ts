import type { FailOnLevel } from '../../core/engine.js';
import type { TokenScanResult } from './types.js';

const BAND_LABEL = { low: 'Low risk', medium: 'Medium risk', high: 'High risk' } as const;

export function renderTable(r: TokenScanResult): string {
  const t = r.token;
  const lines = [
    `${t.name} (${t.symbol}) ${t.address} on ${t.network}`,
    `riskRating ${r.riskRating}/10 — ${BAND_LABEL[r.band]}${r.unLaunched ? ' — not launched' : ''}`,
    `main token ${t.mainToken ?? 'none'}; DEXes ${t.dexTitles.join(', ') || 'none'}; created ${t.createdAt ?? 'unknown'}`,
  ];
  const s = r.details.simulation;
  if (s)
    lines.push(
      `simulation: buy tax ${s.buyTax ?? 'n/a'}%, sell tax ${s.sellTax ?? 'n/a'}%, transfer tax ${s.transferTax ?? 'n/a'}%, honeypot ${s.isHoneypot}`,
    );
  else if (r.details.simulationSkipped) lines.push(`simulation skipped: ${r.details.simulationSkipped}`);
  lines.push('', 'STATUS     PENALTY  CHECK                    DETAIL');
  for (const f of r.factors.filter((x) => x.status !== 'passed')) {
    const pen = f.penalty ? `-${f.penalty}${f.cap !== null ? ` cap ${f.cap}` : ''}` : '';
    lines.push(`${f.status.padEnd(10)} ${pen.padEnd(8)} ${f.id.padEnd(24)} ${f.detail}`);
  }
  return lines.join('\n');
}

export function renderMarkdown(r: TokenScanResult): string {
  const t = r.token;
  const rows = r.factors
    .map(
      (f) =>
        `| ${f.id} | ${f.status} | ${f.penalty ? `-${f.penalty}` : ''}${f.cap !== null ? ` (cap ${f.cap})` : ''} | ${f.detail.replaceAll('|', '\\|')} |`,
    )
    .join('\n');
  return `# ${t.name} (${t.symbol})\n\n\`${t.address}\` on ${t.network} — **riskRating ${r.riskRating}/10 (${BAND_LABEL[r.band]})**${r.unLaunched ? ', not launched' : ''}\n\n| check | status | points | detail |\n| --- | --- | --- | --- |\n${rows}\n`;
}

/** `--fail-on high|medium|low`: fails when the token's band is at least that risky. */
export function exceeds(r: TokenScanResult, level: FailOnLevel): boolean {
  const order = { low: 1, medium: 2, high: 3 } as const;
  const wanted = order[level.toLowerCase() as keyof typeof order];
  if (!wanted) return false;
  return order[r.band] >= wanted;
}
