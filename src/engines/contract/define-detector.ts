import type { ContractIR, FunctionIR, ProjectIR } from './ir/types.js';
import type { SyntaxNode } from './parse/syntax-node.js';
import type { Confidence, DetectorMeta, Severity } from './report-types.js';
import { SEVERITIES } from './report-types.js';

export interface RawFinding {
  node: SyntaxNode;
  contract: ContractIR;
  function?: FunctionIR | undefined;
  /** Specific message; defaults to the detector title. */
  message?: string;
}

export interface DetectorContext {
  project: ProjectIR;
  report(finding: RawFinding): void;
}

export interface Detector extends DetectorMeta {
  detect(ctx: DetectorContext): void;
}

export interface DetectorDefinition {
  id: string;
  title: string;
  severity: Severity;
  confidence: Confidence;
  category: string;
  description: string;
  recommendation: string;
  references?: string[];
  swc?: string;
  detect(ctx: DetectorContext): void;
}

const CONFIDENCES: readonly Confidence[] = ['high', 'medium', 'low'];
export const CATEGORIES = [
  'access_control',
  'arithmetic',
  'bad_randomness',
  'denial_of_service',
  'front_running',
  'reentrancy',
  'short_addresses',
  'time_manipulation',
  'unchecked_low_level_calls',
  'other',
  'gas',
] as const;

/** Validates metadata at load time so a malformed detector fails fast, not at scan time. */
export function defineDetector(def: DetectorDefinition): Detector {
  const problems: string[] = [];
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(def.id)) problems.push('id must be kebab-case');
  if (!SEVERITIES.includes(def.severity)) problems.push(`bad severity ${def.severity}`);
  if (!CONFIDENCES.includes(def.confidence)) problems.push(`bad confidence ${def.confidence}`);
  if (!(CATEGORIES as readonly string[]).includes(def.category))
    problems.push(`bad category ${def.category}`);
  for (const k of ['title', 'description', 'recommendation'] as const) {
    if (!def[k] || def[k].trim().length < 5) problems.push(`${k} is required`);
  }
  if (def.swc !== undefined && !/^SWC-\d{3}$/.test(def.swc)) problems.push('swc must look like SWC-107');
  if (problems.length > 0) throw new Error(`detector ${def.id}: ${problems.join('; ')}`);
  const references = [...(def.references ?? [])];
  if (def.swc) references.unshift(`https://swcregistry.io/docs/${def.swc}`);
  return { ...def, references };
}

export function metaOf(d: Detector): DetectorMeta {
  return {
    id: d.id,
    title: d.title,
    severity: d.severity,
    confidence: d.confidence,
    description: d.description,
    recommendation: d.recommendation,
    references: d.references,
    ...(d.swc ? { swc: d.swc } : {}),
    category: d.category,
  };
}
