import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseDomain } from 'tldts';
import { z } from 'zod';
import { VigilError } from '../../../core/errors.js';

/**
 * Protected targets: the brands whose users get phished, with their official
 * domains. Knowledge as data: the default list is `data/protected-targets.txt`;
 * operators add their own with config `url.protectedTargetsFile` (same text
 * format, or JSON `{targets: [{brand, category, domains, labels?, generic?}]}`).
 */
export interface ProtectedTarget {
  brand: string;
  category: string;
  /** Official registrable domains or hosts, lower-case ASCII. */
  domains: string[];
  /** Labels compared against look-alikes, each flagged generic (an ordinary word) or not. */
  labels: { label: string; generic: boolean }[];
  source: string;
}

export const DEFAULT_TARGETS_FILE = fileURLToPath(new URL('../data/protected-targets.txt', import.meta.url));

const jsonSchema = z.object({
  targets: z.array(
    z.object({
      brand: z.string().min(1),
      category: z.string().default('custom'),
      domains: z.array(z.string().min(3)).min(1),
      labels: z.array(z.string().min(2)).default([]),
      generic: z.boolean().default(false),
      nolabels: z.boolean().default(false),
    }),
  ),
});

function domainLabel(domain: string): string | undefined {
  const info = parseDomain(domain, { allowPrivateDomains: true });
  return info.domainWithoutSuffix ?? undefined;
}

function build(
  brand: string,
  category: string,
  domains: string[],
  extraLabels: string[],
  generic: boolean,
  nolabels: boolean,
  source: string,
): ProtectedTarget {
  const cleanDomains = domains.map((d) => d.trim().toLowerCase()).filter(Boolean);
  const labels: { label: string; generic: boolean }[] = [];
  const seen = new Set<string>();
  if (!nolabels) {
    for (const d of cleanDomains) {
      const label = domainLabel(d);
      if (!label || seen.has(label)) continue;
      seen.add(label);
      labels.push({ label, generic });
    }
  }
  for (const l of extraLabels) {
    const label = l.trim().toLowerCase();
    if (!label || seen.has(label)) continue;
    seen.add(label);
    labels.push({ label, generic: false });
  }
  return { brand, category, domains: cleanDomains, labels, source };
}

/** Parses the text format: `category | Brand | domain domain | flags`, `#` comments. */
export function parseTargetsText(text: string, source: string): ProtectedTarget[] {
  const out: ProtectedTarget[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const parts = line.split('|').map((p) => p.trim());
    const [category, brand, domains, flags = ''] = parts;
    if (!category || !brand || !domains) {
      throw new VigilError(
        'CONFIG_INVALID',
        `${source}:${i + 1}: expected "category | brand | domains | flags"`,
      );
    }
    const flagList = flags.split(/\s+/).filter(Boolean);
    const extra = flagList.filter((f) => f.startsWith('labels=')).flatMap((f) => f.slice(7).split(','));
    const unknown = flagList.filter((f) => !f.startsWith('labels=') && f !== 'generic' && f !== 'nolabels');
    if (unknown.length)
      throw new VigilError('CONFIG_INVALID', `${source}:${i + 1}: unknown flag ${unknown.join(', ')}`);
    out.push(
      build(
        brand,
        category,
        domains.split(/\s+/),
        extra,
        flagList.includes('generic'),
        flagList.includes('nolabels'),
        source,
      ),
    );
  });
  return out;
}

export function parseTargetsJson(text: string, source: string): ProtectedTarget[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new VigilError('CONFIG_INVALID', `${source}: not valid JSON: ${(err as Error).message}`);
  }
  const parsed = jsonSchema.safeParse(raw);
  if (!parsed.success)
    throw new VigilError('CONFIG_INVALID', `${source}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data.targets.map((t) =>
    build(t.brand, t.category, t.domains, t.labels, t.generic, t.nolabels, source),
  );
}

export function loadTargetsFile(file: string): ProtectedTarget[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new VigilError(
      'CONFIG_INVALID',
      `Cannot read protected targets file ${file}: ${(err as Error).message}`,
    );
  }
  return file.endsWith('.json') ? parseTargetsJson(text, file) : parseTargetsText(text, file);
}

/** The default list plus the operator's file, when configured. */
export function loadProtectedTargets(extraFile?: string): ProtectedTarget[] {
  const base = loadTargetsFile(DEFAULT_TARGETS_FILE);
  return extraFile ? [...base, ...loadTargetsFile(extraFile)] : base;
}

export const DEFAULT_KEYWORDS_FILE = fileURLToPath(new URL('../data/combo-keywords.txt', import.meta.url));

export function loadComboKeywords(file = DEFAULT_KEYWORDS_FILE): Set<string> {
  const words = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l !== '' && !l.startsWith('#'));
  return new Set(words);
}
