import type { SourceFiles, SourceLayout } from './types.js';

/** One element of `result[]` in an Etherscan-compatible `getsourcecode` answer (Blockscout adds a few keys). */
export interface EtherscanSourceItem {
  SourceCode?: string;
  ABI?: string;
  ContractName?: string;
  CompilerVersion?: string;
  OptimizationUsed?: string;
  Runs?: string;
  EVMVersion?: string;
  LicenseType?: string;
  Proxy?: string;
  Implementation?: string;
  /** Blockscout: name of the main file and the other files of a multi-file contract. */
  FileName?: string;
  AdditionalSources?: { Filename?: string; SourceCode?: string }[];
}

export interface ParsedSourceCode extends SourceFiles {
  layout: SourceLayout;
}

interface StandardJsonInput {
  language?: string;
  sources?: Record<string, { content?: string }>;
  settings?: { remappings?: unknown };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keeps `{content}` entries; explorers sometimes include `{urls}`-only entries that carry no text. */
function filesFromSources(sources: Record<string, unknown>): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [path, entry] of Object.entries(sources)) {
    if (isRecord(entry) && typeof entry.content === 'string') files[path] = entry.content;
  }
  return files;
}

/** Finds the file that declares `contract|library|interface <name>`, preferring a file named after it. */
export function findEntry(files: Record<string, string>, contractName: string): string | undefined {
  const paths = Object.keys(files);
  if (paths.length === 1) return paths[0];
  if (!contractName) return undefined;
  const declares = new RegExp(
    `\\b(?:abstract\\s+)?(?:contract|library|interface)\\s+${escapeRegExp(contractName)}\\b`,
  );
  const matching = paths.filter((p) => declares.test(files[p] ?? ''));
  const named = matching.find((p) => baseName(p) === `${contractName}.sol`);
  return named ?? matching[0];
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function countPragmas(source: string): number {
  return source.match(/^\s*pragma\s+solidity\b/gm)?.length ?? 0;
}

/**
 * Turns `SourceCode` into files. Explorers store three shapes:
 * - `{{ ...standard-JSON input... }}` (double braces, Etherscan's multi-file upload);
 * - `{ "path": {"content": ...}, ... }` (legacy multi-file JSON, single braces);
 * - plain Solidity, one file — "flattened" when several files were pasted together.
 * Blockscout lists extra files in `AdditionalSources` instead.
 * Returns undefined when there is no source (the contract is not verified).
 */
export function parseEtherscanSourceCode(item: EtherscanSourceItem): ParsedSourceCode | undefined {
  const raw = (item.SourceCode ?? '').trim();
  if (raw === '') return undefined;
  const contractName = item.ContractName ?? '';

  if (raw.startsWith('{')) {
    const json = parseJsonObject(raw.startsWith('{{') && raw.endsWith('}}') ? raw.slice(1, -1) : raw);
    if (json) {
      const standard = json as StandardJsonInput;
      if (isRecord(standard.sources)) {
        const files = filesFromSources(standard.sources);
        const remappings = Array.isArray(standard.settings?.remappings)
          ? standard.settings.remappings.filter((r): r is string => typeof r === 'string')
          : undefined;
        return withEntry(
          { files, layout: 'standard-json', ...(remappings?.length ? { remappings } : {}) },
          contractName,
        );
      }
      const files = filesFromSources(json);
      if (Object.keys(files).length > 0) return withEntry({ files, layout: 'multi' }, contractName);
    }
    // Not JSON after all: a Solidity file may legitimately start with `{` only in broken uploads; fall through.
  }

  const mainName = item.FileName?.trim() || `${contractName || 'Contract'}.sol`;
  const files: Record<string, string> = { [mainName]: item.SourceCode ?? '' };
  const extra = item.AdditionalSources ?? [];
  for (const add of extra) {
    if (add.Filename && typeof add.SourceCode === 'string') files[add.Filename] = add.SourceCode;
  }
  if (extra.length > 0) return withEntry({ files, layout: 'multi' }, contractName, mainName);
  const layout: SourceLayout = countPragmas(raw) > 1 ? 'flattened' : 'single';
  return { files, layout, entry: mainName };
}

function withEntry(parsed: ParsedSourceCode, contractName: string, fallback?: string): ParsedSourceCode {
  const entry = findEntry(parsed.files, contractName) ?? fallback;
  return entry ? { ...parsed, entry } : parsed;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
