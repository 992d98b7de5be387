import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { VigilError } from './errors.js';

/**
 * Configuration: defaults < JSON file (`--config`, `VIGIL_CONFIG`, or
 * `./vigil.config.json` when present) < environment variables. Validated once
 * at start-up; every engine section has safe defaults so `vigil serve` runs
 * with no file at all.
 */

const kindSettings = z.object({
  concurrency: z.number().int().min(1).max(1024).optional(),
  timeoutMs: z.number().int().min(100).optional(),
  maxAttempts: z.number().int().min(1).max(20).optional(),
});

const chainSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1),
  /** Short network name used by vendor faces (eth, bsc, polygon, ...). */
  network: z.string().min(1).optional(),
  rpcUrls: z.array(z.string().url()).min(1),
  nativeSymbol: z.string().default('ETH'),
  multicall3: z.string().optional(),
  explorer: z
    .object({
      apiUrl: z.string().url(),
      apiKey: z.string().optional(),
      browserUrl: z.string().url().optional(),
    })
    .optional(),
});

const platformChainSchema = z.object({
  /** Etherscan-compatible API base, e.g. https://api.etherscan.io/api */
  apiUrl: z.string().url(),
  apiKey: z.string().optional(),
  chainId: z.number().int().positive().optional(),
  /** Address page prefix for `contract_url`. */
  browserUrl: z.string().url().optional(),
  currency: z.string().default('ETH'),
});

const feedSchema = z.object({
  /** file path or http(s) URL */
  source: z.string().min(1),
  format: z.enum(['eth-phishing-detect', 'domains', 'csv', 'json', 'addresses']).default('domains'),
  category: z.string().default('phishing'),
  refreshMinutes: z.number().int().min(0).default(0),
});

