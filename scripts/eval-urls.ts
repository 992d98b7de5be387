/**
 * URL engine evaluation: true- and false-positive rates on Vigil's labeled set
 * (test/fixtures/url/eval: generated look-alikes, hand-written feed-only phishing domains,
 * legitimate domains), with no feeds (similarity alone) and with a feed, next to MetaMask's
 * eth-phishing-detect given the same lists. A domain counts as flagged at risk_level >= 2.
 *
 *   npm run eval:urls
 */
import {
  ethPhishingDetect,
  hostOf,
  labeledSet,
  offlineAnalyzer,
  protectedDomains,
  writeTestFeed,
} from './url-eval-lib.js';

const THRESHOLD = Number(process.env.URL_EVAL_THRESHOLD ?? 2);
const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`.padStart(7);

async function main(): Promise<void> {
  const { lookalikes, feedOnly, legit } = labeledSet();
  const positives = [...lookalikes.map((l) => l.domain), ...feedOnly];
  console.log(
    `labeled set: ${lookalikes.length} look-alikes (rules), ${feedOnly.length} feed-only phishing, ${legit.length} legitimate; flagged = risk_level >= ${THRESHOLD}\n`,
  );

  const analyzer = await offlineAnalyzer();
  const flagged = (d: string) => analyzer.quick(d).riskLevel >= THRESHOLD;
  const rows: [string, (d: string) => boolean][] = [['Vigil, no feeds (similarity alone)', flagged]];

  const snapshotNoFeeds = {
    look: lookalikes.filter((l) => flagged(l.domain)).length,
    all: positives.filter(flagged).length,
    fp: legit.filter(flagged),
  };
  const perRule = new Map<string, [number, number]>();
  for (const l of lookalikes) {
    const [hit, total] = perRule.get(l.rule) ?? [0, 0];
    perRule.set(l.rule, [hit + (flagged(l.domain) ? 1 : 0), total + 1]);
  }

  const { file, config } = writeTestFeed();
  const report = await analyzer.importFeed({ source: file, category: 'phishing' });
  const withFeeds = {
    look: lookalikes.filter((l) => flagged(l.domain)).length,
    all: positives.filter(flagged).length,
    fp: legit.filter(flagged),
  };

  const epdSame = ethPhishingDetect({ ...config, fuzzylist: protectedDomains() });
  const epdCheck = (d: string) => epdSame.check(hostOf(d)).result;
  const epdNoFeed = ethPhishingDetect({
    blacklist: [],
    whitelist: [],
    fuzzylist: protectedDomains(),
    tolerance: 2,
  });
  const epdNoFeedCheck = (d: string) => epdNoFeed.check(hostOf(d)).result;
  const epd = (check: (d: string) => boolean) => ({
    look: lookalikes.filter((l) => check(l.domain)).length,
    all: positives.filter(check).length,
    fp: legit.filter(check),
  });
  const epdNo = epd(epdNoFeedCheck);
  const epdWith = epd(epdCheck);
  void rows;

  console.log(
    `feed imported: ${report.block} blocked, ${report.allow} allowed, ${report.guarded} dropped by the top-sites guard (${report.guardedSample.join(', ')})\n`,
  );
  console.log(
    '                                            TPR look-alikes   TPR all positives   FPR legitimate',
  );
  const line = (name: string, r: { look: number; all: number; fp: string[] }) =>
    console.log(
      `${name.padEnd(44)}${pct(r.look, lookalikes.length)}           ${pct(r.all, positives.length)}             ${pct(r.fp.length, legit.length)}`,
    );
  line('Vigil, no feeds (similarity alone)', snapshotNoFeeds);
  line('Vigil, with feed', withFeeds);
  line('eth-phishing-detect, fuzzy = protected', epdNo);
  line('eth-phishing-detect, same feed + fuzzy', epdWith);

  console.log('\nVigil similarity alone, per generation rule:');
  for (const [rule, [hit, total]] of [...perRule].sort())
    console.log(`  ${rule.padEnd(20)} ${pct(hit, total)}  (${hit}/${total})`);
  if (snapshotNoFeeds.fp.length)
    console.log(`\nVigil false positives (no feeds): ${snapshotNoFeeds.fp.join(', ')}`);
  if (epdWith.fp.length)
    console.log(
      `eth-phishing-detect false positives (first 15 of ${epdWith.fp.length}): ${epdWith.fp.slice(0, 15).join(', ')}`,
    );
  analyzer.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
