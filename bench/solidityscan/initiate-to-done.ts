/**
 * SolidityScan WebSocket face: time from `private_threat_scan_initiate` to the
 * `scan_done` event for TRIUMPH, a ~1,000-line multi-file contract (10 files,
 * standard-JSON) served by the local Etherscan-compatible explorer.
 *
 * Measured in the same run, median of BENCH_RUNS (default 5):
 *   - baseline: `analyzeSources` on the same bundle, in-process (analysis only);
 *   - ws cold: initiate → scan_done with the source cache cleared (explorer fetch + job + analysis + report);
 *   - ws warm: the same with the source cached.
 * Prints each figure and its ratio to the baseline.
 *
 *   npx tsx bench/solidityscan/initiate-to-done.ts
 */
import type { AddressInfo } from 'node:net';
import { createSolidityScanFace } from '../../src/api/solidityscan/index.js';
import type { Engine } from '../../src/core/engine.js';
import { analyzeSources, createContractEngine } from '../../src/engines/contract/index.js';
import {
  createSourceResolver,
  explorerHook,
  type SourceResolver,
} from '../../src/engines/contract/sources/index.js';
import { TestClient } from '../../test/api/solidityscan/ws-client.js';
import {
  loadFixtureContract,
  startExplorerServer,
  TRIUMPH_ADDRESS,
} from '../../test/helpers/explorer-server.js';
import { makeTestRuntime } from '../../test/helpers/runtime.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const explorer = await startExplorerServer();
let resolver: SourceResolver | undefined;
const t = await makeTestRuntime({
  config: {
    platforms: explorer.platformsConfig({ etherscan: { mainnet: 1 } }),
    jobs: { dedupeWindowMs: 0 },
  },
  engines: (ctx) => {
    resolver = createSourceResolver({ config: ctx.config, db: ctx.db });
    return [createContractEngine(ctx, { sourceResolver: explorerHook(resolver) }) as Engine];
  },
  faces: [createSolidityScanFace()],
});
await t.app.listen({ port: 0, host: '127.0.0.1' });
const { port } = t.app.server.address() as AddressInfo;
const creds = await t.credentials(['reporter']);
const client = await TestClient.connect(`ws://127.0.0.1:${port}`);
client.sendMessage('auth_token_register', { auth_token: creds.bearer });
await client.next();

const fixture = loadFixtureContract('triumph');
const lines = Object.values(fixture.files).reduce((n, s) => n + s.split('\n').length, 0);
const ref = { platform: 'etherscan', chain: 'mainnet', address: TRIUMPH_ADDRESS };

async function wsScan(cold: boolean): Promise<{ ms: number; linesAnalyzed: number }> {
  if (cold) await resolver?.provider.invalidate(ref);
  const started = performance.now();
  client.sendMessage('private_threat_scan_initiate', {
    contract_address: TRIUMPH_ADDRESS,
    contract_platform: 'etherscan',
    contract_chain: 'mainnet',
  });
  const ack = await client.next((e) => e.type === 'quick_scan_acknowledge');
  const done = await client.final(ack.request_uuid, 120_000);
  const ms = performance.now() - started;
  if (done.payload.scan_status !== 'scan_done')
    throw new Error(`scan failed: ${JSON.stringify(done.payload)}`);
  const summary = (done.payload.scan_details as { multi_file_scan_summary: { lines_analyzed_count: number } })
    .multi_file_scan_summary;
  return { ms, linesAnalyzed: summary.lines_analyzed_count };
}

// One warm-up of each path (worker threads, JIT), not counted.
await analyzeSources({ files: fixture.files });
await wsScan(true);

const baseline: number[] = [];
const cold: number[] = [];
const warm: number[] = [];
let linesAnalyzed = 0;
for (let i = 0; i < RUNS; i++) {
  const s = performance.now();
  await analyzeSources({
    files: fixture.files,
    ...(fixture.info.remappings ? { remappings: fixture.info.remappings } : {}),
  });
  baseline.push(performance.now() - s);
  const c = await wsScan(true);
  cold.push(c.ms);
  linesAnalyzed = c.linesAnalyzed;
  warm.push((await wsScan(false)).ms);
}

const b = median(baseline);
console.log(
  `SolidityScan WS initiate → scan_done, TRIUMPH: ${Object.keys(fixture.files).length} files, ${lines} lines (${linesAnalyzed} analyzed); median of ${RUNS}\n`,
);
console.log(`baseline  analyzeSources in-process   ${b.toFixed(0).padStart(6)} ms   1.00x`);
console.log(
  `ws cold   fetch + job + analysis      ${median(cold).toFixed(0).padStart(6)} ms   ${(median(cold) / b).toFixed(2)}x`,
);
console.log(
  `ws warm   cached source               ${median(warm).toFixed(0).padStart(6)} ms   ${(median(warm) / b).toFixed(2)}x`,
);

await client.close();
await t.close();
await explorer.close();
