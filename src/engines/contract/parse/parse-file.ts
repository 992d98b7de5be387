import { Parser } from '@nomicfoundation/slang/parser';
import { LanguageFacts } from '@nomicfoundation/slang/utils';
import type { SyntaxNode } from './syntax-node.js';
import { toSyntaxTree } from './to-syntax-tree.js';
import { candidateVersions } from './version.js';

export interface RawParseError {
  message: string;
  /** UTF-16 offset. */
  offset: number;
}

/** What a parse produces; plain data, so it can cross a worker boundary. */
export interface ParsedTree {
  path: string;
  languageVersion: string;
  tree: SyntaxNode;
  errors: RawParseError[];
}

const parsers = new Map<string, Parser>();
let supported: string[] | undefined;

function parserFor(version: string): Parser {
  let p = parsers.get(version);
  if (!p) {
    p = Parser.create(version);
    parsers.set(version, p);
  }
  return p;
}

export function supportedVersions(): string[] {
  supported ??= LanguageFacts.allVersions();
  return supported;
}

/**
 * Parses with the grammar of the newest version the pragma admits; when that
 * fails, retries with the oldest admitted one and keeps the better result.
 */
export function parseSource(path: string, source: string): ParsedTree {
  const raw = parseToJson(path, source);
  return { path, languageVersion: raw.languageVersion, tree: toSyntaxTree(raw.json), errors: raw.errors };
}

/** Slang's tree as a JSON string: what worker threads send back (strings clone far faster than object graphs). */
export interface RawParse {
  path: string;
  languageVersion: string;
  json: string;
  errors: RawParseError[];
}

export function parseToJson(path: string, source: string): RawParse {
  let best: RawParse | undefined;
  for (const version of candidateVersions(source, supportedVersions())) {
    const out = parserFor(version).parseFileContents(source);
    const errors = out.errors().map((e) => ({ message: e.message, offset: e.textRange.start.utf16 }));
    if (!best || errors.length < best.errors.length) {
      best = { path, languageVersion: version, json: out.tree.toJson(), errors };
    }
    if (errors.length === 0) break;
  }
  return best!;
}
