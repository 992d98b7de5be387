/**
 * Recall/precision of the contract engine on the labeled corpus (test/corpus).
 * Labels: `// @vulnerable: <category>` at the end of each vulnerable line.
 * A finding is a true positive when its detector's category equals a label's
 * category and it starts on the labeled line (or a ≤3-line finding covers it).
 * Precision counts findings of severity low and above in the ten categories;
 * informational and gas findings are not vulnerability claims and are excluded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORIES as DETECTOR_CATEGORIES } from '../src/engines/contract/define-detector.js';
import type { Finding } from '../src/engines/contract/index.js';
import { analyzeSources, listDetectors } from '../src/engines/contract/index.js';

/** The vulnerability categories of the labeled corpus: the detectors' categories, without gas. */
export const CATEGORIES = DETECTOR_CATEGORIES.filter((c) => c !== 'gas');

interface Label {
  line: number;
  category: string;
}

export interface EvalResult {
  perCategory: Record<string, { tp: number; fn: number; fp: number; recall: number; precision: number }>;
  overall: { tp: number; fn: number; fp: number; recall: number; precision: number };
  files: number;
  falsePositives: string[];
  missed: string[];
}

function listSol(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listSol(join(dir, e.name)) : e.name.endsWith('.sol') ? [join(dir, e.name)] : [],
  );
}

export function labelsOf(source: string): Label[] {
  const out: Label[] = [];
  source.split('\n').forEach((text, i) => {
    for (const m of text.matchAll(/@vulnerable:\s*([a-z_]+)/g)) out.push({ line: i + 1, category: m[1]! });
  });
  return out;
}

function covers(f: Finding, line: number): boolean {
  return f.startLine === line || (f.endLine - f.startLine <= 2 && f.startLine <= line && line <= f.endLine);
}

export async function evaluate(corpusDir: string): Promise<EvalResult> {
  const categoryOf = new Map(listDetectors().map((d) => [d.id, d.category]));
  const stats = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fn: 0, fp: 0 }])) as Record<
    string,
    { tp: number; fn: number; fp: number }
  >;
  const falsePositives: string[] = [];
  const missed: string[] = [];
  const files = listSol(corpusDir).sort();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const rel = relative(corpusDir, file);
    const labels = labelsOf(source);
    const report = await analyzeSources({ files: { [rel]: source } }, { threads: 1 });
    const claims = report.findings.filter(
      (f) =>
        f.severity !== 'informational' &&
        f.severity !== 'gas' &&
        (CATEGORIES as readonly string[]).includes(categoryOf.get(f.detector) ?? ''),
    );
    for (const l of labels) {
      const hit = claims.some((f) => categoryOf.get(f.detector) === l.category && covers(f, l.line));
      const s = stats[l.category];
      if (!s) throw new Error(`${rel}:${l.line}: unknown category ${l.category}`);
      if (hit) s.tp++;
      else {
        s.fn++;
        missed.push(`${rel}:${l.line} ${l.category}`);
      }
    }
    for (const f of claims) {
      const cat = categoryOf.get(f.detector)!;
      if (labels.some((l) => l.category === cat && covers(f, l.line))) continue;
      stats[cat]!.fp++;
      falsePositives.push(`${rel}:${f.startLine} ${f.detector} (${cat})`);
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const perCategory: EvalResult['perCategory'] = {};
  const total = { tp: 0, fn: 0, fp: 0 };
  for (const c of CATEGORIES) {
    const s = stats[c]!;
    total.tp += s.tp;
    total.fn += s.fn;
    total.fp += s.fp;
    perCategory[c] = { ...s, recall: ratio(s.tp, s.tp + s.fn), precision: ratio(s.tp, s.tp + s.fp) };
  }
  return {
    perCategory,
    overall: {
      ...total,
      recall: ratio(total.tp, total.tp + total.fn),
      precision: ratio(total.tp, total.tp + total.fp),
    },
    files: files.length,
    falsePositives,
    missed,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('../test/corpus', import.meta.url));
  const r = await evaluate(dir);
  console.log(`corpus: ${r.files} contracts (${dir})\n`);
  console.log(
    `${'category'.padEnd(28)}${'labels'.padStart(7)}${'TP'.padStart(5)}${'FN'.padStart(5)}${'FP'.padStart(5)}${'recall'.padStart(8)}${'precision'.padStart(10)}`,
  );
  for (const [c, s] of Object.entries(r.perCategory)) {
    console.log(
      `${c.padEnd(28)}${String(s.tp + s.fn).padStart(7)}${String(s.tp).padStart(5)}${String(s.fn).padStart(5)}${String(s.fp).padStart(5)}${pct(s.recall).padStart(8)}${pct(s.precision).padStart(10)}`,
    );
  }
  const o = r.overall;
  console.log(
    `${'overall'.padEnd(28)}${String(o.tp + o.fn).padStart(7)}${String(o.tp).padStart(5)}${String(o.fn).padStart(5)}${String(o.fp).padStart(5)}${pct(o.recall).padStart(8)}${pct(o.precision).padStart(10)}`,
  );
  if (process.argv.includes('--verbose')) {
    console.log('\nmissed:', r.missed.join('\n  '));
    console.log('\nfalse positives:', r.falsePositives.join('\n  '));
  }
}
