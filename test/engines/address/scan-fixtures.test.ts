// Scans every fixture on a real anvil and asserts its risk details and trust score.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Address } from 'viem';
import { ReadCache } from '../../../src/chain/read-cache.js';
import { ADDRESS_CHECKS } from '../../../src/engines/address/checks/index.js';
import { scanAddress } from '../../../src/engines/address/engine.js';
import { importAddressList } from '../../../src/engines/address/labels/import.js';
import { AddressLabelStore } from '../../../src/engines/address/labels/store.js';
import type { AddressScanResult } from '../../../src/engines/address/types.js';
import { type AddressFixture, setupAddressFixture } from './setup.js';

let fx: AddressFixture;
let phisher: Address;
let victim: Address;
before(async () => {
  fx = await setupAddressFixture();
  phisher = fx.anvil.accounts[7]?.address as Address;
  victim = fx.anvil.accounts[8]?.address as Address;
  await importAddressList(fx.db, {
    source: 'test-list.csv',
    text: `address,category,label\n${phisher},phishing,fake airdrop site\n`,
  });
  // The victim pays the phisher: an interaction the history check must see.
  const hash = await fx.anvil.walletClients[8]?.sendTransaction({ to: phisher, value: 10n ** 17n });
  if (hash) await fx.anvil.publicClient.waitForTransactionReceipt({ hash });
});
after(async () => {
  await fx?.close();
});

async function scan(address: Address): Promise<AddressScanResult> {
  return scanAddress(
    { chainId: fx.anvil.chainId, address },
    {
      chains: fx.registry(),
      labels: new AddressLabelStore(fx.db),
      readCache: new ReadCache(),
      now: Date.now,
    },
  );
}

function values(result: AddressScanResult): Record<string, string> {
  return Object.fromEntries(result.risk_details.map((d) => [d.name, d.value]));
}

/** Names of the details that are "true". */
function trueDetails(result: AddressScanResult): string[] {
  return result.risk_details
    .filter((d) => d.value === 'true')
    .map((d) => d.name)
    .sort();
}

function assertComplete(result: AddressScanResult): void {
  assert.deepEqual(
    result.risk_details.map((d) => d.name),
    ADDRESS_CHECKS.map((c) => c.name),
    'every detail is listed for every address',
  );
  for (const d of result.risk_details) {
    assert.ok(d.value === 'true' || d.value === 'false');
    const check = ADDRESS_CHECKS.find((c) => c.name === d.name);
    assert.equal(d.risk_level, check?.riskLevel, `${d.name} keeps its fixed level`);
  }
}

