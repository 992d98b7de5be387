import unhomoglyph from 'unhomoglyph';

/**
 * A Unicode TR39-style confusable skeleton: NFD → drop combining marks →
 * map every character to its confusables prototype (unhomoglyph, Unicode
 * confusables data, multi-character prototypes such as `m` → `rn`) → lower
 * case. Two labels with the same skeleton look alike to a human. The mapping
 * is applied to both sides, so prototypes like `rn` never need undoing.
 */
export function skeleton(text: string): string {
  if (ASCII_RE.test(text)) {
    let out = '';
    for (let i = 0; i < text.length; i++) out += ASCII_TABLE[text.charCodeAt(i)];
    return out;
  }
  const stripped = text.normalize('NFD').replace(/\p{M}+/gu, '');
  let out = '';
  for (const ch of stripped) {
    let mapped = CHAR_CACHE.get(ch);
    if (mapped === undefined) {
      mapped = unhomoglyph(ch).toLowerCase();
      CHAR_CACHE.set(ch, mapped);
    }
    out += mapped;
  }
  return out;
}

// Confusable sources are single code points, so the mapping can be done (and cached) per character:
// the library's one big alternation regex is far slower than a Map lookup on the hot path.
const CHAR_CACHE = new Map<string, string>();
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is the ASCII boundary
const ASCII_RE = /^[\u0000-\u007f]*$/;
const ASCII_TABLE: string[] = Array.from({ length: 128 }, (_, c) =>
  unhomoglyph(String.fromCharCode(c)).toLowerCase(),
);

export type ScriptName = 'latin' | 'cyrillic' | 'greek' | 'armenian' | 'other';

const SCRIPT_TESTS: readonly [ScriptName, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['armenian', /\p{Script=Armenian}/u],
];

/** The scripts of the letters in a label (digits, hyphens and marks are script-neutral). */
export function scriptsOf(label: string): Set<ScriptName> {
  const out = new Set<ScriptName>();
  for (const ch of label.normalize('NFD')) {
    if (!/\p{L}/u.test(ch)) continue;
    const hit = SCRIPT_TESTS.find(([, re]) => re.test(ch));
    out.add(hit ? hit[0] : 'other');
  }
  return out;
}

/** Whether a label mixes scripts that are confusable with each other (Latin with Cyrillic/Greek/Armenian). */
export function isMixedScript(label: string): boolean {
  const scripts = scriptsOf(label);
  return scripts.size > 1 && scripts.has('latin');
}

/** Whether a label has any character outside ASCII (an IDN label). */
export function isNonAscii(label: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is the ASCII boundary
  return /[^\u0000-\u007f]/.test(label);
}
