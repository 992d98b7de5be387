// Every token check, on evidence that triggers it and on evidence that does not; plus the scoring arithmetic.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Address } from 'viem';
import { TOKEN_CHECKS } from '../../../src/engines/token/checks/registry.js';
import type { TokenEvidence } from '../../../src/engines/token/checks/types.js';
import type { HolderDistribution } from '../../../src/engines/token/holders/holders.js';
import type { Pool } from '../../../src/engines/token/pools/find-pools.js';
import type { LpOwnership } from '../../../src/engines/token/pools/lp-ownership.js';
import type { TokenPrivileges } from '../../../src/engines/token/privileges/owner-privileges.js';
import { bandOf, scoreToken } from '../../../src/engines/token/scoring/score.js';
import type { SimulationReport } from '../../../src/engines/token/simulation/interpret.js';

const A = '0x00000000000000000000000000000000000000aa' as Address;
const leg = { ok: true, quoted: '100', received: '100', gasUsed: 100_000, revertReason: null };
const sim = (over: Partial<SimulationReport> = {}): SimulationReport => ({
  venue: 'v2',
  router: A,
  path: [A, A],
  amountIn: '1',
  buyTax: 0,
  sellTax: 0,
  transferTax: 0,
  cannotBuy: false,
  cannotSell: false,
  cannotSellAll: false,
  transferBlocked: false,
  isHoneypot: false,
  gasAnomaly: false,
  legs: { buy: leg, transfer: leg, sell: leg, sellPartial: null },
  ...over,
});
const pool = { dex: 'X', kind: 'v2', address: A, reserveQuote: 10n } as unknown as Pool;
const privileges = (over: Partial<TokenPrivileges> = {}): TokenPrivileges => ({
  owner: A,
  ownerRenounced: false,
  ownerIsEoa: true,
  controlled: true,
  canMint: false,
  canBlacklist: false,
  canPause: false,
  canModifyTax: false,
  hasTradingSwitch: false,
  canChangeBalance: false,
  canTakeBackOwnership: false,
  antiWhaleModifiable: false,
  hiddenOwner: false,
  hiddenOwnerEvidence: [],
  proxy: null,
  selfdestruct: false,
  functions: [],
  creator: A,
  tags: [],
  ...over,
});
const lp = (over: Partial<LpOwnership> = {}): LpOwnership => ({
  pair: A,
  dex: 'X',
  lpTotalSupply: '1',
  burnedPercent: 100,
  lockedPercent: 0,
  lockers: [],
  creatorPercent: 0,
  ownerPercent: 0,
  topUnlockedPercent: 0,
  topUnlockedHolder: null,
  holderCount: 1,
  holders: [],
  ...over,
});
const holders = (top: number): HolderDistribution => ({
  holderCount: 10,
  complete: true,
  scannedBlocks: { from: '0', to: '1' },
  transferLogs: 10,
  top: [],
  topWalletPercent: top,
  topWalletAddress: A,
  top10Percent: top,
  creatorPercent: 0,
  ownerPercent: 0,
  burnedPercent: 0,
});
const clean = (): TokenEvidence => ({
  pools: { pools: [pool], main: pool, nativeUsd: 2000 },
  liquidityUsd: 50_000,
  lp: lp(),
  holders: holders(5),
  simulation: sim(),
  simulationSkipped: null,
  privileges: privileges(),
  tradingNotEnabled: { detected: false, evidence: [] },
});

