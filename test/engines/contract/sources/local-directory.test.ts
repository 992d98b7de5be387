import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createLocalDirectoryProvider,
  lastContractName,
} from '../../../../src/engines/contract/sources/local-directory.js';
import {
  BANK_ADDRESS,
  loadFixtureContract,
  TRIUMPH_ADDRESS,
  UNVERIFIED_ADDRESS,
} from '../../../helpers/explorer-server.js';

describe('local directory source provider', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'vigil-local-src-'));
    // <root>/<platform>/<chain>/<address>/ with contract.json, like an operator's audited copy.
    const triumph = loadFixtureContract('triumph');
    const dir = path.join(root, 'etherscan', 'mainnet', TRIUMPH_ADDRESS.toLowerCase());
    for (const [rel, content] of Object.entries(triumph.files)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), content);
    }
    writeFileSync(path.join(dir, 'contract.json'), JSON.stringify(triumph.info));
    // <root>/<address>/ without metadata: everything inferred.
    const bankDir = path.join(root, BANK_ADDRESS);
    mkdirSync(bankDir);
    writeFileSync(
      path.join(bankDir, 'EtherBank.sol'),
      loadFixtureContract('bank').files['EtherBank.sol'] ?? '',
    );
    mkdirSync(path.join(bankDir, 'node_modules'));
    writeFileSync(path.join(bankDir, 'node_modules', 'Ignored.sol'), 'contract Ignored {}');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('serves a platform/chain/address directory with its contract.json', async () => {
    const { bundle, meta } = await createLocalDirectoryProvider({ root }).fetch({
      platform: 'etherscan',
      chain: 'mainnet',
      address: TRIUMPH_ADDRESS,
    });
    assert.equal(meta.provider, 'local');
    assert.equal(meta.contractName, 'TRIUMPH');
    assert.equal(meta.compilerVersion, 'v0.8.23+commit.f704f362');
    assert.equal(bundle.entry, 'contracts/TRIUMPH.sol');
    assert.equal(meta.layout, 'multi');
    assert.ok(bundle.files['@openzeppelin/contracts/token/ERC20/ERC20.sol']);
  });

  it('infers name, entry and licence for a bare address directory, skipping node_modules', async () => {
    const { bundle, meta } = await createLocalDirectoryProvider({ root }).fetch({
      platform: 'bscscan',
      chain: 'testnet',
      address: BANK_ADDRESS,
    });
    assert.deepEqual(Object.keys(bundle.files), ['EtherBank.sol']);
    assert.equal(meta.contractName, 'EtherBank');
    assert.equal(meta.licenseType, 'GPL-3.0');
    assert.equal(meta.compilerVersion, '');
  });

  it('reports a missing address as CONTRACT_NOT_VERIFIED', async () => {
    await assert.rejects(
      createLocalDirectoryProvider({ root }).fetch({
        platform: 'etherscan',
        chain: 'mainnet',
        address: UNVERIFIED_ADDRESS,
      }),
      { code: 'CONTRACT_NOT_VERIFIED' },
    );
  });

  it('names the last contract of a file as the main one', () => {
    assert.equal(
      lastContractName('library L {}\ncontract Base {}\nabstract contract Mid {}\ncontract Main is Mid {}'),
      'Main',
    );
    assert.equal(lastContractName('interface I {}'), '');
  });
});
