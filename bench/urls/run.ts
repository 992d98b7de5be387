/**
 * Offline URL checks throughput (feeds + similarity) against MetaMask's eth-phishing-detect,
 * same run, same domains, same lists: eth-phishing-detect's own shipped config (≈13.7k-entry
 * blacklist, whitelist, fuzzylist) imported into Vigil as a feed, plus Vigil's protected brands;
 * then eth-phishing-detect given Vigil's protected domains as its fuzzylist ("same lists").
 * Also the p50/p99 latency of the synchronous path (normalize + feeds + similarity + scoring).
 *
 *   npx tsx bench/urls/run.ts
 */
import { createRequire } from 'node:module';
import {
  ethPhishingDetect,
  hostOf,
  labeledSet,
  offlineAnalyzer,
  protectedDomains,
} from '../../scripts/url-eval-lib.js';

const require = createRequire(import.meta.url);
const configPath = require.resolve('eth-phishing-detect/src/config.json');
const shipped = require('eth-phishing-detect/src/config.json') as {
  blacklist: string[];
  whitelist: string[];
  fuzzylist: string[];
  tolerance: number;
};

function rate(name: string, domains: string[], check: (d: string) => unknown, minMs = 1_500): number {
  for (let i = 0; i < Math.min(domains.length, 2_000); i++) check(domains[i] as string); // warm-up
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < minMs) {
    for (const d of domains) check(d);
    n += domains.length;
  }
  const perSec = n / ((performance.now() - started) / 1000);
  console.log(`  ${name.padEnd(58)} ${Math.round(perSec).toLocaleString('en-US').padStart(10)} domains/s`);
  return perSec;
}

async function main(): Promise<void> {
  const { lookalikes, feedOnly, legit } = labeledSet();
  const domains = [
    ...lookalikes.map((l) => l.domain),
    ...feedOnly,
    ...legit,
    ...shipped.blacklist.slice(0, 500),
  ];
  const hosts = domains.map(hostOf);
  console.log(
    `${domains.length} domains (look-alikes, phishing, legitimate, 500 listed); 2 CPU cores shared\n`,
  );

  const analyzer = await offlineAnalyzer();
  const report = await analyzer.importFeed({
    source: configPath,
    format: 'eth-phishing-detect',
    category: 'phishing',
  });
  console.log(
    `Vigil: eth-phishing-detect config imported: ${report.block} blocked, ${report.allow} allowed, ${report.fuzzy} fuzzy, ` +
      `${report.guarded} dropped by the top-sites guard; ${analyzer.similarity.size} protected targets\n`,
  );

  const epdShipped = ethPhishingDetect(shipped);
  const epdSame = ethPhishingDetect({ ...shipped, fuzzylist: [...shipped.fuzzylist, ...protectedDomains()] });
  const vigil = rate('Vigil quick (normalize + feeds + similarity + scoring)', domains, (d) =>
    analyzer.quick(d),
  );
  const epd1 = rate('eth-phishing-detect, its shipped config (15 fuzzy targets)', hosts, (h) =>
    epdShipped.check(h),
  );
  const epd2 = rate(
    `eth-phishing-detect, + Vigil's ${protectedDomains().length} protected domains as fuzzylist`,
    hosts,
    (h) => epdSame.check(h),
    3_000,
  );
  console.log(`\n  ratio Vigil / eth-phishing-detect (shipped config):        ${(vigil / epd1).toFixed(2)}x`);
  console.log(`  ratio Vigil / eth-phishing-detect (same protected list):   ${(vigil / epd2).toFixed(2)}x`);

  const samples: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const d of domains) {
      const t = performance.now();
      analyzer.quick(d);
      samples.push(performance.now() - t);
    }
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) =>
    (samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] as number) * 1000;
  console.log(
    `\n  synchronous path latency over ${samples.length} calls: p50 ${q(0.5).toFixed(0)} µs, p99 ${q(0.99).toFixed(0)} µs, max ${q(1).toFixed(0)} µs`,
  );
  analyzer.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
