import type { ProtectedTarget } from '../similarity/protected-targets.js';

/**
 * Finds protected brand names in short page texts (title, headings, image
 * alt texts, meta tags) by word n-gram lookup: O(words), not O(brands).
 * Only distinctive names are used: a page titled "Safe" or "Base" proves nothing.
 */
export class BrandMatcher {
  private readonly names = new Map<string, ProtectedTarget>();

  constructor(targets: readonly ProtectedTarget[]) {
    for (const t of targets) {
      const distinctive = t.labels.filter((l) => !l.generic).map((l) => l.label);
      if (distinctive.length === 0) continue;
      const keys = new Set<string>([...distinctive, t.brand.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')]);
      for (const key of keys) if (key.length >= 5 && !this.names.has(key)) this.names.set(key, t);
    }
  }

  /** Brands named in `text` (joined 1-3 word n-grams compared without spaces or punctuation). */
  find(text: string): ProtectedTarget[] {
    const words = text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .slice(0, 400);
    const out = new Set<ProtectedTarget>();
    for (let i = 0; i < words.length; i++) {
      let joined = '';
      for (let n = 0; n < 3 && i + n < words.length; n++) {
        joined += words[i + n];
        const hit = this.names.get(joined);
        if (hit) out.add(hit);
      }
    }
    return [...out];
  }
}
