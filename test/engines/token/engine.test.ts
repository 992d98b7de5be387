import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../../src/core/db/types.js';
import type { Engine } from '../../../src/core/engine.js';
import { isVigilError } from '../../../src/core/errors.js';
import type { TokenScanResult } from '../../../src/engines/token/index.js';
import { type AnvilInstance, startAnvil } from '../../helpers/anvil.js';
import { engineFor, memoryDb, runContext, tokenConfig } from './engine-setup.js';
import { deployTestBed, type TestBed } from './testbed.js';

let chain: AnvilInstance;
let bed: TestBed;
let db: Db;
let engine: Engine<TokenScanResult>;
const results = new Map<string, TokenScanResult>();

before(async () => {
  chain = await startAnvil();
  bed = await deployTestBed(chain);
  db = await memoryDb();
  engine = engineFor(tokenConfig(chain, bed), db);
});
after(async () => {
  await db.close();
  await chain.stop();
});

async function scan(key: string): Promise<TokenScanResult> {
  const hit = results.get(key);
  if (hit) return hit;
  const token = bed.tokens[key];
  assert.ok(token, key);
  const { target, options } = await engine.normalize(token.address.toLowerCase(), {});
  const result = await engine.run(target, options, runContext());
  results.set(key, result);
  return result;
}

const factor = (r: TokenScanResult, id: string) => {
  const f = r.factors.find((x) => x.id === id);
  assert.ok(f, `factor ${id}`);
  return f;
};
const triggered = (r: TokenScanResult) =>
  r.factors
    .filter((f) => f.status === 'triggered')
    .map((f) => f.id)
    .sort();

describe('each fixture token lands in its expected risk band', () => {
  for (const key of [
    'clean',
    'locked',
    'honeypot',
    'sellTax99',
    'moderateTax',
    'mintable',
    'unlockedLp',
    'tradingDisabled',
    'whale',
    'unlisted',
  ]) {
    test(key, async () => {
      const r = await scan(key);
      const expected = bed.tokens[key]?.expectedBand;
      assert.equal(r.band, expected, `${key}: rating ${r.riskRating}, triggered ${triggered(r).join(', ')}`);
      const inBand =
        expected === 'low'
          ? r.riskRating >= 7
          : expected === 'medium'
            ? r.riskRating >= 4 && r.riskRating <= 6
            : r.riskRating <= 3;
      assert.ok(inBand, `rating ${r.riskRating} outside ${expected}`);
    });
  }
});

