import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseConfig } from '../../../../src/core/config.js';
import { createSourceResolver, LOCAL_SOURCES_DIR } from '../../../../src/engines/contract/sources/index.js';
import {
  BANK_ADDRESS,
  type ExplorerServer,
  SOURCIFY_ONLY_ADDRESS,
  startExplorerServer,
  TRIUMPH_ADDRESS,
  UNVERIFIED_ADDRESS,
} from '../../../helpers/explorer-server.js';

describe('source resolver (local > explorer > Sourcify, cached)', () => {
  let server: ExplorerServer;
  let dataDir: string;
  before(async () => {
    server = await startExplorerServer();
    dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-resolver-'));
  });
  after(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const config = (withSourcify = true) =>
    parseConfig({
      dataDir,
      platforms: server.platformsConfig({ etherscan: { mainnet: 1 } }),
      ...(withSourcify ? { sourcify: { url: server.sourcifyUrl } } : {}),
    });

  it('parses and checks targets without I/O', () => {
    const resolver = createSourceResolver({ config: config() });
    const ref = resolver.check(`Etherscan/MAINNET/${TRIUMPH_ADDRESS.toLowerCase()}`);
    assert.deepEqual(ref, { platform: 'etherscan', chain: 'mainnet', address: TRIUMPH_ADDRESS });
    assert.throws(() => resolver.check('etherscan/mainnet/0x12'), { code: 'INVALID_TARGET' });
    assert.throws(() => resolver.check('etherscan/0x1111111111111111111111111111111111111111'), {
      code: 'INVALID_TARGET',
    });
    assert.throws(
      () => resolver.check(`polygonscan/mainnet/${BANK_ADDRESS}`),
      (err: Error & { code?: string }) => {
        assert.equal(err.code, 'UNSUPPORTED_CHAIN');
        assert.match(err.message, /configured: etherscan\/mainnet/);
        return true;
      },
    );
  });

  it('uses the explorer, then caches', async () => {
    const resolver = createSourceResolver({ config: config() });
    server.requests.length = 0;
    const a = await resolver.fetch(`etherscan/mainnet/${TRIUMPH_ADDRESS}`);
    const b = await resolver.fetch(`etherscan/mainnet/${TRIUMPH_ADDRESS}`);
    assert.equal(a.meta.provider, 'etherscan');
    assert.deepEqual(a, b);
    assert.equal(server.requests.length, 1);
  });

  it('falls back to Sourcify when the explorer has no source', async () => {
    const { meta } = await createSourceResolver({ config: config() }).fetch(
      `etherscan/mainnet/${SOURCIFY_ONLY_ADDRESS}`,
    );
    assert.equal(meta.provider, 'sourcify');
    assert.equal(meta.contractName, 'EtherBank');
  });

  it('says "not verified" only when every provider answered so', async () => {
    await assert.rejects(
      createSourceResolver({ config: config() }).fetch(`etherscan/mainnet/${UNVERIFIED_ADDRESS}`),
      (err: Error & { code?: string; details?: { tried?: unknown[] } }) => {
        assert.equal(err.code, 'CONTRACT_NOT_VERIFIED');
        assert.equal(err.details?.tried?.length, 2);
        return true;
      },
    );
  });

  it('prefers "explorer unreachable" over "not verified" elsewhere', async () => {
    server.failNext(1, 500);
    const resolver = createSourceResolver({ config: config(), http: { maxRetries: 0 } });
    await assert.rejects(resolver.fetch(`etherscan/mainnet/${UNVERIFIED_ADDRESS}`), {
      code: 'UPSTREAM_UNAVAILABLE',
    });
  });

  it('serves <dataDir>/contract-sources first when it exists', async () => {
    const dir = path.join(dataDir, LOCAL_SOURCES_DIR, UNVERIFIED_ADDRESS);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'Audited.sol'),
      '// SPDX-License-Identifier: Apache-2.0\npragma solidity 0.8.24;\ncontract Audited {}\n',
    );
    try {
      const { meta } = await createSourceResolver({ config: config(false) }).fetch(
        `etherscan/mainnet/${UNVERIFIED_ADDRESS}`,
      );
      assert.equal(meta.provider, 'local');
      assert.equal(meta.contractName, 'Audited');
      assert.equal(meta.licenseType, 'Apache-2.0');
    } finally {
      rmSync(path.join(dataDir, LOCAL_SOURCES_DIR), { recursive: true, force: true });
    }
  });
});
