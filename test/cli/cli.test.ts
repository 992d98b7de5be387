import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runVigil } from '../helpers/processes.js';

describe('vigil CLI', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-cli-'));
  const env = { VIGIL_DATA_DIR: dataDir, VIGIL_TEST_ENGINES: '1' };
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates, lists and revokes apps', () => {
    const created = runVigil(['apps', 'create', '--name', 'wallet-team', '--roles', 'reporter'], env);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /x-api-key: +vk_/);
    assert.match(created.stdout, /signing appid\/secret: [0-9a-f]{20} \/ [0-9a-f]{32}/);
    assert.match(runVigil(['apps', 'list'], env).stdout, /wallet-team .* reporter +active/);
    assert.equal(runVigil(['apps', 'revoke', 'wallet-team'], env).code, 0);
    assert.match(runVigil(['apps', 'list'], env).stdout, /wallet-team .* revoked/);
    const bad = runVigil(['apps', 'create', '--name', 'x', '--roles', 'superuser'], env);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /VALIDATION_FAILED: Unknown role "superuser"/);
  });

  it('runs a scan in-process and prints JSON', () => {
    const r = runVigil(['scan', 'test', 'local-one', '--json', '-o', 'durationMs=10'], env);
    assert.equal(r.code, 0, r.stderr);
    const result = JSON.parse(r.stdout) as { target: string; steps: number };
    assert.equal(result.target, 'local-one');
    assert.equal(result.steps, 5);
  });

  it('uses documented exit codes', () => {
    assert.equal(runVigil(['scan', 'nope', 'x'], env).code, 2, 'unknown kind');
    assert.equal(runVigil(['scan', 'test', 'bad target!'], env).code, 2, 'invalid target');
    assert.equal(
      runVigil(['scan', 'test', 'x', '-o', 'fail="permanent"'], env).code,
      2,
      'engine rejects input',
    );
    assert.equal(runVigil(['scan', 'test', 'x', '-o', 'fail="transient"'], env).code, 3, 'scan failed');
    assert.equal(runVigil(['bogus-command'], env).code, 2, 'usage');
    const cfg = path.join(dataDir, 'bad.json');
    writeFileSync(cfg, JSON.stringify({ server: { port: 'eighty' } }));
    const r = runVigil(['--config', cfg, 'jobs'], env);
    assert.equal(r.code, 4);
    assert.match(r.stderr, /server\.port/);
  });
});

describe('vigil feeds import --format addresses', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-feeds-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('imports an address list with categories into the address engine labels', () => {
    const list = path.join(dataDir, 'bad.csv');
    writeFileSync(
      list,
      [
        'address,category,label',
        '0x000000000000000000000000000000000000dEaD,drainer,Inferno kit',
        '0x1111111111111111111111111111111111111111',
        'not-an-address,scam',
      ].join('\n'),
    );
    const r = runVigil(
      ['feeds', 'import', list, '--format', 'addresses', '--category', 'phishing', '--json'],
      {
        VIGIL_DATA_DIR: dataDir,
      },
    );
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as {
      imported: number;
      byCategory: Record<string, number>;
      skipped: unknown[];
    };
    assert.equal(report.imported, 2);
    assert.deepEqual(report.byCategory, { drainer: 1, phishing: 1 });
    assert.equal(report.skipped.length, 1);
  });
});