describe('factors explain the rating', () => {
  test('clean token with burned LP: nothing triggered, seed token fields filled', async () => {
    const r = await scan('clean');
    assert.deepEqual(triggered(r), []);
    assert.equal(r.riskRating, 10);
    assert.equal(r.unLaunched, false);
    assert.deepEqual(
      {
        id: r.token.id,
        name: r.token.name,
        symbol: r.token.symbol,
        decimals: r.token.decimals,
        network: r.token.network,
      },
      { id: 'clean-token', name: 'Clean Token', symbol: 'CLEAN', decimals: 18, network: 'anvil' },
    );
    assert.equal(r.token.address, bed.tokens.clean?.address);
    assert.equal(r.token.mainToken, 'WETH');
    assert.deepEqual(r.token.dexTitles, ['Uniswap v2']);
    assert.match(r.token.createdAt ?? '', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    assert.equal(r.details.creator, bed.deployer);
    assert.ok((r.details.lp?.burnedPercent ?? 0) > 99);
    assert.equal(r.details.liquidity.usd, 20_000);
    assert.equal(r.details.holders?.complete, true);
    assert.ok(r.stats.rpcRequests > 0);
  });

  test('locked LP counts as safe and names the locker', async () => {
    const r = await scan('locked');
    assert.ok((r.details.lp?.lockedPercent ?? 0) > 99);
    assert.equal(r.details.lp?.lockers[0]?.name, 'Test locker');
    assert.equal(factor(r, 'lp-unlocked').status, 'passed');
  });

  test('honeypot: sell reverts, rating capped', async () => {
    const r = await scan('honeypot');
    assert.equal(factor(r, 'honeypot').status, 'triggered');
    assert.equal(r.details.simulation?.cannotSell, true);
    assert.match(String(factor(r, 'honeypot').detail), /raised by the token itself/);
    assert.ok(r.riskRating <= 1);
  });

  for (const key of ['sellTax99', 'moderateTax']) {
    test(`${key}: simulated taxes match the coded taxes within 1 percentage point`, async () => {
      const r = await scan(key);
      const coded = bed.tokens[key]?.coded;
      const s = r.details.simulation;
      assert.ok(coded && s);
      assert.ok(Math.abs((s.buyTax ?? -100) - coded.buy) <= 1, `buy ${s.buyTax}`);
      assert.ok(Math.abs((s.sellTax ?? -100) - coded.sell) <= 1, `sell ${s.sellTax}`);
      assert.ok(Math.abs((s.transferTax ?? -100) - coded.transfer) <= 1, `transfer ${s.transferTax}`);
    });
  }

  test('99% sell tax is a honeypot and an extreme tax', async () => {
    const r = await scan('sellTax99');
    assert.equal(factor(r, 'honeypot').status, 'triggered');
    assert.equal(factor(r, 'extreme-tax').status, 'triggered');
  });

  test('moderate taxes: high-tax and transfer-tax, tax setter from the address engine', async () => {
    const r = await scan('moderateTax');
    assert.deepEqual(triggered(r), ['high-tax', 'tax-modifiable', 'transfer-tax']);
  });

  test('owner can mint after launch', async () => {
    const r = await scan('mintable');
    assert.deepEqual(triggered(r), ['owner-can-mint']);
    assert.equal(r.details.privileges?.owner, bed.deployer);
  });

  test('LP held by the deployer is flagged', async () => {
    const r = await scan('unlockedLp');
    assert.deepEqual(triggered(r), ['lp-unlocked']);
    assert.ok((r.details.lp?.creatorPercent ?? 0) > 99);
  });

  test('trading not enabled: unLaunched, not mistaken for a honeypot', async () => {
    const r = await scan('tradingDisabled');
    assert.equal(r.unLaunched, true);
    assert.deepEqual(triggered(r), ['trading-not-enabled', 'trading-switch']);
    assert.match(r.details.tradingNotEnabled.evidence.join(' '), /tradingEnabled\(\) returns false/);
    assert.equal(factor(r, 'honeypot').status, 'unknown');
  });

  test('95% in one wallet', async () => {
    const r = await scan('whale');
    assert.deepEqual(triggered(r), ['holder-concentration']);
    assert.equal(r.details.holders?.topWalletPercent, 95);
    assert.ok(r.riskRating <= 3);
  });

  test('no pool: unLaunched and not-listed', async () => {
    const r = await scan('unlisted');
    assert.equal(r.unLaunched, true);
    assert.deepEqual(triggered(r), ['not-listed']);
    assert.equal(r.token.mainToken, null);
    assert.deepEqual(r.token.dexTitles, []);
  });
});

describe('resolution', () => {
  test('two tokens share a symbol: the deeper pool wins and the ambiguity is reported', async () => {
    const freshDb = await memoryDb();
    try {
      const fresh = engineFor(tokenConfig(chain, bed), freshDb);
      const { target } = await fresh.normalize('clean', {});
      const r = await fresh.run(target, {}, runContext());
      assert.equal(r.token.address, bed.tokens.clean?.address);
      const amb = r.details.resolution.ambiguity;
      assert.ok(amb);
      assert.equal(amb.rule, 'deepest-liquidity');
      assert.deepEqual(
        amb.candidates.map((c) => [c.address, c.liquidityUsd]),
        [
          [bed.tokens.clean?.address, 20_000],
          [bed.tokens.cleanTwin?.address, 2_000],
        ],
      );
    } finally {
      await freshDb.close();
    }
  });

  test('an unlisted symbol is found through PairCreated logs and Vigil’s index', async () => {
    const { target } = await engine.normalize('GREED', {});
    assert.equal(target, 'GREED');
    const r = await engine.run(target, {}, runContext());
    assert.equal(r.token.address, bed.tokens.sellTax99?.address);
    assert.equal(r.details.resolution.query, 'GREED');
  });

  test('an EOA or an unknown symbol is INVALID_TARGET with reason token-not-found', async () => {
    for (const target of [bed.deployer, 'NOSUCHTOKEN', 'http://x', '0x1234']) {
      await assert.rejects(
        Promise.resolve().then(() => engine.normalize(target, {})),
        (err: unknown) => {
          assert.ok(isVigilError(err));
          assert.equal(err.code, 'INVALID_TARGET');
          assert.match(err.message, /^token-not-found: /);
          return true;
        },
      );
    }
  });

  test('progress goes through the documented steps in order', async () => {
    const progress: { percent: number; step?: string }[] = [];
    await engine.run(bed.tokens.clean?.address as string, {}, runContext(progress));
    assert.deepEqual(
      progress.map((p) => p.step),
      ['resolve', 'token facts', 'pools', 'holders', 'simulation', 'scoring'],
    );
    const percents = progress.map((p) => p.percent);
    assert.deepEqual(
      [...percents].sort((a, b) => a - b),
      percents,
    );
  });
});
