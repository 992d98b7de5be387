/**
 * Generates Vigil's labeled look-alike set (test/fixtures/url/eval/lookalikes.txt) from the
 * protected brands with hand-written permutation rules. The rules are written here, apart
 * from the detector (own homoglyph table, own keyboard map), so the evaluation does not
 * grade the detector against its own code. Deterministic: run it again, get the same file.
 *
 *   npx tsx scripts/gen-url-lookalikes.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { domainToASCII } from 'node:url';
import { loadProtectedTargets } from '../src/engines/url/similarity/protected-targets.js';

const OUT = new URL('../test/fixtures/url/eval/lookalikes.txt', import.meta.url);
const LEGIT = new Set(
  readFileSync(new URL('../test/fixtures/url/eval/legit.txt', import.meta.url), 'utf8').split('\n'),
);

let seed = 20250601;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

const TLDS = [
  'com',
  'net',
  'org',
  'io',
  'xyz',
  'app',
  'online',
  'site',
  'top',
  'live',
  'co',
  'finance',
  'pro',
  'info',
  'cc',
];
const VOWELS = 'aeiou';
const KEYBOARD: Record<string, string> = {
  q: 'wa',
  w: 'qes',
  e: 'wrd',
  r: 'etf',
  t: 'ryg',
  y: 'tuh',
  u: 'yij',
  i: 'uok',
  o: 'ipl',
  p: 'ol',
  a: 'qsz',
  s: 'adw',
  d: 'sfe',
  f: 'dgr',
  g: 'fht',
  h: 'gjy',
  j: 'hku',
  k: 'jli',
  l: 'kop',
  z: 'xa',
  x: 'zcs',
  c: 'xvd',
  v: 'cbf',
  b: 'vng',
  n: 'bmh',
  m: 'nj',
};
const ASCII_LOOKALIKE: Record<string, string> = {
  o: '0',
  l: '1',
  i: 'l',
  m: 'rn',
  w: 'vv',
  e: '3',
  a: '4',
  s: '5',
};
const CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і' };
const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü', n: 'ñ', c: 'ç' };
const PREFIXES = [
  'claim',
  'secure',
  'app',
  'my',
  'get',
  'official',
  'support',
  'login',
  'airdrop',
  'connect',
  'web3',
];
const SUFFIXES = [
  'airdrop',
  'claim',
  'wallet',
  'support',
  'app',
  'login',
  'bonus',
  'rewards',
  'verify',
  'connect',
  'restore',
  'sync',
  'official',
  'dapp',
  'event',
];
const HOSTS = [
  'secure-login',
  'wallet-verify',
  'auth-portal',
  'app-session',
  'gateway-node',
  'user-center',
  'connect-dapp',
  'web-access',
];

type Rule = (label: string) => string | null;
const mutate = (label: string, f: (chars: string[], i: number) => string[] | null): string | null => {
  const chars = [...label];
  const i = 1 + Math.floor(rnd() * Math.max(1, chars.length - 2));
  const out = f(chars, i);
  return out ? out.join('') : null;
};

const RULES: Record<string, Rule> = {
  omission: (l) => mutate(l, (c, i) => [...c.slice(0, i), ...c.slice(i + 1)]),
  transposition: (l) =>
    mutate(l, (c, i) =>
      c[i] === c[i + 1] || i + 1 >= c.length
        ? null
        : [...c.slice(0, i), c[i + 1] as string, c[i] as string, ...c.slice(i + 2)],
    ),
  repetition: (l) => mutate(l, (c, i) => [...c.slice(0, i), c[i] as string, ...c.slice(i)]),
  'vowel-swap': (l) => {
    const idx = [...l].map((ch, i) => (VOWELS.includes(ch) ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) return null;
    const i = pick(idx);
    const c = [...l];
    c[i] = pick([...VOWELS].filter((v) => v !== c[i]));
    return c.join('');
  },
  replacement: (l) =>
    mutate(l, (c, i) =>
      KEYBOARD[c[i] as string]
        ? [...c.slice(0, i), pick([...(KEYBOARD[c[i] as string] as string)]), ...c.slice(i + 1)]
        : null,
    ),
  bitsquatting: (l) =>
    mutate(l, (c, i) => {
      const code = (c[i] as string).charCodeAt(0);
      const options = [0, 1, 2, 3, 4, 5, 6]
        .map((b) => String.fromCharCode(code ^ (1 << b)))
        .filter((ch) => /[a-z0-9]/.test(ch));
      return options.length ? [...c.slice(0, i), pick(options), ...c.slice(i + 1)] : null;
    }),
  'homoglyph-ascii': (l) => {
    const idx = [...l].map((ch, i) => (ASCII_LOOKALIKE[ch] ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) return null;
    const i = pick(idx);
    const c = [...l];
    c[i] = ASCII_LOOKALIKE[c[i] as string] as string;
    return c.join('');
  },
  'homoglyph-cyrillic': (l) => {
    const idx = [...l].map((ch, i) => (CYRILLIC[ch] ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) return null;
    const i = pick(idx);
    const c = [...l];
    c[i] = CYRILLIC[c[i] as string] as string;
    return c.join('');
  },
  diacritic: (l) => {
    const idx = [...l].map((ch, i) => (ACCENTED[ch] ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) return null;
    const i = pick(idx);
    const c = [...l];
    c[i] = ACCENTED[c[i] as string] as string;
    return c.join('');
  },
  hyphenation: (l) =>
    mutate(l, (c, i) => (c[i - 1] === '-' || c[i] === '-' ? null : [...c.slice(0, i), '-', ...c.slice(i)])),
  addition: (l) => `${l}${pick([...'abcdefghijklmnopqrstuvwxyz0123456789'])}`,
  'combo-prefix': (l) => `${pick(PREFIXES)}-${l}`,
  'combo-suffix': (l) => (rnd() < 0.5 ? `${l}-${pick(SUFFIXES)}` : `${l}${pick(SUFFIXES)}`),
};

const targets = loadProtectedTargets();
const official = new Set(targets.flatMap((t) => t.domains));
const brands = targets.filter((t) =>
  t.labels.some((l) => !l.generic && l.label.length >= 5 && /^[a-z0-9-]+$/.test(l.label)),
);
const ruleNames = Object.keys(RULES);
const lines = new Set<string>();
const out: string[] = [];
const add = (domain: string, rule: string, brand: string) => {
  const ascii = domainToASCII(domain);
  if (!ascii || official.has(ascii) || LEGIT.has(ascii) || lines.has(ascii)) return false;
  lines.add(ascii);
  out.push(`${ascii}\t${rule}\t${brand}`);
  return true;
};

let r = 0;
for (let b = 0; b < brands.length && out.length < 420; b += 2) {
  const t = brands[b] as (typeof brands)[number];
  const label = t.labels.find((l) => !l.generic && l.label.length >= 5)?.label as string;
  for (let k = 0; k < 3; k++) {
    const name = ruleNames[r++ % ruleNames.length] as string;
    const variant = (RULES[name] as Rule)(label);
    if (variant && variant !== label) add(`${variant}.${pick(TLDS)}`, name, t.brand);
  }
  // Every fourth brand also gets a TLD swap and a brand-in-subdomain host.
  if (b % 8 === 0) {
    const tld = pick(TLDS.filter((x) => !t.domains.some((d) => d.endsWith(`.${x}`))));
    add(`${label}.${tld}`, 'tld-swap', t.brand);
    add(`${t.domains[0]}.${pick(HOSTS)}.${pick(TLDS)}`, 'brand-in-subdomain', t.brand);
  }
}
// Generic-word brands are phished with a crypto word attached.
for (const t of targets.filter((x) => x.labels.length && x.labels.every((l) => l.generic)).slice(0, 40)) {
  const label = t.labels[0]?.label as string;
  add(`${label}-${pick(SUFFIXES)}.${pick(TLDS)}`, 'combo-generic', t.brand);
}
writeFileSync(
  OUT,
  `# Generated by scripts/gen-url-lookalikes.ts (hand-written rules over the protected brands). domain<TAB>rule<TAB>brand\n${out.join('\n')}\n`,
);
console.log(`wrote ${out.length} look-alikes to ${OUT.pathname}`);