export const configSchema = z.object({
  dataDir: z.string().default('data'),
  /** `sqlite:<file>` (default, relative to dataDir) or `postgres://...` */
  store: z.string().default('sqlite:vigil.db'),
  /** `memory` (in-process, default) or `redis://...` (BullMQ) */
  queue: z.string().default('memory'),
  role: z.enum(['all', 'api', 'worker']).default('all'),
  log: z.object({ level: z.string().default('info') }).prefault({}),
  server: z
    .object({
      host: z.string().default('127.0.0.1'),
      port: z.number().int().min(0).max(65535).default(8080),
      bodyLimit: z.number().int().min(1024).default(1_048_576),
      trustProxy: z.boolean().default(false),
      shutdownGraceMs: z.number().int().min(0).default(10_000),
      tls: z.object({ certFile: z.string(), keyFile: z.string() }).optional(),
    })
    .prefault({}),
  jobs: z
    .object({
      /** Same kind+target+options+owner within this window returns the existing job. */
      dedupeWindowMs: z
        .number()
        .int()
        .min(0)
        .default(10 * 60_000),
      defaultConcurrency: z.number().int().min(1).default(4),
      defaultTimeoutMs: z
        .number()
        .int()
        .min(100)
        .default(10 * 60_000),
      defaultMaxAttempts: z.number().int().min(1).default(3),
      retryBaseDelayMs: z.number().int().min(0).default(1_000),
      kinds: z.record(z.string(), kindSettings).default({}),
    })
    .prefault({}),
  auth: z
    .object({
      /** 32-byte key (hex or base64) that encrypts HMAC secrets; generated into dataDir when absent. */
      secretKey: z.string().optional(),
      /** Allowed clock skew for signed requests, both directions. */
      signatureWindowMs: z
        .number()
        .int()
        .min(1000)
        .default(5 * 60_000),
    })
    .prefault({}),
  quotas: z
    .object({
      defaultRatePerMinute: z.number().int().min(1).default(600),
    })
    .prefault({}),
  chains: z.array(chainSchema).default([]),
  /** contract_platform → contract_chain → explorer API (SolidityScan face). */
  platforms: z.record(z.string(), z.record(z.string(), platformChainSchema)).default({}),
  sourcify: z.object({ url: z.string().url() }).optional(),
  feeds: z.array(feedSchema).default([]),
  /** CIDR allow/deny for host scans, webhooks and page fetches. Deny wins over the defaults only via allow. */
  targetPolicy: z
    .object({
      allow: z.array(z.string()).default([]),
      deny: z.array(z.string()).default([]),
    })
    .prefault({}),
  host: z
    .object({
      /** Port set when a scan does not name one (the ThreatWinds face never does). */
      defaultPorts: z.string().min(1).default('top-1000'),
    })
    .prefault({}),
  /** Outgoing webhooks (Standard Webhooks signing; retries with exponential backoff, about 3 days by default). */
  webhooks: z
    .object({
      /** First retry delay; each further retry doubles it, up to maxRetryDelayMs. */
      retryBaseMs: z.number().int().min(1).default(5_000),
      maxRetryDelayMs: z
        .number()
        .int()
        .min(1)
        .default(12 * 60 * 60_000),
      /** Attempts in total (the first one included) before a delivery is marked failed. */
      maxAttempts: z.number().int().min(1).max(50).default(20),
      timeoutMs: z.number().int().min(100).default(10_000),
      /** How often the dispatcher looks for due deliveries and finished jobs. */
      pollIntervalMs: z.number().int().min(10).default(1_000),
    })
    .prefault({}),
  url: z
    .object({
      rdapBootstrapFile: z.string().optional(),
      rdapTimeoutMs: z.number().int().min(100).default(4_000),
      youngDomainDays: z.number().int().min(1).default(30),
      expiringDomainDays: z.number().int().min(1).default(30),
      protectedTargetsFile: z.string().optional(),
      fetchPages: z.boolean().default(true),
    })
    .prefault({}),
  address: z
    .object({
      cacheTtlMs: z
        .number()
        .int()
        .min(0)
        .default(60 * 60_000),
      pollingIntervalMs: z.number().int().min(100).default(3_000),
    })
    .prefault({}),
  /** Token scam / rug-pull engine (docs/api/cryptowatchtower.md, docs/scoring.md#token). */
  token: z
    .object({
      /** Use the shipped table of well-known DEXes, quote tokens and lockers per chain id. */
      builtinDeployments: z.boolean().default(true),
      dexes: z
        .array(
          z.object({
            chainId: z.number().int().positive(),
            /** Shown in `dexTitles` (e.g. "Pancake v2"). */
            title: z.string().min(1),
            kind: z.enum(['v2', 'v3']).default('v2'),
            factory: z.string(),
            /** V2 router used by the honeypot/tax simulation. */
            router: z.string().optional(),
            /** V3 fee tiers to probe. */
            fees: z.array(z.number().int().positive()).optional(),
          }),
        )
        .default([]),
      quoteTokens: z
        .array(
          z.object({
            chainId: z.number().int().positive(),
            address: z.string(),
            symbol: z.string().min(1),
            /** Fixed USD price (stablecoins: 1); the native price is derived from native/stable pools. */
            usdPrice: z.number().positive().optional(),
            /** The wrapped native token (WETH, WBNB): start of every simulated buy. */
            wrappedNative: z.boolean().optional(),
          }),
        )
        .default([]),
      lockers: z
        .array(
          z.object({ chainId: z.number().int().positive(), address: z.string(), name: z.string().min(1) }),
        )
        .default([]),
      /** Most blocks of Transfer logs read for holders (from creation on). */
      holderScanMaxBlocks: z.number().int().min(1).default(200_000),
      /** Blocks per eth_getLogs request. */
      logChunkBlocks: z.number().int().min(1).default(10_000),
      /** Recent blocks of PairCreated logs indexed when a symbol is not in any list (0 = off). */
      indexScanBlocks: z.number().int().min(0).default(50_000),
      /** Share of the pool's native reserve spent by the simulated buy, in basis points. */
      simulationBuyBps: z.number().int().min(1).max(5_000).default(10),
    })
    .prefault({}),
});

