/**
 * Generates the "address" section of docs/scoring.md from the check registry,
 * between markers so other engines' sections stay untouched.
 * Run: `npx tsx src/engines/address/docs.ts`.
 */
import { fileURLToPath } from 'node:url';
import { replaceSection, SCORING_DOC, sectionMarkers, writeSection } from '../../core/docs/sections.js';
import { ADDRESS_CHECKS } from './checks/index.js';

const { begin: SECTION_BEGIN, end: SECTION_END } = sectionMarkers('address', 'src/engines/address/docs.ts');

export { SCORING_DOC };

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

export function renderAddressScoringSection(): string {
  const rows = ADDRESS_CHECKS.map(
    (c) =>
      `| \`${c.name}\` | ${c.riskLevel} | ${c.scope} | ${c.riskyWhen ? '"true"' : '"false"'} | ${c.weight} | ${cell(c.riskDesc)} | ${cell(c.basis)} |`,
  );
  return [
    SECTION_BEGIN,
    '## address',
    '',
    'The address-security engine (`src/engines/address`) answers how far an address can be trusted, 0-100.',
    '',
    '**Formula.** Start at 100; every check that is risky for the address (its value equals the "risky when" column)',
    'takes its weight; the result is floored at 0. A check outside its scope (a contract check on an EOA) reads',
    '`"false"` and costs nothing; so does a check that could not be established (its `risk_desc` ends with',
    '`(not checked: <reason>)`, for example when no source provider is configured or the node lacks the Otterscan',
    '`ots_*` methods). `Malicious Address` weighs 100: any imported-list hit scores 0.',
    '',
    '**Bands** (seed 001): 80-100 `HIGH_TRUST`, 60-79 `MEDIUM_TRUST`, 0-59 `LOW_TRUST`; `-1` while no result exists',
    'yet (the client polls again after `polling_interval` ms).',
    '',
    "**Levels are fixed per check** (the vendor's vocabulary): the level says how bad the risky outcome is, whatever",
    'the value for this address. Every check is returned for every address, value `"true"` or `"false"`.',
    '',
    '| check | risk level | scope | risky when | weight | risk_desc | how Vigil decides |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'Examples measured by the tests on a local chain (`test/engines/address/scan-fixtures.test.ts`): unused EOA 95;',
    'renounced OpenZeppelin ERC20 95 (new_contract); mintable token with an EOA owner 70; blacklist/pause token 55;',
    'EIP-1967 proxy upgradeable by an EOA 70; minimal proxy 90; selfdestruct contract 70; hidden-owner token 40;',
    'an account that paid a listed phisher 60; a listed address 0.',
    SECTION_END,
  ].join('\n');
}

/** Replaces the address section in the doc text (or appends it). */
export function withAddressSection(doc: string): string {
  return replaceSection(doc, 'address', renderAddressScoringSection());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeSection('address', renderAddressScoringSection());
  console.log(`updated ${SCORING_DOC}`);
}
