import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../../src/core/config.js';
import { VigilError } from '../../../src/core/errors.js';
import { retryDelayMs, validateWebhookHeaders } from '../../../src/core/webhooks/dispatcher.js';
import { parseWebhookUrl } from '../../../src/core/webhooks/send.js';
import {
  newWebhookSecret,
  signWebhook,
  verifyWebhook,
  webhookHeaders,
} from '../../../src/core/webhooks/standard-webhooks.js';

describe('Standard Webhooks signing', () => {
  it('matches the reference test vector of the Standard Webhooks libraries', () => {
    // From standard-webhooks/libraries test suites.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
    const body = '{"test": 2432232314}';
    assert.equal(
      signWebhook(secret, id, 1614265330, body),
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('verifies fresh signatures and rejects tampering, other secrets and stale timestamps', () => {
    const secret = newWebhookSecret();
    const now = 1_700_000_000;
    const headers = webhookHeaders(secret, 'msg_1', now, '{"a":1}');
    assert.equal(verifyWebhook(secret, { ...headers }, '{"a":1}', { nowSeconds: now }), true);
    assert.equal(verifyWebhook(secret, { ...headers }, '{"a":2}', { nowSeconds: now }), false);
    assert.equal(verifyWebhook(newWebhookSecret(), { ...headers }, '{"a":1}', { nowSeconds: now }), false);
    assert.equal(verifyWebhook(secret, { ...headers }, '{"a":1}', { nowSeconds: now + 3600 }), false);
    const rotated = { ...headers, 'webhook-signature': `v1,bogus ${headers['webhook-signature']}` };
    assert.equal(
      verifyWebhook(secret, rotated, '{"a":1}', { nowSeconds: now }),
      true,
      'any listed signature may match',
    );
  });
});

describe('webhook retries and validation', () => {
  const settings = parseConfig({}).webhooks;

  it('backs off exponentially with a cap, over about three days by default', () => {
    const d1 = retryDelayMs(settings, 1);
    const d5 = retryDelayMs(settings, 5);
    assert.ok(d1 >= 4_500 && d1 <= 5_500, String(d1));
    assert.ok(d5 >= 72_000 && d5 <= 88_000, String(d5));
    assert.ok(retryDelayMs(settings, 30) <= settings.maxRetryDelayMs * 1.1);
    let total = 0;
    for (let attempt = 1; attempt < settings.maxAttempts; attempt++)
      total += retryDelayMs({ ...settings }, attempt);
    const daysTotal = total / 86_400_000;
    assert.ok(daysTotal > 2 && daysTotal < 5, `${daysTotal} days`);
  });

  it('refuses reserved or malformed headers and non-http URLs', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
        return 'none';
      } catch (err) {
        return (err as VigilError).code;
      }
    };
    assert.equal(
      code(() => validateWebhookHeaders([{ key: 'X-Token', value: 'abc' }])),
      'none',
    );
    assert.equal(
      code(() => validateWebhookHeaders([{ key: 'webhook-signature', value: 'x' }])),
      'VALIDATION_FAILED',
    );
    assert.equal(
      code(() => validateWebhookHeaders([{ key: 'Host', value: 'x' }])),
      'VALIDATION_FAILED',
    );
    assert.equal(
      code(() => validateWebhookHeaders([{ key: 'X-A', value: 'a\r\nInjected: 1' }])),
      'VALIDATION_FAILED',
    );
    assert.equal(
      code(() => validateWebhookHeaders([{ key: 'bad name', value: 'x' }])),
      'VALIDATION_FAILED',
    );
    assert.equal(
      code(() => parseWebhookUrl('ftp://127.0.0.1/x')),
      'VALIDATION_FAILED',
    );
    assert.equal(
      code(() => parseWebhookUrl('http://user:pw@127.0.0.1/x')),
      'VALIDATION_FAILED',
    );
    assert.equal(
      code(() => parseWebhookUrl('not a url')),
      'VALIDATION_FAILED',
    );
    assert.equal(parseWebhookUrl('http://[::1]:8080/x').host, '::1');
    assert.ok(new VigilError('VALIDATION_FAILED'));
  });
});
