import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { VigilError } from '../../../src/core/errors.js';
import { createTargetPolicy, type HostResolver, parseTarget } from '../../../src/core/net/target-policy.js';

const LOOPBACK_ONLY = { allow: ['127.0.0.0/8', '::1'], deny: [] };

function fixedResolver(table: Record<string, string[]>): HostResolver {
  return async (host) => {
    const hit = table[host];
    if (!hit) throw Object.assign(new Error(`not found ${host}`), { code: 'ENOTFOUND' });
    return hit;
  };
}

function assertCode(fn: () => unknown, code: string): void {
  assert.throws(fn, (err: unknown) => err instanceof VigilError && err.code === code);
}

describe('parseTarget', () => {
  it('accepts IPv4, IPv6 (bracketed too) and host names, normalizing them', () => {
    assert.deepEqual(parseTarget('203.0.113.1'), { kind: 'ip', value: '203.0.113.1', family: 4 });
    assert.deepEqual(parseTarget('[2001:DB8:0:0::1]'), { kind: 'ip', value: '2001:db8::1', family: 6 });
    assert.deepEqual(parseTarget('Example.COM.'), { kind: 'hostname', value: 'example.com' });
    assert.deepEqual(parseTarget('bücher.example'), { kind: 'hostname', value: 'xn--bcher-kva.example' });
    assert.deepEqual(parseTarget('localhost'), { kind: 'hostname', value: 'localhost' });
  });

  it('unwraps IPv4-mapped IPv6 so it is judged as the IPv4 address it reaches', () => {
    assert.deepEqual(parseTarget('::ffff:10.0.0.1'), { kind: 'ip', value: '10.0.0.1', family: 4 });
  });

  it('rejects malformed targets with INVALID_TARGET', () => {
    for (const bad of [
      '',
      '   ',
      '127.1',
      '0x7f.0.0.1',
      '1.2.3',
      '256.1.1.1',
      'http://example.com',
      'example.com:443',
      'exa mple.com',
      '-bad.example',
      'bad-.example',
      'fe80::1%eth0',
      'under_score.example',
      'single',
      `${'a'.repeat(64)}.example`,
      `${'a.'.repeat(127)}com`,
    ]) {
      assertCode(() => parseTarget(bad), 'INVALID_TARGET');
    }
  });
});

describe('TargetPolicy.evaluate (default policy)', () => {
  const policy = createTargetPolicy({ allow: [], deny: [] });

  it('denies every non-public range', () => {
    const cases: Array<[string, string]> = [
      ['10.1.2.3', 'private'],
      ['172.16.0.1', 'private'],
      ['192.168.1.1', 'private'],
      ['127.0.0.1', 'loopback'],
      ['127.255.255.254', 'loopback'],
      ['0.0.0.0', 'this-network'],
      ['169.254.169.254', 'cloud-metadata'],
      ['169.254.1.1', 'link-local'],
      ['100.64.0.1', 'carrier-grade-nat'],
      ['224.0.0.1', 'multicast'],
      ['240.0.0.1', 'reserved'],
      ['255.255.255.255', 'broadcast'],
      ['198.18.0.1', 'benchmarking'],
      ['192.0.2.10', 'documentation'],
      ['::1', 'loopback'],
      ['::', 'unspecified'],
      ['fd12:3456::1', 'unique-local'],
      ['fe80::1', 'link-local'],
      ['ff02::1', 'multicast'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:169.254.169.254', 'cloud-metadata'],
      ['64:ff9b::a00:1', 'nat64'],
      ['2002:a00:1::1', '6to4'],
      ['2001:db8::1', 'documentation'],
      ['fd00:ec2::254', 'cloud-metadata'],
    ];
    for (const [address, name] of cases) {
      const verdict = policy.evaluate(address);
      assert.equal(verdict.allowed, false, `${address} must be denied`);
      assert.equal(verdict.rule, 'non-public', address);
      assert.equal(verdict.rangeName, name, address);
    }
  });

  it('allows public unicast addresses', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001::1']) {
      const verdict = policy.evaluate(address);
      assert.equal(verdict.allowed, true, address);
      assert.equal(verdict.rule, 'public');
    }
  });

  it('throws TARGET_DENIED with details from checkAddress', () => {
    assert.throws(
      () => policy.checkAddress('169.254.169.254'),
      (err: unknown) =>
        err instanceof VigilError &&
        err.code === 'TARGET_DENIED' &&
        err.details?.address === '169.254.169.254' &&
        err.details?.range === 'cloud-metadata',
    );
  });
});

describe('TargetPolicy with config', () => {
  it('allow opens a non-public range; deny wins over allow and over public', () => {
    const policy = createTargetPolicy({
      allow: ['127.0.0.0/8', '::1', '10.0.0.0/8'],
      deny: ['10.9.0.0/16', '8.8.8.8'],
    });
    assert.equal(policy.evaluate('127.0.0.5').rule, 'config-allow');
    assert.equal(policy.evaluate('::1').allowed, true);
    assert.equal(policy.evaluate('::ffff:127.0.0.1').allowed, true);
    assert.equal(policy.evaluate('10.1.1.1').allowed, true);
    assert.equal(policy.evaluate('10.9.1.1').rule, 'config-deny');
    assert.equal(policy.evaluate('8.8.8.8').rule, 'config-deny');
    // Allowing loopback does not open 0.0.0.0, which also reaches the local host.
    assert.equal(policy.evaluate('0.0.0.0').allowed, false);
    assert.equal(policy.evaluate('169.254.169.254').allowed, false);
  });

  it('rejects a bad CIDR in config with CONFIG_INVALID', () => {
    assertCode(() => createTargetPolicy({ allow: ['127.0.0.0/33'], deny: [] }), 'CONFIG_INVALID');
    assertCode(() => createTargetPolicy({ allow: [], deny: ['nope'] }), 'CONFIG_INVALID');
  });
});

