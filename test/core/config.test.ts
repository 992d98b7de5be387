import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/core/config.js';
import type { VigilError } from '../../src/core/errors.js';

describe('config', () => {
  it('has safe embedded defaults with no file and no environment', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vigil-cfg-'));
    const c = loadConfig({ env: {}, cwd: dir });
    assert.equal(c.store, 'sqlite:vigil.db');
    assert.equal(c.queue, 'memory');
    assert.equal(c.role, 'all');
    assert.equal(c.server.host, '127.0.0.1');
    assert.equal(c.dataDir, path.join(dir, 'data'));
    assert.deepEqual(c.targetPolicy, { allow: [], deny: [] });
  });

  it('layers file < environment < overrides', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vigil-cfg-'));
    writeFileSync(
      path.join(dir, 'vigil.config.json'),
      JSON.stringify({ server: { port: 9000, host: '0.0.0.0' } }),
    );
    const c = loadConfig({ env: { VIGIL_PORT: '9100' }, cwd: dir, overrides: { server: { host: '::1' } } });
    assert.equal(c.server.port, 9100);
    assert.equal(c.server.host, '::1');
  });

  it('lists every invalid setting with its path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vigil-cfg-'));
    writeFileSync(
      path.join(dir, 'bad.json'),
      JSON.stringify({ server: { port: 70000 }, chains: [{ id: 1, name: 'eth', rpcUrls: ['not a url'] }] }),
    );
    assert.throws(
      () => loadConfig({ env: {}, cwd: dir, file: 'bad.json' }),
      (e: VigilError) =>
        e.code === 'CONFIG_INVALID' &&
        /server\.port/.test(e.message) &&
        /chains\.0\.rpcUrls\.0/.test(e.message),
    );
    assert.throws(() => loadConfig({ env: {}, cwd: dir, file: 'missing.json' }), /Config file not found/);
  });
});

describe('example config', () => {
  it('vigil.config.example.json is valid', () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const c = loadConfig({ env: {}, cwd: root, file: 'vigil.config.example.json' });
    assert.equal(c.chains[0]?.id, 1);
  });
});
