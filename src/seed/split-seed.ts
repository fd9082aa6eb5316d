import type { SeedProblem } from './seed-problem.ts';
import { checkUrl } from './check-url.ts';
import { decodeTitle } from './decode-title.ts';
import { decodeUtf8 } from './decode-utf8.ts';
import { parseTitleLink } from './parse-title-link.ts';

/** The typed parts of one seed file, before any HTML work. */
export interface SeedParts {
  /** Unix ms (converted from seconds when line 1 held a 10-digit value). */
  readonly publishedAt: number;
  readonly timestampWasSeconds: boolean;
  /** Title as plain text: entities decoded once, not yet cleaned of outlet suffixes. */
  readonly title: string;
  /** URL exactly as written on line 2 (checked: absolute http(s), no dot segments). */
  readonly url: string;
  /** Raw HTML body (CRLF normalized, NULs dropped). */
  readonly body: string;
  /** 1-based line number where the body starts in the file. */
  readonly bodyLine: number;
}

export interface SplitSeedResult {
  readonly parts?: SeedParts;
  readonly problems: readonly SeedProblem[];
}

/** Earliest accepted timestamp: 1990-01-01T00:00:00Z. */
export const MIN_TIMESTAMP = Date.UTC(1990, 0, 1);
const DAY_MS = 86_400_000;

/**
 * Read and split one seed file: line 1 `<!--ms-->`, line 2 `[title](url)`, line 3 `------`,
 * line 4 empty, then the HTML body. Never throws; rejects with `path:line: reason` problems.
 * `now` bounds the timestamp (at most one day in the future); pass it for reproducible results.
 */
export function splitSeed(bytes: Uint8Array, path: string, now: number = Date.now()): SplitSeedResult {
  const problems: SeedProblem[] = [];
  const error = (line: number, message: string): SplitSeedResult => ({
    problems: [...problems, { path, line, message, severity: 'error' }],
  });
  const warn = (line: number, message: string): void => {
    problems.push({ path, line, message, severity: 'warning' });
  };

  if (bytes.length === 0) {
    return error(1, 'the file is empty; a seed starts with a timestamp comment like <!--1693421125000-->');
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const hex = decoded.byte.toString(16).padStart(2, '0');
    return error(decoded.line, `invalid UTF-8 at byte offset ${decoded.byteOffset} (byte 0x${hex}); re-save the file as UTF-8`);
  }
  let text = decoded.text;
  // Control characters (NUL and the other C0 controls but tab/LF/CR, and U+FFFE/U+FFFF) mean nothing in
  // news text and are invalid in XML: drop them here so no page, feed or search record ever carries one.
  const nul = text.indexOf('\u0000');
  if (nul >= 0) warn(lineOf(text, nul), 'NUL bytes were dropped (the text around them is kept)');
  const control = text.search(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  if (control >= 0) warn(lineOf(text, control), 'control characters were dropped (the text around them is kept)');
  if (nul >= 0 || control >= 0) text = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    return error(1, 'the file has no content; a seed starts with a timestamp comment like <!--1693421125000-->');
  }

  const lines = firstLines(text, 4);
  const first = lines[0]!.text.trim();
  const comment = /^<!--\s*(.*?)\s*-->$/.exec(first);
  if (!comment) {
    return error(1, `expected a timestamp comment like <!--1693421125000-->, found ${quote(first)}`);
  }
  const stamp = parseTimestamp(comment[1] ?? '', now);
  if (typeof stamp === 'string') return error(1, stamp);
  if (stamp.wasSeconds) {
    warn(1, `timestamp ${comment[1]} looks like seconds; read it as ${new Date(stamp.ms).toISOString()} (write milliseconds to silence this)`);
  }

  const link = parseTitleLink(lines[1]?.text ?? '', lines[2]?.text);
  if (!link.ok) return error(2, link.reason);
  const title = decodeTitle(link.title).trim();
  if (title === '') return error(2, 'the title is empty; write the headline between [ and ]');
  const urlProblem = checkUrl(link.url);
  if (urlProblem !== undefined) return error(2, urlProblem);

  const separator = lines[2]?.text.trim() ?? '';
  if (!/^-{3,}$/.test(separator)) {
    return error(3, `expected the separator line "------" on line 3, found ${quote(separator)}`);
  }

  // Line 4 should be empty; when it is not, it is harmless to read it as the first line of the body.
  const line4 = lines[3];
  const bodyStart = line4 === undefined ? text.length : line4.text.trim() === '' ? line4.end : line4.start;
  const bodyLine = line4 !== undefined && line4.text.trim() !== '' ? 4 : 5;
  const body = text.slice(bodyStart);
  if (body.trim() === '') {
    return error(bodyLine > 4 ? 4 : bodyLine, 'the article body is empty; write the article HTML after the "------" line and one empty line');
  }
  return {
    parts: { publishedAt: stamp.ms, timestampWasSeconds: stamp.wasSeconds, title, url: link.url, body, bodyLine },
    problems,
  };
}

interface Line { readonly text: string; readonly start: number; readonly end: number }

/** The first `count` lines with their offsets (`end` is just past the newline). */
function firstLines(text: string, count: number): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (out.length < count && start <= text.length) {
    const nl = text.indexOf('\n', start);
    const stop = nl < 0 ? text.length : nl;
    out.push({ text: text.slice(start, stop), start, end: nl < 0 ? text.length : nl + 1 });
    if (nl < 0) break;
    start = nl + 1;
  }
  return out;
}

function parseTimestamp(raw: string, now: number): { ms: number; wasSeconds: boolean } | string {
  if (raw.startsWith('-') && /^-\d+$/.test(raw)) {
    return `timestamp ${raw} is negative; write the publication time in Unix milliseconds like <!--1693421125000-->`;
  }
  if (!/^\d+$/.test(raw)) {
    return `timestamp ${quote(raw)} is not a whole number; write Unix milliseconds like <!--1693421125000-->`;
  }
  const wasSeconds = raw.length === 10;
  const ms = Number(raw) * (wasSeconds ? 1000 : 1);
  const max = now + DAY_MS;
  if (!Number.isSafeInteger(ms) || ms < MIN_TIMESTAMP || ms > max) {
    const when = Number.isSafeInteger(ms) && Math.abs(ms) < 8.64e15 ? ` (${new Date(ms).toISOString()})` : '';
    return `timestamp ${raw}${when} is out of range: expected Unix milliseconds between 1990-01-01 and one day from now (${new Date(max).toISOString()})`;
  }
  return { ms, wasSeconds };
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}