describe('TargetPolicy.resolveAndCheck', () => {
  it('checks every A and AAAA address of a host name', async () => {
    const policy = createTargetPolicy(LOOPBACK_ONLY, {
      resolver: fixedResolver({ 'svc.test.example': ['127.0.0.1', '::1', '127.0.0.1'] }),
    });
    const resolved = await policy.resolveAndCheck('SVC.test.example');
    assert.equal(resolved.target, 'svc.test.example');
    assert.deepEqual(resolved.addresses, [
      { address: '127.0.0.1', family: 4 },
      { address: '::1', family: 6 },
    ]);
  });

  it('denies the whole name when any address is denied (rebinding-style mixed answers)', async () => {
    const policy = createTargetPolicy(LOOPBACK_ONLY, {
      resolver: fixedResolver({ 'mixed.test.example': ['127.0.0.1', '10.0.0.8'] }),
    });
    await assert.rejects(
      policy.resolveAndCheck('mixed.test.example'),
      (err: unknown) =>
        err instanceof VigilError && err.code === 'TARGET_DENIED' && err.details?.address === '10.0.0.8',
    );
  });

  it('reports unresolvable names as INVALID_TARGET and resolver outages as UPSTREAM_UNAVAILABLE', async () => {
    const policy = createTargetPolicy(LOOPBACK_ONLY, {
      resolver: async (host) => {
        if (host === 'down.test.example') throw Object.assign(new Error('timeout'), { code: 'ETIMEOUT' });
        throw Object.assign(new Error('nx'), { code: 'ENOTFOUND' });
      },
    });
    await assert.rejects(
      policy.resolveAndCheck('nx.test.example'),
      (e: unknown) => (e as VigilError).code === 'INVALID_TARGET',
    );
    await assert.rejects(
      policy.resolveAndCheck('down.test.example'),
      (e: unknown) => (e as VigilError).code === 'UPSTREAM_UNAVAILABLE',
    );
  });

  it('denies IP literals outside the policy without resolving', async () => {
    let calls = 0;
    const policy = createTargetPolicy(LOOPBACK_ONLY, {
      resolver: async () => {
        calls++;
        return [];
      },
    });
    await assert.rejects(
      policy.resolveAndCheck('192.168.0.1'),
      (e: unknown) => (e as VigilError).code === 'TARGET_DENIED',
    );
    assert.equal(calls, 0);
  });
});

describe('connect-time checks', () => {
  let server: net.Server;
  let port = 0;
  before(async () => {
    server = net.createServer((socket) => socket.end('hello\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('connect() reaches an allowed loopback service', async () => {
    const policy = createTargetPolicy(LOOPBACK_ONLY);
    const socket = await policy.connect('127.0.0.1', port, { timeoutMs: 2000 });
    const data = await new Promise<string>((resolve) => socket.once('data', (d) => resolve(d.toString())));
    socket.destroy();
    assert.equal(data, 'hello\n');
  });

  it('connect() refuses a denied address before sending anything', async () => {
    let accepted = 0;
    server.on('connection', () => accepted++);
    const policy = createTargetPolicy({ allow: [], deny: [] });
    await assert.rejects(
      policy.connect('127.0.0.1', port),
      (e: unknown) => (e as VigilError).code === 'TARGET_DENIED',
    );
    await assert.rejects(
      policy.connect('localhost', port),
      (e: unknown) => (e as VigilError).code === 'INVALID_TARGET',
    );
    assert.equal(accepted, 0);
  });

  it('lookup re-resolves at connect time, so a name that rebinds to a denied address fails', async () => {
    // First answer is allowed, the second (at connect time) points to a denied address.
    const answers = [['127.0.0.1'], ['127.0.0.1', '169.254.169.254']];
    let n = 0;
    const policy = createTargetPolicy(LOOPBACK_ONLY, {
      resolver: async () => answers[Math.min(n++, 1)] ?? [],
    });
    const first = await policy.resolveAndCheck('rebind.test.example');
    assert.equal(first.addresses[0]?.address, '127.0.0.1');
    const err = await new Promise<Error>((resolve) => {
      const socket = net.connect({ host: 'rebind.test.example', port, lookup: policy.lookup });
      socket.once('connect', () => resolve(new Error('connected')));
      socket.once('error', resolve);
    });
    assert.ok(err instanceof VigilError, `expected policy error, got ${err.message}`);
    assert.equal(err.code, 'TARGET_DENIED');
  });

  it('lookup lets an allowed name connect', async () => {
    const policy = createTargetPolicy(LOOPBACK_ONLY, {
      resolver: fixedResolver({ 'ok.test.example': ['127.0.0.1'] }),
    });
    const data = await new Promise<string>((resolve, reject) => {
      const socket = net.connect({ host: 'ok.test.example', port, lookup: policy.lookup });
      socket.once('data', (d) => {
        socket.destroy();
        resolve(d.toString());
      });
      socket.once('error', reject);
    });
    assert.equal(data, 'hello\n');
  });
});
