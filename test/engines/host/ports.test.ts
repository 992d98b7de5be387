import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VigilError } from '../../../src/core/errors.js';
import { parsePortSpec } from '../../../src/engines/host/ports/port-spec.js';
import { parseTopPorts, topPorts, wellKnownName } from '../../../src/engines/host/ports/top-ports.js';

describe('top-ports data file', () => {
  it('holds 1000 distinct ports, most likely first', () => {
    const list = topPorts();
    assert.equal(list.length, 1000);
    assert.equal(new Set(list.map((p) => p.port)).size, 1000);
    assert.deepEqual(
      list.slice(0, 3).map((p) => p.port),
      [80, 443, 22],
    );
    assert.equal(wellKnownName(6379), 'redis');
    assert.equal(wellKnownName(65000), undefined);
  });

  it('rejects malformed and duplicate lines', () => {
    assert.throws(() => parseTopPorts('80 http\n80 again\n'), /duplicate/);
    assert.throws(() => parseTopPorts('70000 big\n'), /malformed/);
    assert.throws(() => parseTopPorts('http 80\n'), /malformed/);
  });
});

describe('parsePortSpec', () => {
  it('expands top-N in frequency order', () => {
    const top100 = parsePortSpec('top-100');
    assert.equal(top100.length, 100);
    assert.deepEqual(top100.slice(0, 3), [80, 443, 22]);
    assert.equal(parsePortSpec('top-1000').length, 1000);
    assert.equal(parsePortSpec(undefined).length, 1000);
  });

  it('expands ranges, lists, all, and keeps the given order without duplicates', () => {
    assert.deepEqual(parsePortSpec('22,80,8000-8002,80'), [22, 80, 8000, 8001, 8002]);
    assert.equal(parsePortSpec('all').length, 65535);
    assert.equal(parsePortSpec('-').length, 65535);
    assert.deepEqual(parsePortSpec('65534-'), [65534, 65535]);
    assert.deepEqual(parsePortSpec('-3'), [1, 2, 3]);
    assert.deepEqual(parsePortSpec(443), [443]);
    const mixed = parsePortSpec('top-10,1-5');
    assert.equal(mixed[0], 80);
    assert.equal(mixed.length, 15);
  });

  it('rejects bad specs with VALIDATION_FAILED', () => {
    for (const bad of ['', '0', '65536', '10-5', 'top-0', 'top-5000', 'http', '22,,80', '1.5']) {
      assert.throws(
        () => parsePortSpec(bad),
        (e: unknown) => e instanceof VigilError && e.code === 'VALIDATION_FAILED',
        bad,
      );
    }
  });
});