export type VigilConfig = z.infer<typeof configSchema>;
export type ChainConfig = z.infer<typeof chainSchema>;
export type PlatformChainConfig = z.infer<typeof platformChainSchema>;
export type FeedConfig = z.infer<typeof feedSchema>;
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** Environment variables and the config keys they set. */
export const ENV_VARS: Record<string, { key: string; type: 'string' | 'number' | 'boolean' }> = {
  VIGIL_DATA_DIR: { key: 'dataDir', type: 'string' },
  VIGIL_STORE: { key: 'store', type: 'string' },
  VIGIL_QUEUE: { key: 'queue', type: 'string' },
  VIGIL_ROLE: { key: 'role', type: 'string' },
  VIGIL_LOG_LEVEL: { key: 'log.level', type: 'string' },
  VIGIL_HOST: { key: 'server.host', type: 'string' },
  VIGIL_PORT: { key: 'server.port', type: 'number' },
  VIGIL_SECRET_KEY: { key: 'auth.secretKey', type: 'string' },
  VIGIL_DEDUPE_WINDOW_MS: { key: 'jobs.dedupeWindowMs', type: 'number' },
};

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}

function envOverrides(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, { key, type }] of Object.entries(ENV_VARS)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = type === 'number' ? Number(raw) : type === 'boolean' ? raw === 'true' || raw === '1' : raw;
    setPath(out, key, value);
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepMerge(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const prev = out[k];
    out[k] = isPlainObject(prev) && isPlainObject(v) ? deepMerge(prev, v) : v;
  }
  return out;
}

export function formatZodIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `  - ${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('\n');
}

/** Validates a raw object (file + env merged) into a config; throws CONFIG_INVALID with every issue listed. */
export function parseConfig(raw: unknown, source = 'configuration'): VigilConfig {
  const parsed = configSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new VigilError('CONFIG_INVALID', `Invalid ${source}:\n${formatZodIssues(parsed.error)}`, {
      details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    });
  }
  return parsed.data;
}

export interface LoadConfigOptions {
  file?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Applied last (tests, CLI flags). */
  overrides?: Record<string, unknown>;
}

export function loadConfig(options: LoadConfigOptions = {}): VigilConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const explicit = options.file ?? env.VIGIL_CONFIG;
  const file =
    explicit ?? (existsSync(path.join(cwd, 'vigil.config.json')) ? 'vigil.config.json' : undefined);
  let fromFile: Record<string, unknown> = {};
  if (file) {
    const full = path.resolve(cwd, file);
    if (!existsSync(full)) throw new VigilError('CONFIG_INVALID', `Config file not found: ${full}`);
    try {
      const parsed: unknown = JSON.parse(readFileSync(full, 'utf8'));
      if (!isPlainObject(parsed)) throw new Error('top level must be a JSON object');
      fromFile = parsed;
    } catch (err) {
      throw new VigilError('CONFIG_INVALID', `Cannot read config file ${full}: ${(err as Error).message}`);
    }
  }
  const merged = deepMerge(deepMerge(fromFile, envOverrides(env)), options.overrides ?? {});
  const config = parseConfig(merged, file ? `config file ${file}` : 'configuration');
  return { ...config, dataDir: path.resolve(cwd, config.dataDir) };
}

/** Per-kind job settings with engine defaults and global defaults applied. */
export function kindSettingsFor(
  config: VigilConfig,
  kind: string,
  engineDefaults: { concurrency?: number; timeoutMs?: number; maxAttempts?: number } = {},
): { concurrency: number; timeoutMs: number; maxAttempts: number } {
  const own = config.jobs.kinds[kind] ?? {};
  return {
    concurrency: own.concurrency ?? engineDefaults.concurrency ?? config.jobs.defaultConcurrency,
    timeoutMs: own.timeoutMs ?? engineDefaults.timeoutMs ?? config.jobs.defaultTimeoutMs,
    maxAttempts: own.maxAttempts ?? engineDefaults.maxAttempts ?? config.jobs.defaultMaxAttempts,
  };
}
