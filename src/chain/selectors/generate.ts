/**
 * Builds `dictionary.json` from `signatures.txt` by computing keccak256 of each
 * canonical signature. Run: `npx tsx src/chain/selectors/generate.ts` (`--check`
 * exits 1 when the committed file is stale).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toFunctionSelector } from 'viem';

export interface DictionaryEntry {
  signatures: string[];
  tags: string[];
}

export interface SelectorDictionaryFile {
  source: string;
  count: number;
  entries: Record<string, DictionaryEntry>;
}

const here = dirname(fileURLToPath(import.meta.url));
export const SIGNATURES_FILE = join(here, 'signatures.txt');
export const DICTIONARY_FILE = join(here, 'dictionary.json');

/** Parses `signature tag,tag` lines; throws on a malformed signature. */
export function parseSignatureList(text: string): { signature: string; tags: string[] }[] {
  const out: { signature: string; tags: string[] }[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [signature, tagList = ''] = line.split(/\s+/, 2);
    if (!signature || !/^[A-Za-z_$][\w$]*\(.*\)$/.test(signature)) {
      throw new Error(`signatures.txt line ${index + 1}: not a canonical signature: ${line}`);
    }
    out.push({ signature, tags: tagList.split(',').filter(Boolean) });
  }
  return out;
}

export function buildDictionary(text: string): SelectorDictionaryFile {
  const entries: Record<string, DictionaryEntry> = {};
  for (const { signature, tags } of parseSignatureList(text)) {
    const selector = toFunctionSelector(signature);
    const entry = entries[selector] ?? { signatures: [], tags: [] };
    entries[selector] = entry;
    if (!entry.signatures.includes(signature)) entry.signatures.push(signature);
    for (const tag of tags) if (!entry.tags.includes(tag)) entry.tags.push(tag);
  }
  const sorted = Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)));
  return { source: 'src/chain/selectors/signatures.txt', count: Object.keys(sorted).length, entries: sorted };
}

export function renderDictionary(dictionary: SelectorDictionaryFile): string {
  return `${JSON.stringify(dictionary, null, 1)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rendered = renderDictionary(buildDictionary(readFileSync(SIGNATURES_FILE, 'utf8')));
  if (process.argv.includes('--check')) {
    const current = readFileSync(DICTIONARY_FILE, 'utf8');
    if (JSON.stringify(JSON.parse(current)) !== JSON.stringify(JSON.parse(rendered))) {
      console.error('dictionary.json is stale: run npx tsx src/chain/selectors/generate.ts');
      process.exit(1);
    }
    console.log('dictionary.json is up to date');
  } else {
    writeFileSync(DICTIONARY_FILE, rendered);
    console.log(`wrote ${DICTIONARY_FILE}`);
  }
}
