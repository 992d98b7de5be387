import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runVigil, type ServerProcess, startServer } from '../helpers/processes.js';

describe('vigil serve survives SIGKILL without losing accepted jobs', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-kill-'));
  const configFile = path.join(dataDir, 'vigil.config.json');
  writeFileSync(configFile, JSON.stringify({ dataDir, jobs: { kinds: { test: { concurrency: 2 } } } }));
  const env = { VIGIL_TEST_ENGINES: '1', VIGIL_CONFIG: configFile, VIGIL_LOG_LEVEL: 'warn' };
  let server: ServerProcess | undefined;
  after(async () => {
    await server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes every job accepted before the kill after a restart', async () => {
    const created = runVigil(
      ['apps', 'create', '--name', 'killer', '--roles', 'reporter,viewer', '--json'],
      env,
    );
    assert.equal(created.code, 0, created.stderr);
    const key = (
      JSON.parse(created.stdout) as { credentials: { kind: string; key: string }[] }
    ).credentials.find((c) => c.kind === 'api_key')?.key as string;
    const headers = { 'x-api-key': key, 'content-type': 'application/json' };

    server = await startServer([], env);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${server.url}/v1/scans`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ kind: 'test', target: `job-${i}`, options: { durationMs: 2_000, steps: 8 } }),
      });
      assert.equal(res.status, 202);
      ids.push(((await res.json()) as { id: string }).id);
    }
    // Wait until two run (the kind's concurrency) and four wait.
    const states = async (url: string) => {
      const res = await fetch(`${url}/v1/scans?kind=test&limit=50`, { headers });
      return ((await res.json()) as { scans: { id: string; state: string }[] }).scans;
    };
    for (let i = 0; i < 100; i++) {
      const s = await states(server.url);
      if (s.filter((j) => j.state === 'running').length === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const before = await states(server.url);
    assert.equal(before.filter((j) => j.state === 'running').length, 2);
    assert.equal(before.filter((j) => j.state === 'queued').length, 4);

    await server.kill('SIGKILL');
    server = await startServer([], env);

    const deadline = Date.now() + 60_000;
    let final = await states(server.url);
    while (Date.now() < deadline && !final.every((j) => j.state === 'done')) {
      await new Promise((r) => setTimeout(r, 250));
      final = await states(server.url);
    }
    assert.deepEqual(final.map((j) => j.id).sort(), [...ids].sort(), 'every accepted job is still there');
    for (const j of final) assert.equal(j.state, 'done', `${j.id} done after restart`);
  });
});