describe('address scans of the fixtures', () => {
  test('plain EOA that never sent a transaction', async () => {
    const r = await scan(fx.freshEoa);
    assertComplete(r);
    assert.equal(r.address_type, 'EOA');
    assert.deepEqual(trueDetails(r), ['fresh_address', 'wallet']);
    assert.equal(r.trust_score, 95);
    assert.equal(r.trust_level, 'HIGH_TRUST');
    assert.equal(values(r).is_open_source, 'false');
  });

  test('clean OpenZeppelin ERC20 with renounced owner', async () => {
    const r = await scan(fx.deployed.clean);
    assertComplete(r);
    assert.equal(r.address_type, 'Contract');
    assert.deepEqual(trueDetails(r), [
      'contract',
      'erc20',
      'new_contract',
      'owner_renounced',
      'token',
      'zero_balance',
    ]);
    assert.equal(r.facts.token.symbol, 'CLEAN');
    assert.equal(r.facts.owner.renounced, true);
    assert.equal(r.facts.creator?.address, fx.deployer.account.address);
    // No source provider configured: is_open_source is "false", says why, and costs nothing.
    const openSource = r.risk_details.find((d) => d.name === 'is_open_source');
    assert.match(openSource?.risk_desc ?? '', /not checked: no source provider configured/);
    assert.equal(r.trust_score, 95);
  });

  test('mintable token with a live EOA owner', async () => {
    const r = await scan(fx.deployed.mintable);
    assertComplete(r);
    assert.deepEqual(trueDetails(r), [
      'Overpowered owner',
      'contract',
      'erc20',
      'is_mintable',
      'new_contract',
      'token',
      'zero_balance',
    ]);
    assert.equal(r.facts.owner.isEoa, true);
    assert.deepEqual(r.facts.privilegedCallers, [
      { caller: fx.deployer.account.address, functions: ['mint(address,uint256)'] },
    ]);
    assert.equal(r.trust_score, 70);
    assert.equal(r.trust_level, 'MEDIUM_TRUST');
  });

  test('hidden-owner token: renounced on paper, deployer can still mint', async () => {
    const r = await scan(fx.deployed.hiddenOwner);
    assertComplete(r);
    assert.deepEqual(trueDetails(r), [
      'Overpowered owner',
      'contract',
      'erc20',
      'hidden_owner',
      'is_mintable',
      'new_contract',
      'owner_renounced',
      'token',
      'zero_balance',
    ]);
    assert.match(
      r.facts.hiddenOwner.evidence[0] ?? '',
      /deployer .* can still call mint\(address,uint256\) \(ownership renounced\)/,
    );
    assert.equal(r.trust_score, 40);
    assert.equal(r.trust_level, 'LOW_TRUST');
  });

  test('blacklist/pause token', async () => {
    const r = await scan(fx.deployed.blacklistPause);
    assertComplete(r);
    assert.deepEqual(trueDetails(r), [
      'Overpowered owner',
      'blacklist_function',
      'contract',
      'erc20',
      'new_contract',
      'token',
      'transfer_pausable',
      'zero_balance',
    ]);
    assert.equal(r.trust_score, 55);
  });

  test('EIP-1967 proxy whose admin is an EOA', async () => {
    const r = await scan(fx.deployed.eoaAdminProxy);
    assertComplete(r);
    assert.deepEqual(trueDetails(r), [
      'contract',
      'new_contract',
      'proxy_contract',
      'upgradeable_by_eoa',
      'zero_balance',
    ]);
    assert.equal(r.facts.proxy?.kind, 'eip1967');
    assert.equal(r.facts.proxy?.implementation, fx.deployed.counterImpl);
    assert.equal(r.facts.proxy?.admin, fx.proxyAdmin);
    assert.equal(r.trust_score, 70);
  });

  test('EIP-1167 minimal proxy: implementation analyzed in turn, not upgradeable', async () => {
    const r = await scan(fx.deployed.minimalProxy);
    assertComplete(r);
    assert.equal(r.facts.proxy?.kind, 'eip1167');
    assert.equal(r.facts.proxy?.implementation, fx.deployed.clean);
    // The clone's selectors come from the implementation's dispatcher.
    assert.equal(r.facts.functions['0xa9059cbb'], 'transfer(address,uint256)');
    assert.deepEqual(trueDetails(r), [
      'contract',
      'erc20',
      'new_contract',
      'owner_renounced',
      'proxy_contract',
      'token',
      'zero_balance',
    ]);
    assert.equal(r.trust_score, 90);
  });

  test('selfdestruct contract', async () => {
    const r = await scan(fx.deployed.destructible);
    assertComplete(r);
    assert.deepEqual(trueDetails(r), ['contract', 'new_contract', 'selfdestruct', 'zero_balance']);
    assert.equal(r.trust_score, 70);
  });

  test('address on an imported malicious list', async () => {
    const r = await scan(phisher);
    assertComplete(r);
    assert.deepEqual(trueDetails(r), ['Malicious Address', 'fresh_address', 'phishing', 'wallet']);
    assert.equal(r.facts.labels[0]?.label, 'fake airdrop site');
    assert.equal(r.trust_score, 0);
  });

  test('an account that paid a listed address: Interact With Malicious Address', async () => {
    const r = await scan(victim);
    assertComplete(r);
    assert.deepEqual(trueDetails(r), ['Interact With Malicious Address', 'wallet']);
    assert.deepEqual(r.facts.interactions.malicious, [{ address: phisher, category: 'phishing' }]);
    assert.equal(r.trust_score, 60);
  });
});
