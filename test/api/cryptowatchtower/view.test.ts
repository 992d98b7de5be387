import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toWatchtowerError } from '../../../src/api/cryptowatchtower/errors.js';
import { watchtowerResult } from '../../../src/api/cryptowatchtower/view.js';
import { VigilError } from '../../../src/core/errors.js';
import type { Job } from '../../../src/core/jobs/types.js';

const job = (over: Partial<Job>): Job =>
  ({
    id: 'j1',
    kind: 'token',
    state: 'running',
    progress: 30,
    failureCode: null,
    failureMessage: null,
    result: null,
    ...over,
  }) as Job;

test('queued and running jobs are "active" with the progress as a string, as in the seed', () => {
  assert.deepEqual(watchtowerResult(job({ state: 'queued', progress: 0 })), {
    id: 'j1',
    state: 'active',
    progress: '0',
    data: {},
  });
  assert.deepEqual(watchtowerResult(job({})), { id: 'j1', state: 'active', progress: '30', data: {} });
});

test('failed jobs carry a numeric progress and the reason', () => {
  const r = watchtowerResult(
    job({ state: 'failed', failureCode: 'ENGINE_FAILED', failureMessage: 'error-while-fetching-lp: x' }),
  );
  assert.deepEqual(r, {
    id: 'j1',
    state: 'failed',
    progress: 30,
    reason: 'error-while-fetching-lp',
    data: {},
  });
});

test('errors: auth → 406, invalid token → 404, the rest by status, in NestJS shape', () => {
  for (const code of ['AUTH_MISSING', 'AUTH_INVALID', 'AUTH_EXPIRED', 'AUTH_REVOKED'] as const) {
    assert.equal(toWatchtowerError(new VigilError(code)).statusCode, 406);
  }
  assert.deepEqual(toWatchtowerError(new VigilError('INVALID_TARGET', 'token-not-found: x')), {
    statusCode: 404,
    message: 'token-not-found: x',
    error: 'Not Found',
  });
  assert.equal(toWatchtowerError(new VigilError('RATE_LIMITED')).statusCode, 429);
  assert.deepEqual(toWatchtowerError(new Error('secret internals')), {
    statusCode: 500,
    message: 'Internal server error',
    error: 'Internal Server Error',
  });
});
