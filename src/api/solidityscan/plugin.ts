import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import type { Face, FaceOptions } from '../faces.js';
import { ScanSession } from './session.js';

export interface SolidityScanFaceOptions {
  /** Upgrade paths served (the vendor's clients connect to the host root). */
  paths?: readonly string[];
  /** Server pings this often; a client silent for two and a half intervals is dropped. */
  heartbeatMs?: number;
  progressIntervalMs?: number;
  maxActiveScansPerConnection?: number;
  /** Largest accepted frame. */
  maxPayloadBytes?: number;
}

const DEFAULTS = {
  paths: ['/', '/ws'],
  heartbeatMs: 30_000,
  progressIntervalMs: 5_000,
  maxActiveScansPerConnection: 32,
  maxPayloadBytes: 64 * 1024,
} satisfies Required<SolidityScanFaceOptions>;

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/**
 * SolidityScan-compatible "Private ThreatScan" WebSocket API on the server's
 * own port (`ws://host:port/` and `/ws`; `wss://` when the server has TLS).
 * Uses `ws` in noServer mode on the HTTP server's upgrade event.
 */
export function createSolidityScanPlugin(
  options: SolidityScanFaceOptions = {},
): FastifyPluginAsync<FaceOptions> {
  const settings = { ...DEFAULTS, ...options };
  const paths = new Set(settings.paths);

  return async (app, { runtime }) => {
    const log = runtime.logger.child({ face: 'solidityscan' });
    const wss = new WebSocketServer({ noServer: true, maxPayload: settings.maxPayloadBytes });
    /** When each client last showed life (pong or message). */
    const lastSeen = new WeakMap<WebSocket, number>();
    const seen = (ws: WebSocket) => lastSeen.set(ws, Date.now());

    const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
      const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (!paths.has(pathname)) {
        // Another face may own this path; answer only when nobody else listens.
        if (app.server.listenerCount('upgrade') === 1) {
          socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        }
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    };

    wss.on('connection', (ws: WebSocket) => {
      seen(ws);
      const session = new ScanSession({
        runtime,
        log,
        progressIntervalMs: settings.progressIntervalMs,
        maxActiveScans: settings.maxActiveScansPerConnection,
        send: (event) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(event));
        },
      });
      ws.on('pong', () => seen(ws));
      ws.on('message', (data) => {
        seen(ws);
        void session.handle(rawText(data));
      });
      ws.on('error', (err) => log.debug({ err }, 'websocket error'));
      ws.on('close', () => session.close());
    });

    // A client is dropped after missing two pings in a row. Pongs are read by this process's own event loop,
    // so a tick that runs late (the loop was busy analysing) only pings: the silence may be ours, not the client's.
    let lastTick = Date.now();
    const heartbeat = setInterval(() => {
      const now = Date.now();
      const serverWasBusy = now - lastTick > settings.heartbeatMs * 1.5;
      lastTick = now;
      for (const ws of wss.clients) {
        if (!serverWasBusy && now - (lastSeen.get(ws) ?? now) > settings.heartbeatMs * 2.5) {
          ws.terminate();
          continue;
        }
        ws.ping();
      }
    }, settings.heartbeatMs);
    heartbeat.unref();

    app.server.on('upgrade', onUpgrade);
    app.addHook('preClose', async () => {
      clearInterval(heartbeat);
      app.server.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.close(1001, 'server shutting down');
      // Clients that do not answer the close handshake promptly are cut.
      await new Promise((r) => setTimeout(r, 50).unref());
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    });
  };
}

export function createSolidityScanFace(options: SolidityScanFaceOptions = {}): Face {
  return { name: 'solidityscan', plugin: createSolidityScanPlugin(options) };
}
