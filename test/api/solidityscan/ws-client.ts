import WebSocket from 'ws';

export interface ServerEvent {
  type: string;
  request_uuid: string;
  payload: Record<string, unknown>;
  event_timestamp: string;
}

/** A `ws` client that records every event and lets tests await the next matching one. */
export class TestClient {
  readonly events: ServerEvent[] = [];
  readonly raw: string[] = [];
  private waiters: {
    match: (e: ServerEvent) => boolean;
    resolve: (e: ServerEvent) => void;
    reject: (err: Error) => void;
  }[] = [];
  private cursor = 0;

  private constructor(readonly ws: WebSocket) {
    // A closed socket fails every pending wait at once, with the reason, instead of a silent timeout.
    ws.on('close', (code, reason) => {
      const err = new Error(`socket closed (${code} ${reason.toString()}) while waiting`);
      for (const w of this.waiters) w.reject(err);
      this.waiters = [];
    });
    ws.on('message', (data) => {
      const text = data.toString();
      this.raw.push(text);
      const event = JSON.parse(text) as ServerEvent;
      this.events.push(event);
      this.waiters = this.waiters.filter((w) => {
        if (w.match(event)) {
          w.resolve(event);
          return false;
        }
        return true;
      });
    });
  }

  static async connect(url: string, options: WebSocket.ClientOptions = {}): Promise<TestClient> {
    const ws = new WebSocket(url, options);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new TestClient(ws);
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  sendMessage(type: string, body: Record<string, unknown>): void {
    this.send({ action: 'message', payload: { type, body } });
  }

  /** The next event (after those already consumed by `next`) that matches. */
  next(
    match: (e: ServerEvent) => boolean = () => true,
    timeoutMs = 30_000,
    fromStart = false,
  ): Promise<ServerEvent> {
    for (let i = fromStart ? 0 : this.cursor; i < this.events.length; i++) {
      const e = this.events[i] as ServerEvent;
      if (match(e)) {
        this.cursor = Math.max(this.cursor, i + 1);
        return Promise.resolve(e);
      }
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no matching event within ${timeoutMs} ms; got ${JSON.stringify(this.events.map(describeEvent))}`,
            ),
          ),
        timeoutMs,
      );
      this.waiters.push({
        match,
        resolve: (e) => {
          clearTimeout(timer);
          this.cursor = Math.max(this.cursor, this.events.indexOf(e) + 1);
          resolve(e);
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      });
    });
  }

  /**
   * Waits for the final event of a scan: scan_done, a failed status, or an error. Searches every event
   * received so far: with concurrent scans one may finish before another's acknowledge was consumed.
   */
  async final(uuid: string, timeoutMs = 60_000): Promise<ServerEvent> {
    return this.next(
      (e) =>
        e.request_uuid === uuid &&
        (e.type === 'error' ||
          (e.type === 'quick_scan_status' &&
            ['scan_done', 'scan_failed', 'download_failed'].includes(String(e.payload.scan_status)))),
      timeoutMs,
      true,
    );
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.ws.readyState === WebSocket.CLOSED) return resolve();
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}

/** `type:uuid-prefix:status:progress:step`, for failure messages. */
function describeEvent(e: ServerEvent): string {
  const p = e.payload;
  return [e.type, e.request_uuid.slice(0, 6), p.scan_status ?? '', p.progress ?? '', p.step ?? ''].join(':');
}
