// is_open_source and is_vulnerable through the configured explorer: a real local HTTP server speaking
// Etherscan's getsourcecode serves the verified source of contracts deployed on a real anvil, and the
// address engine runs Vigil's Solidity analyzer on it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { type Address, getAddress } from 'viem';
import { parseConfig } from '../../../src/core/config.js';
import { openDb } from '../../../src/core/db/open.js';
import type { Db } from '../../../src/core/db/types.js';
import type { EngineContext } from '../../../src/core/engine.js';
import type { Job } from '../../../src/core/jobs/types.js';
import { createAddressEngine } from '../../../src/engines/address/engine.js';
import type { AddressScanResult } from '../../../src/engines/address/types.js';
import { ALL_MIGRATIONS } from '../../../src/engines/migrations.js';
import { type AnvilInstance, type AnvilWalletClient, startAnvil } from '../../helpers/anvil.js';
import {
  type ExplorerServer,
  SOURCE_FIXTURES_DIR,
  startExplorerServer,
} from '../../helpers/explorer-server.js';
import { compileFiles } from '../../helpers/solc.js';
import { minimalProxyCreationCode } from './setup.js';

let anvil: AnvilInstance;
let explorer: ExplorerServer;
let db: Db;
let bank: Address;
let bankClone: Address;
let unverified: Address;

async function deployed(hash: `0x${string}`): Promise<Address> {
  const receipt = await anvil.publicClient.waitForTransactionReceipt({ hash });
  assert.ok(receipt.contractAddress);
  return getAddress(receipt.contractAddress);
}

before(async () => {
  anvil = await startAnvil();
  const wallet = anvil.walletClient as AnvilWalletClient;
  const out = compileFiles([
    `${SOURCE_FIXTURES_DIR}/bank/EtherBank.sol`,
    'test/fixtures/contracts/address/CleanToken.sol',
  ]);
  const etherBank = out.contract('EtherBank');
  const cleanToken = out.contract('CleanToken');
  bank = await deployed(
    await wallet.deployContract({ abi: etherBank.abi, bytecode: etherBank.bytecode } as never),
  );
  bankClone = await deployed(await wallet.sendTransaction({ data: minimalProxyCreationCode(bank) }));
  unverified = await deployed(
    await wallet.deployContract({ abi: cleanToken.abi, bytecode: cleanToken.bytecode } as never),
  );
  // Only the bank itself is verified; its clone and the token are not.
  explorer = await startExplorerServer({ deployments: [{ address: bank, fixture: 'bank' }] });
  db = await openDb('sqlite::memory:', '.', ALL_MIGRATIONS);
});
after(async () => {
  await db?.close();
  await explorer?.close();
  await anvil?.stop();
});

function engineWithExplorer(apiUrl: string, store: Db) {
  const config = parseConfig({
    chains: [
      {
        id: anvil.chainId,
        name: 'anvil',
        rpcUrls: [anvil.rpcUrl],
        nativeSymbol: 'ETH',
        explorer: { apiUrl },
      },
    ],
  });
  return createAddressEngine({ config, db: store, logger: silent, now: Date.now });
}

const silent = pino({ level: 'silent' });
const ctx = (): EngineContext => ({
  job: { id: 'test' } as Job,
  signal: new AbortController().signal,
  progress() {},
  log: silent,
});

async function scan(
  address: Address,
  apiUrl = explorer.etherscanApiUrl('vigil-chain', String(anvil.chainId)),
  store = db,
) {
  const engine = engineWithExplorer(apiUrl, store);
  const { target, options } = await engine.normalize(address, { chain_id: anvil.chainId });
  return engine.run(target, options, ctx());
}

const detail = (r: AddressScanResult, name: string) => {
  const d = r.risk_details.find((x) => x.name === name);
  assert.ok(d, name);
  return d;
};
const penalized = (r: AddressScanResult, name: string) => r.scoring.some((s) => s.name === name);

describe('verified source and the Solidity analyzer in address scans', () => {
  test('a verified bank that pays before it updates its books: open source and vulnerable', async () => {
    const r = await scan(bank);
    assert.equal(detail(r, 'is_open_source').value, 'true');
    assert.equal(penalized(r, 'is_open_source'), false);
    assert.equal(r.facts.source.provider, 'etherscan');
    assert.equal(detail(r, 'is_vulnerable').value, 'true');
    assert.ok(penalized(r, 'is_vulnerable'));
    assert.equal(r.facts.analyzer.ran, true);
    const ids = r.facts.analyzer.findings.map((f) => f.detector);
    assert.ok(ids.includes('reentrancy-eth'), `findings: ${ids.join(', ')}`);
    assert.ok(ids.includes('tx-origin-auth'), `findings: ${ids.join(', ')}`);
    assert.ok(r.facts.analyzer.critical + r.facts.analyzer.high >= 1);
    for (const f of r.facts.analyzer.findings)
      assert.ok(['critical', 'high', 'medium', 'low'].includes(f.severity));
  });

  test('a minimal proxy of that bank: the implementation is verified and analyzed in turn', async () => {
    const r = await scan(bankClone);
    assert.equal(r.facts.proxy?.kind, 'eip1167');
    assert.equal(detail(r, 'is_open_source').value, 'true');
    assert.equal(detail(r, 'is_vulnerable').value, 'true');
    assert.ok(r.facts.analyzer.findings.some((f) => f.detector === 'reentrancy-eth'));
  });

  test('an unverified contract: not open source (penalized), nothing to analyze', async () => {
    const r = await scan(unverified);
    assert.equal(detail(r, 'is_open_source').value, 'false');
    assert.ok(penalized(r, 'is_open_source'));
    assert.equal(detail(r, 'is_vulnerable').value, 'false');
    assert.equal(r.facts.analyzer.ran, false);
    assert.equal(r.facts.analyzer.note, 'no verified source to analyze');
  });

  test('an explorer that cannot be reached: both checks skipped with the reason, no penalty', async () => {
    const down = await startExplorerServer({ deployments: [] });
    const url = down.etherscanApiUrl('vigil-chain', String(anvil.chainId));
    await down.close();
    // A store of its own: the shared one has the bank's source cached from the first test.
    const fresh = await openDb('sqlite::memory:', '.', ALL_MIGRATIONS);
    const r = await scan(bank, url, fresh);
    await fresh.close();
    assert.equal(r.facts.source.note, 'source providers could not be reached');
    assert.equal(penalized(r, 'is_open_source'), false);
    assert.equal(penalized(r, 'is_vulnerable'), false);
    assert.equal(r.facts.analyzer.ran, false);
  });
});
