import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { VigilError } from '../../../core/errors.js';

export const CONTENT_SCOPES = ['inputs', 'text', 'scripts', 'html', 'any'] as const;
export type ContentScope = (typeof CONTENT_SCOPES)[number];

const ruleSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  severity: z.enum(['low', 'medium', 'high']),
  weight: z.number().int().min(0).max(10),
  scope: z.enum(CONTENT_SCOPES),
  patterns: z.array(z.string().min(1)).min(1),
  minMatches: z.number().int().min(1).default(1),
  description: z.string().min(1),
});
const fileSchema = z.object({ description: z.string().optional(), rules: z.array(ruleSchema).min(1) });

export interface ContentRule extends z.infer<typeof ruleSchema> {
  regexes: RegExp[];
}

export const DEFAULT_RULES_FILE = fileURLToPath(new URL('../data/drainer-rules.json', import.meta.url));

/** Loads and validates drainer rules; every pattern is compiled once (case-insensitive, multi-line). */
export function loadContentRules(file = DEFAULT_RULES_FILE): ContentRule[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new VigilError('CONFIG_INVALID', `Cannot read drainer rules ${file}: ${(err as Error).message}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new VigilError('CONFIG_INVALID', `${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const ids = new Set<string>();
  return parsed.data.rules.map((rule) => {
    if (ids.has(rule.id)) throw new VigilError('CONFIG_INVALID', `${file}: duplicate rule id ${rule.id}`);
    ids.add(rule.id);
    const regexes = rule.patterns.map((p) => {
      try {
        return new RegExp(p, 'gim');
      } catch (err) {
        throw new VigilError(
          'CONFIG_INVALID',
          `${file}: rule ${rule.id}: bad pattern ${p}: ${(err as Error).message}`,
        );
      }
    });
    return { ...rule, regexes };
  });
}
