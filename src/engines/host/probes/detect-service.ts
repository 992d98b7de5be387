import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TargetPolicy } from '../../../core/net/target-policy.js';
import { wellKnownName } from '../ports/top-ports.js';
import { observeTls, type TlsObservation, tlsHandshake } from '../tls/observe-tls.js';
import { type ExchangeResult, type ExchangeTiming, exchange } from './exchange.js';
import { matchResponse, printableBanner, type ServiceMatch } from './match.js';
import type { CompiledProbe, ProbeDb } from './probe-db.js';

export interface DetectedService {
  /** Service name (http, ssh, redis, ...); the port's usual name or `unknown` when nothing matched. */
  name: string;
  product?: string;
  version?: string;
  info?: string;
  os?: string;
  /** Spoken inside TLS. */
  tls: boolean;
  /** true when a probe pattern matched; false when the name is only the port's usual service. */
  identified: boolean;
  /** Probe whose pattern matched. */
  matchedBy?: string;
  /** Extracted fields (HTTP server header, title, status, ...). */
  extra: Record<string, string>;
  /** First bytes the service sent (printable, `\xNN` escapes), for unknown services and records. */
  banner?: string;
  probesTried: string[];
}

export interface DetectServiceOptions {
  policy: TargetPolicy;
  probes: ProbeDb;
  address: string;
  port: number;
  /** Host header and SNI: the host name target, or the IP. */
  hostName: string;
  targetIsIp: boolean;
  /** Connect round trip seen by the port scan; scales the waits. */
  rttMs: number;
  connectTimeoutMs: number;
  /** NULL-probe wait; default 500 ms + 8 x RTT. */
  bannerWaitMs?: number;
  /** Wait for an answer to an active probe; default 800 ms + 8 x RTT. */
  probeWaitMs?: number;
  /** Probes run concurrently per port (on separate connections). */
  parallelProbes?: number;
  /** Highest rarity probed on ports no probe claims. */
  maxRarity?: number;
  tls: { enabled: boolean; testLegacy: boolean; ca?: string[] };
  signal?: AbortSignal;
}

export interface DetectServiceResult {
  service: DetectedService;
  tls?: TlsObservation;
  tlsError?: string;
}

const IDLE_MS = 80;
const MAX_BYTES = 16 * 1024;

type Opener = () => Promise<Duplex>;

interface ProbeOutcome {
  probe: CompiledProbe;
  reply: ExchangeResult;
  match?: ServiceMatch;
}

/** Probes in likelihood order for this port: those claiming the port, then TLS and HTTP, then by rarity. */
export function orderProbes(
  db: ProbeDb,
  port: number,
  maxRarity: number,
  insideTls: boolean,
): CompiledProbe[] {
  const active = db.probes.filter((p) => !p.isNull && !(insideTls && p.tls));
  const claimed = active.filter((p) => p.ports.has(port));
  const rest = active
    .filter((p) => !p.ports.has(port) && p.rarity <= maxRarity)
    .sort((a, b) => a.rarity - b.rarity || db.probes.indexOf(a) - db.probes.indexOf(b));
  return [...claimed, ...rest];
}

async function runProbe(
  open: Opener,
  probe: CompiledProbe,
  db: ProbeDb,
  host: string,
  timing: ExchangeTiming,
  signal: AbortSignal,
): Promise<ProbeOutcome> {
  let socket: Duplex;
  try {
    socket = await open();
  } catch {
    return { probe, reply: { data: Buffer.alloc(0), closed: true } };
  }
  const reply = await exchange(socket, probe.isNull ? undefined : probe.payload(host), timing, signal);
  const match = matchResponse(db, probe, reply.data);
  return match ? { probe, reply, match } : { probe, reply };
}

function toService(
  match: ServiceMatch | undefined,
  port: number,
  tls: boolean,
  banner: Buffer | undefined,
  tried: string[],
): DetectedService {
  const service: DetectedService = match
    ? {
        name: match.service,
        tls,
        identified: true,
        matchedBy: match.matchedBy,
        extra: match.extra,
        probesTried: tried,
      }
    : {
        name: tls ? 'ssl' : (wellKnownName(port) ?? 'unknown'),
        tls,
        identified: tls,
        extra: {},
        probesTried: tried,
      };
  if (match?.product) service.product = match.product;
  if (match?.version) service.version = match.version;
  if (match?.info) service.info = match.info;
  if (match?.os) service.os = match.os;
  if (banner && banner.length > 0) service.banner = printableBanner(banner);
  return service;
}

/**
 * Identifies what speaks on one plain or TLS-wrapped channel. The NULL probe
 * (wait for a banner) and the active probes run as a sliding window of
 * concurrent connections in likelihood order. The first hard match wins once
 * every higher-priority active probe has answered; the NULL probe is not
 * waited for, because banner-first services also greet every probe connection
 * and the fallback matching recognises them there.
 */
