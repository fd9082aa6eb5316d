/** Cuts a title to `max` characters (code points, never half a surrogate pair) with an ellipsis. */
export function shortenTitle(title: string, max = 120): string {
  if (title.length <= max) return title;
  const chars = Array.from(title);
  return chars.length <= max ? title : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
