import type { NormalizedUrl } from '../normalize.js';
import { classifyEdit, type EditFamily } from './classify.js';
import { DeletionIndex } from './deletion-index.js';
import type { ProtectedTarget } from './protected-targets.js';
import { isMixedScript, isNonAscii, skeleton } from './skeleton.js';

export type SimilarityTechnique =
  | EditFamily
  | 'homoglyph'
  | 'tld-swap'
  | 'hyphenation'
  | 'combosquatting'
  | 'brand-in-subdomain';

/** strong → risk 3 on its own; weak → risk 2 (see docs/scoring.md, section "url"). */
export type MatchStrength = 'strong' | 'weak';

export interface SimilarityMatch {
  technique: SimilarityTechnique;
  brand: string;
  /** An official domain of the brand, for the message. */
  official: string;
  /** The protected label that was matched. */
  protectedLabel: string;
  /** The part of the observed host that matched (label, token or subdomain). */
  observed: string;
  distance: number;
  strength: MatchStrength;
  mixedScript?: boolean;
}

interface LabelEntry {
  label: string;
  skel: string;
  generic: boolean;
  target: ProtectedTarget;
}

export interface SimilarityOptions {
  /** Combosquat words (`airdrop`, `claim`, ...). */
  keywords: Iterable<string>;
  /** Shortest label compared by edit distance (default 5). */
  minEditLength?: number;
  /** Label length from which two edits are tolerated (default 10). */
  twoEditLength?: number;
}

const STRENGTH_RANK: Record<MatchStrength, number> = { strong: 2, weak: 1 };

/**
 * Typosquatting and look-alike detection against protected targets. Compares
 * the registrable label (and tokens of it, and subdomain labels), never the
 * whole host. Exact and confusable hits come from a skeleton map, edit-distance
 * hits from a deletion-neighbourhood index: cost per query does not grow with
 * the number of targets.
 */
export class SimilarityDetector {
  private officialHosts = new Map<string, ProtectedTarget>();
  private bySkeleton = new Map<string, LabelEntry[]>();
  private index = new DeletionIndex<LabelEntry>();
  private readonly keywordSkeletons: Set<string>;
  private readonly keywords: Set<string>;
  private readonly minEdit: number;
  private readonly twoEdit: number;
  private targetCount = 0;

  constructor(targets: readonly ProtectedTarget[], options: SimilarityOptions) {
    this.keywords = new Set([...options.keywords].map((k) => k.toLowerCase()));
    this.keywordSkeletons = new Set([...this.keywords].map((k) => skeleton(k)));
    this.minEdit = options.minEditLength ?? 5;
    this.twoEdit = options.twoEditLength ?? 10;
    this.load(targets);
  }

  get size(): number {
    return this.targetCount;
  }

  /** Replaces the targets (for example after a feed with a fuzzy list was imported). */
  load(targets: readonly ProtectedTarget[]): void {
    this.officialHosts = new Map();
    this.bySkeleton = new Map();
    this.index = new DeletionIndex();
    this.targetCount = targets.length;
    const seen = new Set<string>();
    for (const target of targets) {
      for (const d of target.domains) if (!this.officialHosts.has(d)) this.officialHosts.set(d, target);
      for (const { label, generic } of target.labels) {
        // A label shared by several entries (Coinbase, Coinbase Wallet) is compared once, for the first brand.
        if (seen.has(label)) continue;
        seen.add(label);
        const entry: LabelEntry = { label, skel: skeleton(label), generic, target };
        const list = this.bySkeleton.get(entry.skel);
        if (list) list.push(entry);
        else this.bySkeleton.set(entry.skel, [entry]);
        const len = [...label].length;
        if (!generic && len >= this.minEdit) this.index.add(entry.skel, entry, len >= this.twoEdit ? 2 : 1);
      }
    }
  }

  /** The brand whose official domain is this host or one of its parents. */
  officialBrand(n: Pick<NormalizedUrl, 'host' | 'domain'>): ProtectedTarget | undefined {
    let h = n.host;
    for (;;) {
      const hit = this.officialHosts.get(h);
      if (hit) return hit;
      const dot = h.indexOf('.');
      if (dot < 0 || h === n.domain) return undefined;
      h = h.slice(dot + 1);
    }
  }

  detect(n: NormalizedUrl): SimilarityMatch[] {
    if (n.isIp || !n.label || !n.domain) return [];
    if (this.officialBrand(n)) return [];
    const matches: SimilarityMatch[] = [];
    const label = n.label.toLowerCase();
    this.matchWholeLabel(label, matches);
    this.matchCombos(label, matches);
    if (n.subdomain) this.matchSubdomain(n.subdomain.toLowerCase(), matches);
    return best(matches);
  }

  private push(
    out: SimilarityMatch[],
    e: LabelEntry,
    technique: SimilarityTechnique,
    observed: string,
    distance: number,
    strength: MatchStrength,
  ): void {
    out.push({
      technique,
      brand: e.target.brand,
      official: e.target.domains[0] ?? e.label,
      protectedLabel: e.label,
      observed,
      distance,
      strength,
      ...(isMixedScript(observed) ? { mixedScript: true } : {}),
    });
  }

