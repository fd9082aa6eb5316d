/** Characters that end a sentence, and closing quotes/brackets that may follow the end. */
const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '.', '；', ';']);
const CLOSER = new Set(['"', '”', '’', '」', '』', '）', ')']);

/**
 * A plain-text summary of at most `max` characters (code points): the text itself when short enough, else cut
 * at the last sentence end in the second half of the budget (closing quotes after it stay), else at a character
 * boundary, with "…" added when the cut is mid-sentence. Never splits a surrogate pair. Reads only the first
 * `max` code points, so a 5 MB text costs no more than a short one.
 */
export function summarize(text: string, max = 160): string {
  const trimmed = text.trim();
  const head: string[] = [];
  for (const char of trimmed) {
    if (head.length === max) return cut(head.slice(0, max - 1), max);
    head.push(char);
  }
  return trimmed;
}

function cut(head: readonly string[], max: number): string {
  for (let i = head.length; i > max / 2; i--) {
    let last = i - 1;
    while (last >= 0 && CLOSER.has(head[last]!)) last--;
    if (last >= 0 && SENTENCE_END.has(head[last]!)) return head.slice(0, i).join('');
  }
  return `${head.join('').trimEnd()}…`;
}
