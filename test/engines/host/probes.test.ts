import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { orderProbes } from '../../../src/engines/host/probes/detect-service.js';
import { fillTemplate, matchResponse, printableBanner } from '../../../src/engines/host/probes/match.js';
import { loadProbeDb, parseProbeDb } from '../../../src/engines/host/probes/probe-db.js';

const db = loadProbeDb();
const probe = (id: string) => {
  const p = db.byId.get(id);
  assert.ok(p, id);
  return p;
};
const bin = (hex: string) => Buffer.from(hex.replaceAll(' ', ''), 'hex');

/** Recorded replies of real software, one per service the probe database must name. */
const FIXTURES: Array<{ probe: string; reply: Buffer; service: string; product?: string; version?: string }> =
  [
    {
      probe: 'null',
      reply: Buffer.from('SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n'),
      service: 'ssh',
      product: 'OpenSSH',
      version: '9.2p1',
    },
    {
      probe: 'null',
      reply: Buffer.from('SSH-2.0-dropbear_2022.83\r\n'),
      service: 'ssh',
      product: 'Dropbear sshd',
      version: '2022.83',
    },
    {
      probe: 'null',
      reply: Buffer.from('220 (vsFTPd 3.0.3)\r\n'),
      service: 'ftp',
      product: 'vsftpd',
      version: '3.0.3',
    },
    {
      probe: 'null',
      reply: Buffer.from('220 ProFTPD 1.3.8 Server (Debian) [::ffff:10.0.0.1]\r\n'),
      service: 'ftp',
      product: 'ProFTPD',
      version: '1.3.8',
    },
    {
      probe: 'null',
      reply: Buffer.from('220 mx.example.org ESMTP Postfix (Debian/GNU)\r\n'),
      service: 'smtp',
      product: 'Postfix smtpd',
    },
    {
      probe: 'null',
      reply: Buffer.from('220 mx.example.org ESMTP Exim 4.96 Mon, 01 Jan 2024 00:00:00 +0000\r\n'),
      service: 'smtp',
      product: 'Exim smtpd',
      version: '4.96',
    },
    {
      probe: 'null',
      reply: Buffer.from('+OK Dovecot (Debian) ready.\r\n'),
      service: 'pop3',
      product: 'Dovecot pop3d',
    },
    {
      probe: 'null',
      reply: Buffer.from(
        '* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS AUTH=PLAIN] Dovecot (Debian) ready.\r\n',
      ),
      service: 'imap',
      product: 'Dovecot imapd',
    },
    {
      probe: 'null',
      reply: bin('5b0000000a382e302e3336000a000000'),
      service: 'mysql',
      product: 'MySQL',
      version: '8.0.36',
    },
    {
      probe: 'null',
      reply: Buffer.concat([bin('640000000a'), Buffer.from('5.5.5-10.11.6-MariaDB-0+deb12u1\0')]),
      service: 'mysql',
      product: 'MariaDB',
      version: '10.11.6',
    },
    { probe: 'null', reply: Buffer.from('RFB 003.008\n'), service: 'vnc', product: 'VNC' },
    {
      probe: 'null',
      reply: Buffer.from('INFO {"server_id":"X","server_name":"X","version":"2.10.7","proto":1}\r\n'),
      service: 'nats',
      product: 'NATS server',
      version: '2.10.7',
    },
    {
      probe: 'http-get',
      reply: Buffer.from(
        'HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nContent-Type: text/html\r\n\r\n<html><title>Welcome to nginx!</title>',
      ),
      service: 'http',
      product: 'nginx',
      version: '1.22.1',
    },
    {
      probe: 'http-get',
      reply: Buffer.from('HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 Python/3.11.2\r\n\r\n'),
      service: 'http',
      product: 'SimpleHTTPServer',
      version: '0.6',
    },
    {
      probe: 'http-get',
      reply: Buffer.from('HTTP/1.1 404 Not Found\r\nDate: x\r\nServer: Apache/2.4.57 (Debian)\r\n\r\n'),
      service: 'http',
      product: 'Apache httpd',
      version: '2.4.57',
    },
    {
      probe: 'http-get',
      reply: Buffer.from('HTTP/1.1 200 OK\r\nServer: Microsoft-IIS/10.0\r\n\r\n'),
      service: 'http',
      product: 'Microsoft IIS httpd',
      version: '10.0',
    },
    {
      probe: 'http-get',
      reply: Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'),
      service: 'http',
    },
    {
      probe: 'redis',
      reply: Buffer.from(
        '+PONG\r\n$100\r\n# Server\r\nredis_version:7.2.4\r\nredis_git_sha1:0\r\nredis_mode:standalone\r\n',
      ),
      service: 'redis',
      product: 'Redis key-value store',
      version: '7.2.4',
    },
    {
      probe: 'redis',
      reply: Buffer.from('-NOAUTH Authentication required.\r\n-NOAUTH Authentication required.\r\n'),
      service: 'redis',
      product: 'Redis key-value store',
    },
    {
      probe: 'postgresql-startup',
      reply: Buffer.concat([
        Buffer.from('E'),
        bin('00000061'),
        Buffer.from('SFATAL\0VFATAL\0C28000\0Mrole "vigil" does not exist\0\0'),
      ]),
      service: 'postgresql',
      product: 'PostgreSQL DB',
    },
    {
      probe: 'postgresql-startup',
      reply: Buffer.concat([Buffer.from('R'), bin('0000000c00000005 01020304')]),
      service: 'postgresql',
      product: 'PostgreSQL DB',
    },
    {
      probe: 'mongodb-buildinfo',
      reply: Buffer.concat([
        bin('00000000 00000000 00000000 dd070000 00000000 00'),
        bin('02'),
        Buffer.from('version\0'),
        bin('06000000'),
        Buffer.from('7.0.5\0'),
      ]),
      service: 'mongodb',
      product: 'MongoDB',
      version: '7.0.5',
    },
    {
      probe: 'memcached-version',
      reply: Buffer.from('VERSION 1.6.21\r\n'),
      service: 'memcached',
      product: 'Memcached',
      version: '1.6.21',
    },
    {
      probe: 'amqp-header',
      reply: Buffer.concat([
        bin('0100000000'),
        Buffer.from('xx'),
        bin('07'),
        Buffer.from('productS'),
        bin('00000008'),
        Buffer.from('RabbitMQ'),
        bin('07'),
        Buffer.from('versionS'),
        bin('00000006'),
        Buffer.from('3.12.1'),
      ]),
      service: 'amqp',
      product: 'RabbitMQ',
      version: '3.12.1',
    },
    { probe: 'mqtt-connect', reply: bin('20020000'), service: 'mqtt' },
    {
      probe: 'mqtt-connect',
      reply: Buffer.concat([
        bin('20020000 9003000100 3020 0013'),
        Buffer.from('$SYS/broker/versionmosquitto version 2.0.18'),
      ]),
      service: 'mqtt',
      product: 'Mosquitto MQTT broker',
      version: '2.0.18',
    },
    {
      probe: 'dns-version-bind',
      reply: Buffer.concat([
        bin('0040 5647 8500 0001 0001 0000 0000'),
        Buffer.from('\x07version\x04bind\0', 'latin1'),
        bin('00100003 c00c 00100003 00000000 000c 0b'),
        Buffer.from('9.18.24-1'),
      ]),
      service: 'domain',
      product: 'ISC BIND',
      version: '9.18.24-1',
    },
    {
      probe: 'epmd-names',
      reply: Buffer.concat([bin('00001111'), Buffer.from('name rabbit at port 25672\n')]),
      service: 'epmd',
    },
    { probe: 'tls-client-hello', reply: bin('160303007a020000760303'), service: 'ssl' },
    { probe: 'tls-client-hello', reply: bin('15030300020246'), service: 'ssl' },
  ];

