/**
 * Source of the connect-scan worker thread, run with `new Worker(src, { eval: true })`.
 * Kept as plain JavaScript text so it runs identically under tsx, a build, or
 * plain node (no loader needed inside the worker).
 *
 * Why the libuv TCP handle (`process.binding('tcp_wrap')`) and not net.Socket:
 * a connect scan is dominated by per-socket overhead; the raw handle skips the
 * stream machinery and measured about 3.5x faster on loopback. Sockets whose
 * connect was refused are reused for the next port (about 2x less CPU again). When the binding
 * is unavailable the worker falls back to net.Socket with the same logic.
 *
 * Protocol: workerData = { address, family, ports (number[]), window, maxWindow,
 * minWindow, timeoutMs, minTimeoutMs, retries }. Posts {type:'progress', done}
 * and finally {type:'result', open, filtered, closed, selfConnects, maxWindowUsed, socketsReused, raw}.
 * Receives 'stop' to finish early (ports not yet answered are dropped).
 */
export const CONNECT_WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const util = require('node:util');
const net = require('node:net');

const cfg = workerData;
const ports = cfg.ports;
let binding = null;
try {
  const b = process.binding('tcp_wrap');
  if (b && typeof b.TCP === 'function' && typeof b.TCPConnectWrap === 'function') binding = b;
} catch (_) {
  binding = null;
}

const RESOURCE_ERRORS = new Set(['EMFILE', 'ENFILE', 'ENOBUFS', 'ENOMEM', 'EADDRNOTAVAIL', 'EAGAIN']);
const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EACCES', 'EPERM']);

let window = cfg.window;
let maxWindowUsed = window;
let lastShrink = 0;
let srtt = -1;
let rttvar = 0;
let baseRtt = Infinity;
let stopped = false;

const queue = [];
for (let i = 0; i < ports.length; i++) queue.push({ port: ports[i], attempt: 0 });
let qHead = 0;
const retryQueue = [];
const inflight = new Set();
const open = [];
const filtered = [];
const selfConnects = [];
let closed = 0;
let done = 0;
let lastProgress = 0;

function errName(status) {
  try {
    return util.getSystemErrorName(status);
  } catch (_) {
    return 'E' + String(-status);
  }
}

function currentTimeout(attempt) {
  if (attempt > 0 || srtt < 0) return cfg.timeoutMs;
  const t = srtt + 4 * rttvar;
  return Math.max(cfg.minTimeoutMs, Math.min(cfg.timeoutMs, t));
}

function sampleRtt(ms) {
  if (ms < baseRtt) baseRtt = ms;
  if (srtt < 0) {
    srtt = ms;
    rttvar = ms / 2;
  } else {
    rttvar = 0.75 * rttvar + 0.25 * Math.abs(srtt - ms);
    srtt = 0.875 * srtt + 0.125 * ms;
  }
}

// Vegas-style: widen the window only while answers come back about as fast as the fastest one seen.
// Once round trips stretch, connects are queueing (in our event loop, the kernel or the path) and a
// wider window only adds cost; on loopback that point is a few hundred sockets, on the internet thousands.
function grow(ms) {
  if (ms > 2 * baseRtt + 1) {
    if (ms > 4 * baseRtt + 5 && window > cfg.minWindow) window--;
    return;
  }
  if (window < cfg.maxWindow) {
    window++;
    if (window > maxWindowUsed) maxWindowUsed = window;
  }
}

function shrink(factor) {
  const now = performance.now();
  // At most one decrease per round trip: one burst of losses is one congestion event.
  if (now - lastShrink < Math.max(50, srtt > 0 ? srtt : 50)) return;
  lastShrink = now;
  window = Math.max(cfg.minWindow, Math.floor(window * factor));
}

function finish(entry) {
  done++;
  if (done - lastProgress >= 1024) {
    lastProgress = done;
    parentPort.postMessage({ type: 'progress', done });
  }
}

function settle(entry, outcome, code) {
  if (entry.settled) return;
  entry.settled = true;
  inflight.delete(entry);
  const latency = performance.now() - entry.start;
  if (entry.close) entry.close.call(entry);
  if (outcome === 'open') {
    sampleRtt(latency);
    grow(latency);
    open.push([entry.port, Math.round(latency * 1000) / 1000]);
    finish(entry);
  } else if (outcome === 'closed') {
    sampleRtt(latency);
    grow(latency);
    closed++;
    finish(entry);
  } else if (outcome === 'self') {
    closed++;
    selfConnects.push(entry.port);
    finish(entry);
  } else if (outcome === 'resource') {
    // Local exhaustion says nothing about the target: halve and try the port again.
    window = Math.max(cfg.minWindow, Math.floor(window / 2));
    retryQueue.push({ port: entry.port, attempt: entry.attempt });
    pauseUntil = performance.now() + 20;
  } else {
    // timeout or unreachable: the target (or a firewall) did not answer.
    if (outcome === 'timeout') shrink(0.75);
    if (entry.attempt < cfg.retries) {
      retryQueue.push({ port: entry.port, attempt: entry.attempt + 1 });
    } else {
      filtered.push([entry.port, outcome === 'timeout' ? 'no-response' : code || 'unreachable']);
      finish(entry);
    }
  }
  pump();
}

