/**
 * Generates the "token" section of docs/scoring.md from the check registry, between markers so
 * other engines' sections stay untouched. Run: `npx tsx src/engines/token/docs.ts`.
 */
import { fileURLToPath } from 'node:url';
import { replaceSection, SCORING_DOC, sectionMarkers, writeSection } from '../../core/docs/sections.js';
import { TOKEN_CHECKS } from './checks/registry.js';
import { FAILURE_REASONS } from './reasons.js';
import { GAS_ANOMALY_LIMIT, HONEYPOT_SELL_TAX } from './simulation/interpret.js';

const { begin: TOKEN_SECTION_BEGIN, end: TOKEN_SECTION_END } = sectionMarkers(
  'token',
  'src/engines/token/docs.ts',
);

export { SCORING_DOC };

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

export function renderTokenScoringSection(): string {
  const rows = TOKEN_CHECKS.flatMap((c) =>
    c.weights.map(
      (w, i) =>
        `| ${i === 0 ? `\`${c.id}\`` : ''} | ${i === 0 ? c.severity : ''} | ${cell(w.when)} | ${w.penalty ? `−${w.penalty}` : '0'} | ${w.cap ?? ''} | ${i === 0 ? cell(c.description) : ''} |`,
    ),
  );
  const reasons = Object.entries(FAILURE_REASONS).map(([r, d]) => `| \`${r}\` | ${cell(d)} |`);
  return [
    TOKEN_SECTION_BEGIN,
    '## token',
    '',
    'The token scam / rug-pull engine (`src/engines/token`) rates a token 0-10, **higher is safer** (seed 002):',
    '**7-10 low risk, 4-6 medium risk, 0-3 high risk**.',
    '',
    '**Formula.** `riskRating = round(min(10 − Σ penalties, lowest cap))`, clamped to 0-10. Each check below either',
    '`triggered` (its penalty is taken and its cap applies), `passed`, or is `unknown` (the evidence it needs is',
    'missing: no pool to simulate against, no owner analysis, no price for liquidity) and costs nothing. Every check',
    'is returned in `factors` with its status, value, a one-line detail and the points it took, so the rating can be',
    'recomputed by hand.',
    '',
    '**Evidence.** Pools: `getPair` / `getPool` of the token against every configured quote token on every configured',
    'factory; the deepest pool (quote side valued in the wrapped native token, stables converted through the deepest',
    'native/stable pool) gives `mainToken`. LP ownership: Transfer logs of the main V2 pair, balances read back with',
    '`balanceOf` (burned = zero/dead addresses, locked = configured lockers). Holders: Transfer logs of the token from',
    'its creation block (binary search on `eth_getCode`), at most `token.holderScanMaxBlocks` blocks, in',
    '`token.logChunkBlocks` chunks; pools, burn addresses, lockers and the token contract are not "wallets".',
    `Simulation: one \`eth_call\` with a state override injecting Vigil's simulator (\`src/engines/token/simulation/TokenSimulator.sol\`)`,
    'that quotes and buys through the V2 router (for a token with only V3 pools: swaps directly against the deepest',
    'V3 pool paired with the wrapped native, the quote being what the pool pays out), transfers to a second fresh',
    'address, and sells 100% (then 99%); when the buy, the transfer or every sell fails, the same call is re-run under',
    '`debug_traceCall` (callTracer) to name the contract that raised the error (`simulation.blockedBy`: the token or a guard it calls);',
    `tax = (quoted − received) / quoted per leg; honeypot when the sell reverts, the transfer reverts, or sell tax ≥ ${HONEYPOT_SELL_TAX}%;`,
    `gas anomaly above ${GAS_ANOMALY_LIMIT} gas per leg. Owner powers come from the address engine (selectors tagged mint,`,
    'blacklist, pause, modify_fee, trading_switch, ...; counted only while a live owner, role admin or hidden privileged',
    'caller exists). `unLaunched` is true when no pool has liquidity or trading is not enabled yet.',
    '',
    '| check | severity | triggered when | penalty | cap | description |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'Fixture tokens on the local DEX test bed (`test/engines/token/engine.test.ts`): clean token with burned LP 10;',
    'LP locked in a locker 10; sells blocked for non-owners 0; 3%/99% buy/sell tax 0; 5%/10%/2% buy/sell/transfer tax',
    'with a tax setter 6; owner can mint 6; LP held by the deployer 6; trading not enabled yet 6 (unLaunched); 95% in',
    'one wallet 3; no pool 6 (unLaunched).',
    '',
    '**Failure reasons** (`reason` of a failed CryptoWatchtower result):',
    '',
    '| reason | meaning |',
    '| --- | --- |',
    ...reasons,
    TOKEN_SECTION_END,
  ].join('\n');
}

/** Replaces the token section in the doc text (or appends it). */
export function withTokenSection(doc: string): string {
  return replaceSection(doc, 'token', renderTokenScoringSection());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeSection('token', renderTokenScoringSection());
  console.log(`updated ${SCORING_DOC}`);
}