async function identify(
  open: Opener,
  options: DetectServiceOptions,
  insideTls: boolean,
): Promise<{ match?: ServiceMatch; banner?: Buffer; tried: string[]; sawTls: boolean }> {
  const { probes: db, port } = options;
  const rtt = Math.max(0, options.rttMs);
  const bannerWait = options.bannerWaitMs ?? Math.min(5000, 500 + 8 * rtt);
  const probeWait = options.probeWaitMs ?? Math.min(5000, 800 + 8 * rtt);
  const nullProbe = db.probes.find((p) => p.isNull) as CompiledProbe;
  const order = [nullProbe, ...orderProbes(db, port, options.maxRarity ?? 6, insideTls)];
  const width = Math.max(1, options.parallelProbes ?? 3) + 1;
  const outcomes: Array<ProbeOutcome | undefined> = new Array(order.length).fill(undefined);
  const inflight = new Map<number, Promise<number>>();
  let next = 0;
  // Stops the probes still running once a decision is made.
  const stop = new AbortController();
  const onOuterAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });

  const launch = () => {
    while (inflight.size < width && next < order.length && !options.signal?.aborted) {
      const index = next++;
      const probe = order[index] as CompiledProbe;
      const timing = { waitMs: probe.isNull ? bannerWait : probeWait, idleMs: IDLE_MS, maxBytes: MAX_BYTES };
      inflight.set(
        index,
        runProbe(open, probe, db, options.hostName, timing, stop.signal).then((outcome) => {
          outcomes[index] = outcome;
          inflight.delete(index);
          return index;
        }),
      );
    }
  };

  const decide = (): ProbeOutcome | undefined | 'wait' => {
    for (let i = 0; i < order.length; i++) {
      const outcome = outcomes[i];
      if (!outcome) {
        if (i === 0) continue; // the NULL probe is optional, see above
        return 'wait';
      }
      if (outcome.match && !outcome.match.soft) return outcome;
    }
    return undefined;
  };

  const finish = (winner: ProbeOutcome | undefined) => {
    stop.abort();
    options.signal?.removeEventListener('abort', onOuterAbort);
    const done = outcomes.filter((o): o is ProbeOutcome => o !== undefined);
    const tried = done.map((o) => o.probe.id);
    // The banner is what the service says unprompted: the NULL probe's data, or the winner's
    // reply when a NULL-probe pattern (a greeting) matched it.
    const greeting = winner && winner.match?.matchedBy === nullProbe.id ? winner : undefined;
    const firstData = greeting ?? done.find((o) => o.reply.data.length > 0 && !o.probe.tls);
    const soft = done.find((o) => o.match?.soft)?.match;
    const chosen = winner?.match ?? soft;
    const sawTls = chosen?.service === 'ssl' && !insideTls;
    const result: { match?: ServiceMatch; banner?: Buffer; tried: string[]; sawTls: boolean } = {
      tried,
      sawTls,
    };
    if (chosen) result.match = chosen;
    if (firstData) result.banner = firstData.reply.data;
    return result;
  };

  launch();
  while (inflight.size > 0) {
    await Promise.race(inflight.values());
    const decision = decide();
    if (decision !== 'wait' && decision !== undefined) return finish(decision);
    launch();
  }
  const final = decide();
  return finish(final === 'wait' ? undefined : final);
}

/** Detects the service on an open port, including TLS analysis and probing inside TLS. */
export async function detectService(options: DetectServiceOptions): Promise<DetectServiceResult> {
  const connect = (): Promise<Socket> =>
    options.policy.connect(options.address, options.port, {
      timeoutMs: options.connectTimeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  const plain = await identify(connect, options, false);
  if (!plain.sawTls || !options.tls.enabled) {
    return { service: toService(plain.match, options.port, plain.sawTls, plain.banner, plain.tried) };
  }

  const handshake = {
    serverName: options.hostName,
    targetIsIp: options.targetIsIp,
    timeoutMs: Math.max(options.connectTimeoutMs, 3000),
    ...(options.tls.ca ? { ca: options.tls.ca } : {}),
  };
  let observation: TlsObservation | undefined;
  let tlsError: string | undefined;
  try {
    observation = await observeTls({ ...handshake, connect, testLegacy: options.tls.testLegacy });
  } catch (err) {
    tlsError = (err as Error).message;
  }
  const openTls: Opener = async () => {
    const socket = await connect();
    try {
      return await tlsHandshake(socket, { ...handshake, ciphers: 'DEFAULT:@SECLEVEL=0' });
    } catch (err) {
      socket.destroy();
      throw err;
    }
  };
  const inner = observation
    ? await identify(openTls, options, true)
    : { tried: [] as string[], banner: undefined, match: undefined };
  const tried = [...plain.tried, ...inner.tried.map((id) => `tls/${id}`)];
  const result: DetectServiceResult = {
    service: toService(inner.match, options.port, true, inner.banner, tried),
  };
  if (observation) result.tls = observation;
  if (tlsError) result.tlsError = tlsError;
  return result;
}
