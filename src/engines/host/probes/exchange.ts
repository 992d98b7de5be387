import type { Duplex } from 'node:stream';

export interface ExchangeTiming {
  /** Longest wait for the first byte after sending (or after connecting, for the NULL probe). */
  waitMs: number;
  /** After the first byte, stop once the peer has been quiet this long. */
  idleMs: number;
  maxBytes: number;
}

export interface ExchangeResult {
  data: Buffer;
  /** The peer closed or reset the connection. */
  closed: boolean;
  /** Milliseconds from send to first byte, when any arrived. */
  firstByteMs?: number;
}

/**
 * Writes `payload` (nothing for a NULL probe) and collects the reply: until
 * the wait runs out with nothing received, the peer goes quiet after
 * answering, closes, or sends `maxBytes`. Always destroys the socket.
 */
export function exchange(
  socket: Duplex,
  payload: Buffer | undefined,
  timing: ExchangeTiming,
  signal?: AbortSignal,
): Promise<ExchangeResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let closed = false;
    let firstByteMs: number | undefined;
    const started = performance.now();
    let timer: NodeJS.Timeout = setTimeout(() => finish(), timing.waitMs);
    let finished = false;
    function finish() {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', finish);
      socket.removeAllListeners('data');
      socket.destroy();
      const data = Buffer.concat(chunks, size).subarray(0, timing.maxBytes);
      resolve(firstByteMs === undefined ? { data, closed } : { data, closed, firstByteMs });
    }
    socket.on('data', (chunk: Buffer) => {
      if (firstByteMs === undefined) firstByteMs = performance.now() - started;
      chunks.push(chunk);
      size += chunk.length;
      if (size >= timing.maxBytes) return finish();
      clearTimeout(timer);
      timer = setTimeout(() => finish(), timing.idleMs);
    });
    socket.once('end', () => {
      closed = true;
      finish();
    });
    socket.once('close', () => {
      closed = true;
      finish();
    });
    socket.once('error', () => {
      closed = true;
      finish();
    });
    if (signal?.aborted) return finish();
    signal?.addEventListener('abort', finish, { once: true });
    if (payload && payload.length > 0) socket.write(payload);
  });
}