describe('probe database', () => {
  it('loads with a NULL probe, unique ids and compiled patterns', () => {
    assert.ok(db.probes.some((p) => p.isNull));
    assert.equal(new Set(db.probes.map((p) => p.id)).size, db.probes.length);
    for (const id of [
      'null',
      'http-get',
      'tls-client-hello',
      'redis',
      'postgresql-startup',
      'mongodb-buildinfo',
      'memcached-version',
      'amqp-header',
      'mqtt-connect',
      'dns-version-bind',
      'smtp-ehlo',
    ]) {
      probe(id);
    }
  });

  it('rejects broken data', () => {
    assert.throws(() => parseProbeDb({ version: 1, probes: [] }));
    assert.throws(() =>
      parseProbeDb({
        version: 1,
        probes: [
          {
            id: 'x',
            description: 'd',
            payload: 'a',
            ports: [],
            rarity: 1,
            matches: [{ service: 'x', pattern: '(' }],
          },
        ],
      }),
    );
    assert.throws(
      () =>
        parseProbeDb({
          version: 1,
          probes: [
            {
              id: 'x',
              description: 'd',
              payload: 'a',
              ports: [],
              rarity: 1,
              matches: [{ service: 'x', pattern: 'a' }],
            },
          ],
        }),
      /NULL probe/,
    );
  });

  for (const f of FIXTURES) {
    it(`names ${f.service}${f.product ? ` (${f.product})` : ''} from a ${f.probe} reply`, () => {
      const m = matchResponse(db, probe(f.probe), f.reply);
      assert.ok(m, 'must match');
      assert.equal(m.service, f.service);
      if (f.product) assert.equal(m.product, f.product);
      if (f.version) assert.equal(m.version, f.version);
    });
  }

  it('uses other probes’ patterns as fallback (Redis answering an HTTP request)', () => {
    const m = matchResponse(
      db,
      probe('generic-lines'),
      Buffer.from("-ERR unknown command '', with args beginning with: \r\n"),
    );
    assert.equal(m?.service, 'redis');
    const greeting = matchResponse(
      db,
      probe('http-get'),
      Buffer.from('SSH-2.0-OpenSSH_8.9p1 Ubuntu-3\r\nInvalid SSH identification string.\r\n'),
    );
    assert.equal(greeting?.product, 'OpenSSH');
  });

  it('extracts HTTP server header and title', () => {
    const m = matchResponse(
      db,
      probe('http-get'),
      Buffer.from('HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\n\r\n<html><head><title> My  Site </title>'),
    );
    assert.equal(m?.extra.server, 'nginx/1.22.1');
    assert.equal(m?.extra.title, 'My Site');
    assert.equal(m?.extra.status, '200');
  });

  it('returns nothing for silence and for unknown bytes', () => {
    assert.equal(matchResponse(db, probe('null'), Buffer.alloc(0)), undefined);
    assert.equal(matchResponse(db, probe('null'), Buffer.from('XYZZY-PROTO 7 ready\r\n')), undefined);
  });

  it('orders probes by likelihood for the port', () => {
    assert.equal(orderProbes(db, 6379, 6, false)[0]?.id, 'redis');
    assert.equal(orderProbes(db, 5432, 6, false)[0]?.id, 'postgresql-startup');
    assert.equal(orderProbes(db, 443, 6, false)[0]?.id, 'tls-client-hello');
    const unknownPort = orderProbes(db, 40000, 6, false).map((p) => p.id);
    assert.deepEqual(unknownPort.slice(0, 2), ['tls-client-hello', 'http-get']);
    assert.ok(!unknownPort.includes('postgresql-sslrequest'), 'rare probes only where their port is');
    assert.ok(!orderProbes(db, 443, 6, true).some((p) => p.tls), 'no TLS probe inside TLS');
  });

  it('fills templates and drops parts with empty captures; renders banners printable', () => {
    assert.equal(fillTemplate('protocol $1; $3', ['', '2.0', 'x', '']), 'protocol 2.0');
    assert.equal(fillTemplate('$2', ['', 'a']), undefined);
    assert.equal(printableBanner(Buffer.from('a\r\n\x00\\')), 'a\\r\\n\\x00\\\\');
  });
});
