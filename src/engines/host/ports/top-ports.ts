import { readFileSync } from 'node:fs';

/** One line of `data/top-ports.txt`: a port and the service usually found there. */
export interface KnownPort {
  port: number;
  name: string;
}

let cached: KnownPort[] | undefined;

/** Parses the port-frequency data file; throws on malformed or duplicate lines so bad data fails tests. */
export function parseTopPorts(text: string): KnownPort[] {
  const out: KnownPort[] = [];
  const seen = new Set<number>();
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(\d{1,5})\s+([a-z0-9][a-z0-9._-]*)$/i.exec(line);
    const port = match ? Number(match[1]) : Number.NaN;
    if (!match || port < 1 || port > 65535)
      throw new Error(`top-ports.txt line ${index + 1}: malformed "${line}"`);
    if (seen.has(port)) throw new Error(`top-ports.txt line ${index + 1}: duplicate port ${port}`);
    seen.add(port);
    out.push({ port, name: match[2] as string });
  }
  return out;
}

/** The frequency-ordered port list (most likely open first). */
export function topPorts(): readonly KnownPort[] {
  cached ??= parseTopPorts(readFileSync(new URL('../data/top-ports.txt', import.meta.url), 'utf8'));
  return cached;
}

/** The usual service name for a port, from the data file, if listed. */
export function wellKnownName(port: number): string | undefined {
  return topPorts().find((p) => p.port === port)?.name;
}
