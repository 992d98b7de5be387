// Parse worker, plain JavaScript on purpose: it needs only Slang, and skipping the
// TypeScript loader makes it start in a fraction of the time. The main thread
// picks the candidate language versions (parse/version.ts) and sends them along.
import { parentPort } from 'node:worker_threads';
import { Parser } from '@nomicfoundation/slang/parser';

const parsers = new Map();
function parserFor(version) {
  let p = parsers.get(version);
  if (!p) {
    p = Parser.create(version);
    parsers.set(version, p);
  }
  return p;
}

parentPort.on('message', (msg) => {
  try {
    let best;
    for (const version of msg.versions) {
      const out = parserFor(version).parseFileContents(msg.source);
      const errors = out.errors().map((e) => ({ message: e.message, offset: e.textRange.start.utf16 }));
      if (!best || errors.length < best.errors.length) {
        best = { path: msg.path, languageVersion: version, json: out.tree.toJson(), errors };
      }
      if (errors.length === 0) break;
    }
    parentPort.postMessage({ id: msg.id, result: best });
  } catch (err) {
    parentPort.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
  }
});