/** For each check: evidence that must trigger it. */
const triggers: Record<string, (e: TokenEvidence) => TokenEvidence> = {
  honeypot: (e) => ({ ...e, simulation: sim({ cannotSell: true, isHoneypot: true }) }),
  'cannot-buy': (e) => ({ ...e, simulation: sim({ cannotBuy: true }) }),
  'cannot-sell-all': (e) => ({ ...e, simulation: sim({ cannotSellAll: true }) }),
  'extreme-tax': (e) => ({ ...e, simulation: sim({ sellTax: 35 }) }),
  'high-tax': (e) => ({ ...e, simulation: sim({ buyTax: 6 }) }),
  'transfer-tax': (e) => ({ ...e, simulation: sim({ transferTax: 2 }) }),
  'gas-anomaly': (e) => ({ ...e, simulation: sim({ gasAnomaly: true }) }),
  'trading-not-enabled': (e) => ({
    ...e,
    tradingNotEnabled: { detected: true, evidence: ['tradingOpen() returns false'] },
  }),
  'not-listed': (e) => ({ ...e, pools: { pools: [], main: null, nativeUsd: null } }),
  'low-liquidity': (e) => ({ ...e, liquidityUsd: 900 }),
  'lp-unlocked': (e) => ({
    ...e,
    lp: lp({ burnedPercent: 10, topUnlockedPercent: 90, topUnlockedHolder: A }),
  }),
  'holder-concentration': (e) => ({ ...e, holders: holders(25) }),
  'owner-can-mint': (e) => ({ ...e, privileges: privileges({ canMint: true }) }),
  'owner-change-balance': (e) => ({ ...e, privileges: privileges({ canChangeBalance: true }) }),
  'hidden-owner': (e) => ({ ...e, privileges: privileges({ hiddenOwner: true }) }),
  'take-back-ownership': (e) => ({ ...e, privileges: privileges({ canTakeBackOwnership: true }) }),
  'owner-can-blacklist': (e) => ({ ...e, privileges: privileges({ canBlacklist: true }) }),
  'owner-can-pause': (e) => ({ ...e, privileges: privileges({ canPause: true }) }),
  'upgradeable-proxy': (e) => ({
    ...e,
    privileges: privileges({ proxy: { kind: 'eip1967', upgrader: A, upgradeable: true } }),
  }),
  selfdestruct: (e) => ({ ...e, privileges: privileges({ selfdestruct: true }) }),
  'tax-modifiable': (e) => ({ ...e, privileges: privileges({ canModifyTax: true }) }),
  'trading-switch': (e) => ({ ...e, privileges: privileges({ hasTradingSwitch: true }) }),
  'anti-whale-modifiable': (e) => ({ ...e, privileges: privileges({ antiWhaleModifiable: true }) }),
};

describe('every registered check', () => {
  test('registry: unique kebab-case ids with metadata, and a trigger case here for each', () => {
    const ids = TOKEN_CHECKS.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual([...ids].sort(), Object.keys(triggers).sort());
    for (const c of TOKEN_CHECKS)
      assert.ok(c.title && c.description.length > 20 && c.recommendation.length > 10, c.id);
  });

  for (const check of TOKEN_CHECKS) {
    test(`${check.id}: passes on clean evidence, triggers on its own`, () => {
      const passed = check.evaluate(clean());
      assert.ok(passed, 'clean evidence is enough to decide');
      assert.equal(passed.triggered, false);
      const make = triggers[check.id];
      assert.ok(make);
      const hit = check.evaluate(make(clean()));
      assert.equal(hit?.triggered, true);
      // The scoring takes its points: the rating on the triggering evidence is below 10.
      assert.ok(scoreToken(make(clean())).riskRating < 10);
    });
  }
});

describe('scoring arithmetic', () => {
  test('clean evidence rates 10; penalties add up; caps bound the rating', () => {
    assert.equal(scoreToken(clean()).riskRating, 10);
    const two = scoreToken({ ...clean(), privileges: privileges({ canMint: true, canBlacklist: true }) });
    assert.equal(two.riskRating, 10 - 4 - 2);
    const capped = scoreToken(triggers.honeypot?.(clean()) as TokenEvidence);
    assert.equal(capped.riskRating, 0);
    assert.equal(capped.factors.find((f) => f.id === 'honeypot')?.cap, 1);
  });

  test('concentration tiers', () => {
    const at = (p: number) => scoreToken({ ...clean(), holders: holders(p) }).riskRating;
    assert.deepEqual([at(10), at(20), at(50), at(95)], [10, 8, 6, 3]);
  });

  test('missing evidence is unknown and costs nothing', () => {
    const r = scoreToken({ ...clean(), simulation: null, privileges: null, lp: null, holders: null });
    assert.equal(r.riskRating, 10);
    assert.equal(r.factors.find((f) => f.id === 'honeypot')?.status, 'unknown');
  });

  test('bands follow the seed', () => {
    assert.deepEqual([0, 3, 4, 6, 7, 10].map(bandOf), ['high', 'high', 'medium', 'medium', 'low', 'low']);
  });
});
