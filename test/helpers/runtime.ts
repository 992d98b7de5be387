import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../src/api/app.js';
import type { Face } from '../../src/api/faces.js';
import type { IssuedCredential, Role } from '../../src/core/auth/types.js';
import { deepMerge, parseConfig, type VigilConfig } from '../../src/core/config.js';
import type { Engine, EngineFactoryContext } from '../../src/core/engine.js';
import { createRuntime, type Runtime } from '../../src/core/runtime.js';
import { ALL_MIGRATIONS } from '../../src/engines/migrations.js';
import { createTestEngine } from '../../src/engines/testing/index.js';

export interface TestRuntime {
  runtime: Runtime;
  app: FastifyInstance;
  config: VigilConfig;
  dataDir: string;
  /** Creates an app with the given roles and returns its credentials by kind. */
  credentials(
    roles?: Role[],
    extra?: { maxRequests?: number; ratePerMinute?: number; expiresAt?: number },
  ): Promise<Creds>;
  close(): Promise<void>;
}

export interface Creds {
  appId: string;
  name: string;
  apiKey: string;
  bearer: string;
  key: string;
  secret: string;
  hmacAppId: string;
  hmacSecret: string;
}

let counter = 0;

/** A runtime + app on a temp SQLite file, in-process queue, test engine registered, workers started. */
export async function makeTestRuntime(
  options: {
    config?: Record<string, unknown>;
    engines?: (ctx: EngineFactoryContext) => Engine[];
    faces?: readonly Face[];
    now?: () => number;
    start?: boolean;
    dataDir?: string;
  } = {},
): Promise<TestRuntime> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'vigil-test-'));
  const config = parseConfig(
    deepMerge(
      {
        dataDir,
        log: { level: 'silent' },
        jobs: { retryBaseDelayMs: 10 },
        quotas: { defaultRatePerMinute: 100_000 },
      },
      options.config ?? {},
    ),
  );
  const runtime = await createRuntime(config, {
    migrations: ALL_MIGRATIONS,
    engines: options.engines ?? (() => [createTestEngine()]),
    logger: pino({ level: 'silent' }),
    now: options.now,
  });
  if (options.start ?? true) await runtime.start();
  const app = await buildApp(runtime, { faces: options.faces, docsUi: false });
  return {
    runtime,
    app,
    config,
    dataDir,
    async credentials(roles = ['reporter', 'viewer'], extra = {}) {
      const { app: created, credentials } = await runtime.auth.createApp({
        name: `app-${process.pid}-${++counter}`,
        roles,
        ...extra,
      });
      const by = (k: IssuedCredential['kind']) => credentials.find((c) => c.kind === k) as IssuedCredential;
      return {
        appId: created.id,
        name: created.name,
        apiKey: by('api_key').key,
        bearer: by('bearer').key,
        key: by('key_secret').key,
        secret: by('key_secret').secret as string,
        hmacAppId: by('hmac').key,
        hmacSecret: by('hmac').secret as string,
      };
    },
    async close() {
      await app.close();
      await runtime.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
