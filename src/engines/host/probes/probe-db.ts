import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Loader for `data/service-probes.json`: Vigil's own probe database. Adding a
 * service is adding data there; this module validates it, compiles the
 * patterns once, and decodes payloads.
 */

const matchSchema = z.object({
  service: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  pattern: z.string().min(1),
  flags: z
    .string()
    .regex(/^[ims]*$/)
    .optional(),
  product: z.string().optional(),
  version: z.string().optional(),
  info: z.string().optional(),
  os: z.string().optional(),
  /** Names the service but keeps probing for a hard match with more detail. */
  soft: z.boolean().optional(),
});

const extractSchema = z.object({
  field: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  pattern: z.string().min(1),
  flags: z
    .string()
    .regex(/^[ims]*$/)
    .optional(),
});

const probeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    description: z.string().min(1),
    /** ASCII payload; `{host}` is replaced with the target host name. */
    payload: z.string().optional(),
    payloadHex: z
      .string()
      .regex(/^(?:[0-9a-f]{2})*$/)
      .optional(),
    /** Ports where this service usually lives: the probe goes first there. */
    ports: z.array(z.number().int().min(1).max(65535)),
    /** Lower runs earlier on ports no probe claims. */
    rarity: z.number().int().min(0).max(9),
    /** A match of this probe means "TLS here": handshake and probe inside. */
    tls: z.boolean().optional(),
    extract: z.array(extractSchema).optional(),
    matches: z.array(matchSchema).min(1),
  })
  .refine(
    (p) => !(p.payload !== undefined && p.payloadHex !== undefined),
    'payload and payloadHex are exclusive',
  );

const dbSchema = z.object({
  version: z.literal(1),
  notes: z.string().optional(),
  probes: z.array(probeSchema).min(1),
});

export type ProbeMatchSpec = z.infer<typeof matchSchema>;
export type ProbeSpec = z.infer<typeof probeSchema>;

export interface CompiledMatch extends ProbeMatchSpec {
  regex: RegExp;
  probeId: string;
}

export interface CompiledProbe {
  id: string;
  description: string;
  ports: ReadonlySet<number>;
  rarity: number;
  tls: boolean;
  /** true for the NULL probe (no payload: wait for a banner). */
  isNull: boolean;
  payload(host: string): Buffer;
  matches: CompiledMatch[];
  extract: Array<{ field: string; regex: RegExp }>;
}

export interface ProbeDb {
  probes: CompiledProbe[];
  byId: ReadonlyMap<string, CompiledProbe>;
  /** Every match of every probe, in file order: the fallback pass. */
  allMatches: CompiledMatch[];
}

function compile(pattern: string, flags: string | undefined, where: string): RegExp {
  try {
    return new RegExp(pattern, flags ?? '');
  } catch (err) {
    throw new Error(`service-probes: bad pattern in ${where}: ${(err as Error).message}`);
  }
}

export function parseProbeDb(json: unknown): ProbeDb {
  const parsed = dbSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`service-probes: ${first?.path.join('.')}: ${first?.message}`);
  }
  const ids = new Set<string>();
  const probes = parsed.data.probes.map((spec): CompiledProbe => {
    if (ids.has(spec.id)) throw new Error(`service-probes: duplicate probe id ${spec.id}`);
    ids.add(spec.id);
    const hex = spec.payloadHex === undefined ? undefined : Buffer.from(spec.payloadHex, 'hex');
    const text = spec.payload;
    return {
      id: spec.id,
      description: spec.description,
      ports: new Set(spec.ports),
      rarity: spec.rarity,
      tls: spec.tls === true,
      isNull: hex === undefined && (text === undefined || text === ''),
      payload: (host) => (hex ? hex : Buffer.from((text ?? '').replaceAll('{host}', host), 'latin1')),
      matches: spec.matches.map((m, i) => ({
        ...m,
        probeId: spec.id,
        regex: compile(m.pattern, m.flags, `${spec.id}.matches[${i}]`),
      })),
      extract: (spec.extract ?? []).map((e, i) => ({
        field: e.field,
        regex: compile(e.pattern, e.flags, `${spec.id}.extract[${i}]`),
      })),
    };
  });
  if (!probes.some((p) => p.isNull)) throw new Error('service-probes: a NULL probe (no payload) is required');
  return {
    probes,
    byId: new Map(probes.map((p) => [p.id, p])),
    allMatches: probes.flatMap((p) => p.matches),
  };
}

let cached: ProbeDb | undefined;

export function loadProbeDb(): ProbeDb {
  cached ??= parseProbeDb(
    JSON.parse(readFileSync(new URL('../data/service-probes.json', import.meta.url), 'utf8')),
  );
  return cached;
}
