/** Title and URL from a `[title](url)` line; `title` may itself contain `[` and `]`. */
export type TitleLink =
  | { readonly ok: true; readonly title: string; readonly url: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Parse line 2 of a seed. The URL is the LAST `](`…`)` of the line and the title is everything between the
 * first `[` and that `](`, so titles like `[视频]…[图]` work.
 */
export function parseTitleLink(line: string, nextLine: string | undefined): TitleLink {
  const text = line.trim();
  if (!text.startsWith('[')) {
    return { ok: false, reason: `expected a title link like [标题](https://…) on line 2, found ${quote(text)}` };
  }
  const split = text.lastIndexOf('](');
  if (split < 0 || !text.endsWith(')')) {
    const brokenTitle = nextLine !== undefined && nextLine.includes('](');
    return {
      ok: false,
      reason: brokenTitle
        ? `the title link on line 2 continues on line 3; a title must stay on one line: join the lines of ${quote(text)}`
        : `expected a title link like [标题](https://…) on line 2, but ${quote(text)} does not end in (url)`,
    };
  }
  return { ok: true, title: text.slice(1, split), url: text.slice(split + 2, -1).trim() };
}

function quote(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
}