function classify(entry, status) {
  const name = errName(status);
  if (name === 'ECONNREFUSED' || name === 'ECONNRESET') return settle(entry, 'closed');
  if (name === 'ECANCELED') return; // we closed it (timeout / stop)
  if (name === 'ETIMEDOUT') return settle(entry, 'timeout');
  if (RESOURCE_ERRORS.has(name)) return settle(entry, 'resource');
  if (UNREACHABLE.has(name)) return settle(entry, 'unreachable', name);
  return settle(entry, 'unreachable', name);
}

const ERR_REFUSED = -require('node:os').constants.errno.ECONNREFUSED;

function closeRaw() {
  if (this.handle) {
    this.handle.close();
    this.handle = null;
  }
}

// Shared by every request (no per-socket closures): \`this\` is the connect request.
function onRawComplete(status) {
  const entry = this.entry;
  if (entry.settled) return;
  if (status === 0) {
    const local = {};
    entry.handle.getsockname(local);
    // Loopback self-connect: the kernel picked the target port as our source port.
    if (local.port === entry.port && local.address === cfg.address) return settle(entry, 'self');
    return settle(entry, 'open');
  }
  if (status === ERR_REFUSED) {
    // A refused socket is back in CLOSE state: keep it for the next port instead of closing it.
    if (spare.length < SPARE_MAX) {
      spare.push(entry.handle);
      entry.handle = null;
    }
    return settle(entry, 'closed');
  }
  classify(entry, status);
}

// Sockets whose connect was refused, ready for another connect: reusing one saves the socket(),
// close() and epoll registration of a fresh one, which is most of a loopback scan's CPU time.
const spare = [];
const SPARE_MAX = 4096;
let socketsReused = 0;
const ERR_ABORTED = -require('node:os').constants.errno.ECONNABORTED;

function connectRaw(handle, entry) {
  const req = new binding.TCPConnectWrap();
  req.entry = entry;
  req.oncomplete = onRawComplete;
  return cfg.family === 6 ? handle.connect6(req, cfg.address, entry.port) : handle.connect(req, cfg.address, entry.port);
}

function startRaw(entry) {
  const reused = spare.pop();
  if (reused) socketsReused++;
  const handle = reused || new binding.TCP(binding.constants.SOCKET);
  entry.handle = handle;
  entry.close = closeRaw;
  let err = connectRaw(handle, entry);
  // Linux answers the first connect() after a failed one with ECONNABORTED and resets the socket;
  // the second one is a real attempt. Anything else on a reused socket: start over with a fresh one.
  if (reused && err === ERR_ABORTED) err = connectRaw(handle, entry);
  if (reused && err) {
    handle.close();
    entry.handle = new binding.TCP(binding.constants.SOCKET);
    err = connectRaw(entry.handle, entry);
  }
  if (err) classify(entry, err);
}

function startNet(entry) {
  const socket = net.connect({ host: cfg.address, port: entry.port, family: cfg.family });
  entry.close = () => socket.destroy();
  socket.once('connect', () => {
    if (socket.localPort === entry.port && socket.localAddress === cfg.address) return settle(entry, 'self');
    settle(entry, 'open');
  });
  socket.once('error', (err) => {
    if (entry.settled) return;
    const status = typeof err.errno === 'number' ? err.errno : -1;
    if (status < 0) return classify(entry, status);
    settle(entry, 'unreachable', err.code);
  });
}

let pumping = false;
let pauseUntil = 0;
let pauseTimer = null;
function pump() {
  // Synchronous connect errors settle inside the loop below; the flag keeps that from recursing.
  if (stopped || pumping) return;
  const wait = pauseUntil - performance.now();
  if (wait > 0) {
    if (!pauseTimer) pauseTimer = setTimeout(() => {
      pauseTimer = null;
      pump();
    }, wait);
    return;
  }
  pumping = true;
  while (inflight.size < window && performance.now() >= pauseUntil) {
    let next;
    if (retryQueue.length > 0) next = retryQueue.shift();
    else if (qHead < queue.length) next = queue[qHead++];
    else break;
    const entry = { port: next.port, attempt: next.attempt, start: performance.now(), deadline: 0, settled: false, close: null, handle: null };
    entry.deadline = entry.start + currentTimeout(entry.attempt);
    inflight.add(entry);
    if (binding) startRaw(entry);
    else startNet(entry);
  }
  pumping = false;
  if (pauseUntil > performance.now() && !pauseTimer) {
    pauseTimer = setTimeout(() => {
      pauseTimer = null;
      pump();
    }, 20);
    return;
  }
  if (inflight.size === 0 && retryQueue.length === 0 && qHead >= queue.length) complete();
}

let completed = false;
let sweeper = null;
function complete() {
  if (completed) return;
  completed = true;
  if (sweeper) clearInterval(sweeper);
  for (const entry of inflight) if (entry.close) entry.close.call(entry);
  for (const handle of spare.splice(0)) handle.close();
  parentPort.postMessage({ type: 'progress', done });
  parentPort.postMessage({ type: 'result', open, filtered, closed, selfConnects, maxWindowUsed, socketsReused, raw: binding !== null });
}

sweeper = setInterval(() => {
  const now = performance.now();
  for (const entry of inflight) if (now >= entry.deadline) settle(entry, 'timeout');
}, Math.max(10, Math.min(50, Math.floor(cfg.minTimeoutMs / 4))));

parentPort.on('message', (msg) => {
  if (msg === 'stop') {
    stopped = true;
    complete();
  }
});

pump();
`;
