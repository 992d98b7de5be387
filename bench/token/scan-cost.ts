/**
 * Cost of one token scan on the local DEX test bed: wall time, JSON-RPC requests and HTTP round trips
 * per fixture token, against a baseline measured in the same run (the honeypot/tax simulation alone:
 * one eth_call with a state override).
 *
 *   npx tsx bench/token/scan-cost.ts [--runs 5]
 *
 * Loopback only: a local anvil on 127.0.0.1, no outside network.
 */
import { parseEther } from 'viem';
import { createChainClient } from '../../src/chain/client.js';
import { simulateTrade } from '../../src/engines/token/simulation/simulate.js';
import { engineFor, memoryDb, runContext, tokenConfig } from '../../test/engines/token/engine-setup.js';
import { deployTestBed } from '../../test/engines/token/testbed.js';
import { startAnvil } from '../../test/helpers/anvil.js';

const i = process.argv.indexOf('--runs');
const runs = Math.max(1, Math.min(50, i === -1 ? 5 : Number(process.argv[i + 1])));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const chain = await startAnvil();
try {
  const bed = await deployTestBed(chain);
  const db = await memoryDb();
  const engine = engineFor(tokenConfig(chain, bed), db);
  const client = createChainClient({
    id: chain.chainId,
    name: 'anvil',
    rpcUrls: [chain.rpcUrl],
    nativeSymbol: 'ETH',
  });
  const clean = bed.tokens.clean?.address as `0x${string}`;

  // Baseline: the simulation alone.
  const base: number[] = [];
  for (let r = 0; r < runs + 1; r++) {
    const t0 = performance.now();
    await simulateTrade({
      chain: client,
      blockNumber: await chain.publicClient.getBlockNumber(),
      router: bed.router,
      buyPath: [bed.weth, clean],
      amountIn: parseEther('0.01'),
    });
    if (r > 0) base.push(performance.now() - t0); // first run warms the connection
  }
  const baseline = median(base);
  console.log(`baseline (one simulation eth_call): median ${baseline.toFixed(1)} ms over ${runs} runs`);
  console.log('');
  console.log('token            rating  wall ms (median)  x baseline  rpc requests  round trips');
  const all: { ms: number; req: number; rt: number }[] = [];
  for (const [key, token] of Object.entries(bed.tokens)) {
    const times: number[] = [];
    let req = 0;
    let rt = 0;
    let rating = 0;
    for (let r = 0; r < runs; r++) {
      const result = await engine.run(token.address, {}, runContext());
      times.push(result.stats.wallTimeMs);
      req = result.stats.rpcRequests;
      rt = result.stats.rpcRoundTrips;
      rating = result.riskRating;
    }
    const ms = median(times);
    all.push({ ms, req, rt });
    console.log(
      `${key.padEnd(16)} ${String(rating).padStart(6)}  ${ms.toFixed(0).padStart(16)}  ${(ms / baseline).toFixed(1).padStart(10)}  ${String(req).padStart(12)}  ${String(rt).padStart(11)}`,
    );
  }
  console.log('');
  console.log(
    `mean over fixtures: ${(all.reduce((s, x) => s + x.ms, 0) / all.length).toFixed(0)} ms, ` +
      `${(all.reduce((s, x) => s + x.req, 0) / all.length).toFixed(0)} RPC requests, ` +
      `${(all.reduce((s, x) => s + x.rt, 0) / all.length).toFixed(0)} round trips per scan`,
  );
  await db.close();
} finally {
  await chain.stop();
}
