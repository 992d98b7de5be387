import type { ProtectedTarget } from '../similarity/protected-targets.js';
import type { BrandMatcher } from './brand-matcher.js';
import type { PageFeatures } from './extract.js';
import type { ContentRule, ContentScope } from './rules.js';

export interface RuleFinding {
  ruleId: string;
  title: string;
  severity: ContentRule['severity'];
  weight: number;
  matches: number;
  /** A short excerpt of the first match. */
  sample: string;
}

export interface BrandClaim {
  brand: string;
  official: string;
  where: 'title' | 'heading' | 'image-alt' | 'meta';
}

export interface ContentVerdict {
  score: number;
  findings: RuleFinding[];
  brands: BrandClaim[];
}

/** phishing_detection fires at this score (sum of rule weights). */
export const PHISHING_SCORE = 5;
/** …and counts as a conviction (risk 5) from this score. */
export const CONVICTION_SCORE = 10;

function scopeText(scope: ContentScope, f: PageFeatures, scripts: string[], html: string): string {
  switch (scope) {
    case 'inputs':
      return f.inputs.join('\n');
    case 'text':
      return `${f.title}\n${f.text}`;
    case 'scripts':
      return [...f.inlineScripts, ...scripts].join('\n;\n');
    case 'html':
      return html;
    case 'any':
      return [html, ...scripts].join('\n');
  }
}

/**
 * Runs the drainer rules over a page and its scripts and lists the protected
 * brands the page claims to be. `isOfficialFor(brand)` says whether the page's
 * host belongs to that brand (then the claim is legitimate).
 */
export function analyzeContent(input: {
  html: string;
  features: PageFeatures;
  scripts: string[];
  rules: readonly ContentRule[];
  brands: BrandMatcher;
  isOfficialFor(target: ProtectedTarget): boolean;
}): ContentVerdict {
  const { features: f } = input;
  const findings: RuleFinding[] = [];
  const cache = new Map<ContentScope, string>();
  for (const rule of input.rules) {
    let text = cache.get(rule.scope);
    if (text === undefined) {
      text = scopeText(rule.scope, f, input.scripts, input.html);
      cache.set(rule.scope, text);
    }
    let matches = 0;
    let sample = '';
    for (const re of rule.regexes) {
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) {
        matches++;
        if (!sample) sample = m[0].slice(0, 120);
        if (matches >= rule.minMatches && matches >= 1000) break;
      }
    }
    if (matches >= rule.minMatches) {
      findings.push({
        ruleId: rule.id,
        title: rule.title,
        severity: rule.severity,
        weight: rule.weight,
        matches,
        sample,
      });
    }
  }
  const brands: BrandClaim[] = [];
  const seen = new Set<string>();
  const claim = (texts: string[], where: BrandClaim['where']) => {
    for (const t of texts) {
      for (const target of input.brands.find(t)) {
        if (seen.has(target.brand) || input.isOfficialFor(target)) continue;
        seen.add(target.brand);
        brands.push({ brand: target.brand, official: target.domains[0] ?? '', where });
      }
    }
  };
  claim([f.title], 'title');
  claim(f.headings, 'heading');
  claim(f.imageAlts, 'image-alt');
  claim(f.metas, 'meta');
  const score = findings.reduce((s, x) => s + x.weight, 0);
  return { score, findings, brands };
}