  private matchWholeLabel(label: string, out: SimilarityMatch[]): void {
    const skel = skeleton(label);
    const idn = isNonAscii(label);
    for (const e of this.bySkeleton.get(skel) ?? []) {
      if (label === e.label) {
        // Same label under another suffix (uniswap.app, metamask.co.uk, uniswap.vercel.app).
        if (!e.generic) this.push(out, e, 'tld-swap', label, 0, 'strong');
      } else {
        this.push(out, e, 'homoglyph', label, 0, idn || !e.generic ? 'strong' : 'weak');
      }
    }
    if (label.includes('-')) {
      const joined = label.replaceAll('-', '');
      for (const e of this.bySkeleton.get(skeleton(joined)) ?? []) {
        this.push(out, e, 'hyphenation', label, 0, e.generic ? 'weak' : 'strong');
      }
    }
    for (const hit of this.index.search(skel)) {
      for (const e of hit.values) {
        const technique = idn ? 'homoglyph' : classifyEdit(label, e.label);
        this.push(out, e, technique, label, hit.distance, idn ? 'strong' : 'weak');
      }
    }
  }

  private isKeyword(token: string): boolean {
    return this.keywords.has(token) || this.keywordSkeletons.has(skeleton(token));
  }

  /** Whether a string is made only of combo keywords and digits (`claimnow2`, `airdrop`). */
  private isKeywordRun(s: string): boolean {
    const text = s.replace(/[0-9_-]+/g, '');
    if (text === '') return s !== '';
    const ok: boolean[] = new Array(text.length + 1).fill(false);
    ok[0] = true;
    for (let i = 0; i < text.length; i++) {
      if (!ok[i]) continue;
      for (let j = i + 2; j <= Math.min(text.length, i + 14); j++) {
        if (this.keywords.has(text.slice(i, j))) ok[j] = true;
      }
    }
    return ok[text.length] === true;
  }

  private matchCombos(label: string, out: SimilarityMatch[]): void {
    const tokens = label.split(/[-_]+/).filter(Boolean);
    if (tokens.length > 1) {
      const isKw = tokens.map((t) => this.isKeyword(t) || this.isKeywordRun(t));
      tokens.forEach((token, i) => {
        const keyword = isKw.some((k, j) => k && j !== i);
        const bare = token.replace(/^[0-9]+|[0-9]+$/g, '') || token;
        const skel = skeleton(bare);
        const exact = this.bySkeleton.get(skel) ?? [];
        for (const e of exact) {
          if ([...e.label].length < 3 || (e.generic && [...e.label].length < 4)) continue;
          if (e.generic && !keyword) continue;
          this.push(out, e, 'combosquatting', label, 0, keyword && !e.generic ? 'strong' : 'weak');
        }
        if (exact.length === 0 && keyword && [...bare].length >= this.minEdit) {
          for (const hit of this.index.search(skel)) {
            for (const e of hit.values) this.push(out, e, 'combosquatting', label, hit.distance, 'strong');
          }
        }
      });
    }
    // Glued combos without separators: brand + keywords or keywords + brand.
    const flat = label.replace(/[-_]+/g, '');
    const chars = [...flat];
    const ascii = chars.length === flat.length;
    for (let p = 4; p <= chars.length - 2; p++) {
      const head = ascii ? flat.slice(0, p) : chars.slice(0, p).join('');
      const tail = ascii ? flat.slice(p) : chars.slice(p).join('');
      // Skeletons are per character but may change length (m → rn), so they are taken per slice.
      const headHits = this.bySkeleton.get(skeleton(head));
      if (headHits && this.isKeywordRun(tail)) {
        for (const e of headHits)
          this.push(out, e, 'combosquatting', label, 0, e.generic ? 'weak' : 'strong');
      }
      const tailHits = chars.length - p >= 4 ? this.bySkeleton.get(skeleton(tail)) : undefined;
      if (tailHits && this.isKeywordRun(head)) {
        for (const e of tailHits)
          this.push(out, e, 'combosquatting', label, 0, e.generic ? 'weak' : 'strong');
      }
    }
  }

  private matchSubdomain(subdomain: string, out: SimilarityMatch[]): void {
    const labels = subdomain.split('.');
    // An official host spelled inside the subdomain: pancakeswap.finance.evil.io, app.uniswap.org.x.co.uk.
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 2; j <= labels.length; j++) {
        const hit = this.officialHosts.get(labels.slice(i, j).join('.'));
        if (hit) {
          const e = this.entryFor(hit);
          if (e) this.push(out, e, 'brand-in-subdomain', subdomain, 0, 'strong');
        }
      }
    }
    for (const l of labels) {
      for (const token of l.split(/[-_]+/)) {
        if ([...token].length < 4) continue;
        for (const e of this.bySkeleton.get(skeleton(token)) ?? []) {
          if (!e.generic) this.push(out, e, 'brand-in-subdomain', subdomain, 0, 'strong');
        }
      }
    }
  }

  private entryFor(target: ProtectedTarget): LabelEntry | undefined {
    const first = target.labels[0];
    const label = first?.label ?? target.domains[0] ?? target.brand;
    return { label, skel: skeleton(label), generic: first?.generic ?? false, target };
  }
}

/** One match per brand: the strongest, then the closest. */
function best(matches: SimilarityMatch[]): SimilarityMatch[] {
  const byBrand = new Map<string, SimilarityMatch>();
  for (const m of matches) {
    const prev = byBrand.get(m.brand);
    if (
      !prev ||
      STRENGTH_RANK[m.strength] > STRENGTH_RANK[prev.strength] ||
      (STRENGTH_RANK[m.strength] === STRENGTH_RANK[prev.strength] && m.distance < prev.distance)
    ) {
      byBrand.set(m.brand, m);
    }
  }
  return [...byBrand.values()].sort(
    (a, b) =>
      STRENGTH_RANK[b.strength] - STRENGTH_RANK[a.strength] ||
      a.distance - b.distance ||
      a.brand.localeCompare(b.brand),
  );
}
