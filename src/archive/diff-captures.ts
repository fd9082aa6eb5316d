import { diffArrays } from 'diff';
import type { Capture } from '../article/article.ts';

/**
 * What changed between two captures of one URL, as plain data a template renders (escaped).
 *
 * Text is compared token by token: each CJK character is one token, a Latin word or number is one
 * token, every other character (punctuation, a space run, a paragraph break "\n") is one token.
 * Long unchanged runs are collapsed to a `gap` with about `context` characters kept on each side.
 */

export type DiffPart =
  | { readonly kind: 'same' | 'added' | 'removed'; readonly text: string }
  /** An unchanged run left out; `chars` is its length in characters (code points). */
  | { readonly kind: 'gap'; readonly chars: number };

export interface TextDiff {
  readonly changed: boolean;
  readonly parts: readonly DiffPart[];
  /** Characters (code points) added and removed, paragraph breaks included. */
  readonly added: number;
  readonly removed: number;
}

export interface CaptureDiff {
  readonly olderCapturedAt: number;
  readonly newerCapturedAt: number;
  /** True when neither title nor text changed (e.g. only markup or boilerplate differed). */
  readonly identical: boolean;
  readonly title: TextDiff & { readonly older: string; readonly newer: string };
  readonly text: TextDiff;
}

export interface DiffOptions {
  /** Unchanged characters kept on each side of a change (default 40). */
  readonly context?: number;
  /** Give up token-level diffing beyond this many edits and compare whole paragraphs (default 1000). */
  readonly maxEditLength?: number;
}

export function diffCaptures(older: Capture, newer: Capture, options: DiffOptions = {}): CaptureDiff {
  const title = diffText(normalizeText(older.title), normalizeText(newer.title), options);
  const text = diffText(normalizeText(older.text), normalizeText(newer.text), options);
  return {
    olderCapturedAt: older.capturedAt,
    newerCapturedAt: newer.capturedAt,
    identical: !title.changed && !text.changed,
    title: { ...title, older: older.title, newer: newer.title },
    text,
  };
}

/** Diffs two plain texts (paragraphs separated by "\n"). Exported for tests and other callers. */
export function diffText(older: string, newer: string, options: DiffOptions = {}): TextDiff {
  const context = options.context ?? 40;
  if (older === newer) {
    const parts: RawPart[] = older === '' ? [] : [{ kind: 'same', text: older }];
    return { changed: false, parts: collapse(parts, context), added: 0, removed: 0 };
  }
  const raw = tokenDiff(tokenize(older), tokenize(newer), options.maxEditLength ?? 1000)
    ?? tokenDiff(paragraphs(older), paragraphs(newer), 2000)
    ?? [
      { kind: 'removed' as const, text: older },
      { kind: 'added' as const, text: newer },
    ];
  let added = 0;
  let removed = 0;
  for (const part of raw) {
    if (part.kind === 'added') added += codePoints(part.text);
    if (part.kind === 'removed') removed += codePoints(part.text);
  }
  return { changed: true, parts: collapse(foldChaff(raw), context), added, removed };
}

/** One paragraph a line, whitespace inside a line collapsed, blank lines dropped. */
function normalizeText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u200b\u200c\u200d\ufeff]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`;
const TOKEN = new RegExp(String.raw`[${CJK}]|(?:(?![${CJK}])[\p{L}\p{M}\p{N}_'’])+|\n| +|[^]`, 'gu');

/** CJK characters one by one, Latin words whole, everything else one character at a time. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function paragraphs(text: string): string[] {
  return text.split(/(\n)/).filter((token) => token !== '');
}

type RawPart = { readonly kind: 'same' | 'added' | 'removed'; readonly text: string };

function tokenDiff(older: string[], newer: string[], maxEditLength: number): RawPart[] | undefined {
  const changes = diffArrays(older, newer, { maxEditLength });
  if (changes === undefined) return undefined;
  const parts: RawPart[] = [];
  for (const change of changes) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const text = change.value.join('');
    const last = parts.at(-1);
    if (last?.kind === kind) parts[parts.length - 1] = { kind, text: last.text + text };
    else if (text !== '') parts.push({ kind, text });
  }
  return parts;
}

/**
 * Folds short unchanged runs caught between two changes into them ("semantic cleanup"): 新[-區法院-]
 * {+冠病毒+}… reads better as one replaced phrase. A run folds when it is no longer than the larger
 * side of the change before it and of the change after it, and holds no paragraph break.
 */
function foldChaff(parts: readonly RawPart[]): RawPart[] {
  type Block = { same: string } | { removed: string; added: string };
  const blocks: Block[] = [];
  for (const part of parts) {
    const last = blocks.at(-1);
    if (part.kind === 'same') blocks.push({ same: part.text });
    else if (last && !('same' in last)) last[part.kind] += part.text;
    else blocks.push({ removed: part.kind === 'removed' ? part.text : '', added: part.kind === 'added' ? part.text : '' });
  }
  const size = (block: Block | undefined): number =>
    block && !('same' in block) ? Math.max(codePoints(block.removed), codePoints(block.added)) : 0;
  const folded: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (!block) continue;
    const before = folded.at(-1);
    const after = blocks[i + 1];
    if ('same' in block && before && !('same' in before) && after && !('same' in after) && !block.same.includes('\n')) {
      const length = codePoints(block.same);
      if (length <= size(before) && length <= size(after)) {
        before.removed += block.same + after.removed;
        before.added += block.same + after.added;
        i++;
        continue;
      }
    }
    folded.push('same' in block ? block : { ...block });
  }
  return folded.flatMap((block): RawPart[] =>
    'same' in block
      ? [{ kind: 'same', text: block.same }]
      : [
          ...(block.removed ? [{ kind: 'removed' as const, text: block.removed }] : []),
          ...(block.added ? [{ kind: 'added' as const, text: block.added }] : []),
        ],
  );
}

/** Shortens unchanged runs longer than twice the context, keeping whole tokens at each end. */
function collapse(parts: readonly RawPart[], context: number): DiffPart[] {
  const out: DiffPart[] = [];
  parts.forEach((part, index) => {
    if (part.kind !== 'same') return void out.push(part);
    const keepHead = index > 0 ? context : 0;
    const keepTail = index < parts.length - 1 ? context : 0;
    const tokens = tokenize(part.text);
    if (codePoints(part.text) <= keepHead + keepTail + 10) return void out.push(part);
    const head = takeTokens(tokens, keepHead, 'head');
    const tail = takeTokens(tokens, keepTail, 'tail');
    const skipped = codePoints(part.text) - codePoints(head) - codePoints(tail);
    if (head !== '') out.push({ kind: 'same', text: head });
    out.push({ kind: 'gap', chars: skipped });
    if (tail !== '') out.push({ kind: 'same', text: tail });
  });
  return out;
}

/** About `limit` characters of whole tokens from one end, stopping early at a paragraph break. */
function takeTokens(tokens: readonly string[], limit: number, end: 'head' | 'tail'): string {
  const picked: string[] = [];
  let length = 0;
  for (let i = 0; i < tokens.length && length < limit; i++) {
    const token = tokens[end === 'head' ? i : tokens.length - 1 - i] ?? '';
    if (token === '\n' && picked.length > 0) break;
    picked.push(token);
    length += codePoints(token);
  }
  if (end === 'tail') picked.reverse();
  return picked.join('');
}

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
