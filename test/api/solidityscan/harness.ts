import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { createSolidityScanFace, type SolidityScanFaceOptions } from '../../../src/api/solidityscan/index.js';
import type { Engine } from '../../../src/core/engine.js';
import { createContractEngine } from '../../../src/engines/contract/index.js';
import {
  createSourceResolver,
  explorerHook,
  type SourceResolver,
} from '../../../src/engines/contract/sources/index.js';
import { type ExplorerServer, startExplorerServer } from '../../helpers/explorer-server.js';
import { makeTestRuntime, type TestRuntime } from '../../helpers/runtime.js';

export interface Harness {
  t: TestRuntime;
  explorer: ExplorerServer;
  resolver: SourceResolver;
  wsUrl: string;
  httpUrl: string;
  close(): Promise<void>;
}

/** Explorer server + runtime (temp SQLite) + app listening on loopback with the SolidityScan face. */
export async function startHarness(
  options: {
    face?: SolidityScanFaceOptions;
    config?: Record<string, unknown>;
    explorerDelayMs?: number;
  } = {},
): Promise<Harness> {
  const explorer = await startExplorerServer({ apiKey: 'test-key', delayMs: options.explorerDelayMs ?? 0 });
  let resolver: SourceResolver | undefined;
  const t = await makeTestRuntime({
    config: {
      platforms: {
        ...explorer.platformsConfig({
          etherscan: { mainnet: 1, sepolia: 11155111 },
          bscscan: { mainnet: 56 },
        }),
        // Configured but unreachable: a closed loopback port.
        deadscan: { mainnet: { apiUrl: 'http://127.0.0.1:9/api', chainId: 1 } },
      },
      sourcify: { url: explorer.sourcifyUrl },
      jobs: { retryBaseDelayMs: 10 },
      ...options.config,
    },
    engines: (ctx) => {
      resolver = createSourceResolver({
        config: ctx.config,
        db: ctx.db,
        http: { maxRetries: 0, timeoutMs: 5_000 },
      });
      // The real contract engine, with its explorer hook on a resolver that does not retry (fast failure tests).
      return [createContractEngine(ctx, { sourceResolver: explorerHook(resolver) }) as Engine];
    },
    faces: [createSolidityScanFace({ progressIntervalMs: 200, ...options.face })],
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  assert.ok(resolver);
  const secure = t.config.server.tls !== undefined;
  return {
    t,
    explorer,
    resolver,
    wsUrl: `${secure ? 'wss' : 'ws'}://127.0.0.1:${port}`,
    httpUrl: `${secure ? 'https' : 'http'}://127.0.0.1:${port}`,
    async close() {
      await t.close();
      await explorer.close();
    },
  };
}

type JsonType = 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean';
export function jsonType(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v as JsonType;
}

/** Every field of `expected` exists in `actual` with the same JSON type, recursively. */
export function assertSameShape(expected: unknown, actual: unknown, at = '$'): void {
  assert.equal(jsonType(actual), jsonType(expected), `type of ${at}`);
  if (jsonType(expected) === 'object') {
    const a = actual as Record<string, unknown>;
    for (const [k, v] of Object.entries(expected as Record<string, unknown>)) {
      assert.ok(Object.hasOwn(a, k), `missing field ${at}.${k}`);
      assertSameShape(v, a[k], `${at}.${k}`);
    }
  }
}

export const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/;
export const UUID32 = /^[0-9a-f]{32}$/;
