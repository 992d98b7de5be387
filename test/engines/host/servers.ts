import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

/** Real loopback services for host-scan tests. Every server listens on 127.0.0.1 with an ephemeral port. */
export interface Running {
  port: number;
  close(): Promise<void>;
}

function listen(server: net.Server, host = '127.0.0.1'): Promise<Running> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // TLS servers emit 'secureConnection'; plain sockets are tracked via 'connection' above.
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

const PAGE = '<!doctype html><html><head><title>Vigil Test Page</title></head><body>ok</body></html>';

function handler(server: string) {
  return (_req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(200, { server, 'content-type': 'text/html' });
    res.end(PAGE);
  };
}

export function startHttp(serverHeader = 'VigilTestHTTP/1.4.2'): Promise<Running> {
  return listen(http.createServer(handler(serverHeader)));
}

export function startHttps(
  cert: { certPem: string; keyPem: string },
  options: { chainPem?: string[]; legacy?: boolean; serverHeader?: string } = {},
): Promise<Running> {
  return listen(
    https.createServer(
      {
        cert: [cert.certPem, ...(options.chainPem ?? [])].join(''),
        key: cert.keyPem,
        // SECLEVEL=0 lets the server use weak test keys / SHA-1 and, when asked, TLS 1.0.
        ciphers: 'DEFAULT:@SECLEVEL=0',
        ...(options.legacy ? { minVersion: 'TLSv1' as const } : { minVersion: 'TLSv1.2' as const }),
      },
      handler(options.serverHeader ?? 'nginx/1.25.3'),
    ),
  );
}

/** A TCP server that greets every connection with `banner` and then ignores input. */
export function startBanner(banner: string): Promise<Running> {
  return listen(
    net.createServer((socket) => {
      socket.on('error', () => {});
      socket.write(banner);
    }),
  );
}

/** TLS server that sends a protocol greeting after the handshake (e.g. IMAPS). */
export function startTlsBanner(cert: { certPem: string; keyPem: string }, banner: string): Promise<Running> {
  return listen(
    tls.createServer({ cert: cert.certPem, key: cert.keyPem, ciphers: 'DEFAULT:@SECLEVEL=0' }, (socket) => {
      socket.on('error', () => {});
      socket.write(banner);
    }),
  );
}

/** A port that was just free: nothing listens on it. */
export async function closedPort(): Promise<number> {
  const r = await listen(net.createServer());
  await r.close();
  return r.port;
}

export function reachable(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const t = setTimeout(() => {
      s.destroy();
      resolve(false);
    }, timeoutMs);
    s.once('connect', () => {
      clearTimeout(t);
      s.destroy();
      resolve(true);
    });
    s.once('error', () => {
      clearTimeout(t);
      resolve(false);
    });
  });
}
