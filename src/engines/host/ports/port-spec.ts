import { VigilError } from '../../../core/errors.js';
import { topPorts } from './top-ports.js';

export const DEFAULT_PORT_SPEC = 'top-1000';
const MAX_SPEC_LENGTH = 4096;

function bad(spec: string, why: string): VigilError {
  return new VigilError('VALIDATION_FAILED', `Invalid ports "${spec}": ${why}`, {
    details: { field: 'ports', reason: why },
  });
}

function parsePort(text: string, spec: string): number {
  if (!/^\d{1,5}$/.test(text)) throw bad(spec, `"${text}" is not a port number`);
  const port = Number(text);
  if (port < 1 || port > 65535) throw bad(spec, `${port} is outside 1-65535`);
  return port;
}

/**
 * Expands a port specification into an ordered, duplicate-free list:
 * `top-100`, `top-1000`, `top-<n>` (frequency order), `all` / `-` (1-65535),
 * or comma-separated ports and ranges (`22,80,8000-8100`). Parts keep the order
 * given, so `top-100,9000-9100` scans the likely ports first.
 */
export function parsePortSpec(spec: string | number | undefined): number[] {
  const text = (spec === undefined ? DEFAULT_PORT_SPEC : String(spec)).trim().toLowerCase();
  if (text === '') throw bad(String(spec), 'empty');
  if (text.length > MAX_SPEC_LENGTH) throw bad(text.slice(0, 40), 'too long');
  const seen = new Set<number>();
  const out: number[] = [];
  const add = (port: number) => {
    if (!seen.has(port)) {
      seen.add(port);
      out.push(port);
    }
  };
  for (const part of text.split(',').map((p) => p.trim())) {
    if (part === '') throw bad(text, 'empty item');
    if (part === 'all' || part === '-') {
      for (let p = 1; p <= 65535; p++) add(p);
      continue;
    }
    const top = /^top-(\d+)$/.exec(part);
    if (top) {
      const n = Number(top[1]);
      const known = topPorts();
      if (n < 1 || n > known.length) throw bad(text, `top-N needs 1 <= N <= ${known.length}`);
      for (const { port } of known.slice(0, n)) add(port);
      continue;
    }
    const range = /^(\d*)-(\d*)$/.exec(part);
    if (range) {
      const from = range[1] === '' ? 1 : parsePort(range[1] as string, text);
      const to = range[2] === '' ? 65535 : parsePort(range[2] as string, text);
      if (from > to) throw bad(text, `range ${part} runs backwards`);
      for (let p = from; p <= to; p++) add(p);
      continue;
    }
    add(parsePort(part, text));
  }
  return out;
}
