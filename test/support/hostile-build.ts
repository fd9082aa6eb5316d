/**
 * Shared by the hostile, malformed and fuzz tests: the fixture expectations, a real-CLI build of a
 * folder of seeds into a temp dir, and helpers to read the built pages' text with parse5.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const HOSTILE_DIR = join(REPO, 'test', 'fixtures', 'hostile');
export const MALFORMED_DIR = join(REPO, 'test', 'fixtures', 'malformed');
export const CLI = join(REPO, 'bin', 'clippings.js');
export const PARSE_OPTIONS = { timeZone: 'Asia/Shanghai', outlets: [] } as const;

/** Three real articles with <script>, javascript: links, <iframe> and <style> in their bodies. */
export const REAL_FILES: readonly string[] = [
  'cna/1596801449000-5f3c02db.md',
  'cdt/1595698981000-17365e96.md',
  'rfi/1601891708000-0e82d83e.md',
];
export const REAL_DIR = join(REPO, '..', 'shared', 'corpus', 'real');

export interface Expectation {
  readonly accepted: boolean;
  /** Harmless text that must be rendered when the file is accepted. */
  readonly marker?: string | null;
  readonly vector?: string;
  /** For rejected files: the line and a substring of the reason. */
  readonly line?: number;
  readonly reason?: string;
  /** For accepted files whose URL has a later capture: the built site shows that one instead. */
  readonly supersededBy?: string;
  /** For accepted files that must warn. */
  readonly warning?: { readonly line: number; readonly reason: string };
}

export async function readExpected(dir: string): Promise<Readonly<Record<string, Expectation>>> {
  return JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8')) as Record<string, Expectation>;
}

export interface CliRun {
  readonly code: number | null;
  readonly output: string;
}

/** Runs the real CLI (never throws on a non-zero exit; the caller asserts on `code`). */
export function runCli(args: readonly string[], timeout = 300_000): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: REPO, timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

/** Every file under `dir`, relative and "/"-separated, sorted. */
export async function listTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      out.push(relative(dir, path).split(sep).join('/') + (entry.isDirectory() ? '/' : ''));
      if (entry.isDirectory()) await walk(path);
    }
  };
  await walk(dir);
  return out.sort();
}

/** Text content of a document's <body> as a browser would show it (scripts/styles/templates excluded). */
export function bodyText(html: string): string {
  const document = parse(html);
  const parts: string[] = [];
  const visit = (node: DefaultTreeAdapterTypes.ParentNode): void => {
    for (const child of node.childNodes) {
      if (child.nodeName === '#text' && 'value' in child) parts.push(child.value);
      else if ('tagName' in child && !['script', 'style', 'template', 'head'].includes(child.tagName)) visit(child);
    }
  };
  visit(document);
  return parts.join('');
}
