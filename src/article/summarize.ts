const SENTENCE_END = /[。！？!?.；;]["”’」』）)]*$/u;

/**
 * A plain-text summary of at most `max` characters (code points): the text itself when short enough, else cut
 * at the last sentence end in the second half of the budget, else at a character boundary, with "…" added when
 * the cut is mid-sentence. Never splits a surrogate pair.
 */
export function summarize(text: string, max = 160): string {
  const chars = Array.from(text.trim());
  if (chars.length <= max) return chars.join('');
  const head = chars.slice(0, max - 1);
  for (let i = head.length; i > max / 2; i--) {
    const candidate = head.slice(0, i).join('');
    if (SENTENCE_END.test(candidate)) return candidate;
  }
  return `${head.join('').trimEnd()}…`;
}
