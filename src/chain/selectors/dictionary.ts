import { createRequire } from 'node:module';
import type { SelectorDictionaryFile } from './generate.js';

const require = createRequire(import.meta.url);

/** Selector → canonical signatures and risk tags, from the shipped `dictionary.json`. */
export interface SelectorDictionary {
  readonly size: number;
  signatures(selector: string): readonly string[];
  tags(selector: string): readonly string[];
  /** Union of tags over a set of selectors. */
  tagsOf(selectors: Iterable<string>): Set<string>;
}

export function createSelectorDictionary(file: SelectorDictionaryFile): SelectorDictionary {
  const entries = new Map(Object.entries(file.entries).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    size: entries.size,
    signatures: (selector) => entries.get(selector.toLowerCase())?.signatures ?? [],
    tags: (selector) => entries.get(selector.toLowerCase())?.tags ?? [],
    tagsOf(selectors) {
      const out = new Set<string>();
      for (const s of selectors) for (const tag of entries.get(s.toLowerCase())?.tags ?? []) out.add(tag);
      return out;
    },
  };
}

let shipped: SelectorDictionary | undefined;

/** The dictionary shipped with Vigil (loaded once). */
export function defaultSelectorDictionary(): SelectorDictionary {
  shipped ??= createSelectorDictionary(require('./dictionary.json') as SelectorDictionaryFile);
  return shipped;
}
