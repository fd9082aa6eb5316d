/** Why a seed URL was refused, as a sentence a person can act on; undefined when the URL is fine. */
export function checkUrl(raw: string): string | undefined {
  const shown = quote(raw);
  if (raw === '') return 'the URL is empty; write the article\'s absolute https:// address between ( and )';
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(raw.replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return `URL ${shown} uses the ${scheme}: scheme; only absolute http:// or https:// article addresses are allowed`;
  }
  if (!/^https?:\/\//i.test(raw)) {
    return `URL ${shown} is not absolute; write the full address starting with https://`;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    return `URL ${shown} cannot be parsed (${cause instanceof Error ? cause.message : String(cause)}); check it for typos`;
  }
  if (url.hostname === '') return `URL ${shown} has no host name`;
  const dot = dotSegment(raw);
  if (dot !== undefined) {
    return `URL ${shown} has a "${dot}" path segment; write the resolved address without "." or ".." segments`;
  }
  return undefined;
}

/** The first path segment of the raw URL that decodes to "." or "..", if any. */
function dotSegment(raw: string): string | undefined {
  const afterScheme = raw.replace(/^https?:[\\/]*/i, '');
  const pathStart = afterScheme.search(/[\\/]/);
  if (pathStart < 0) return undefined;
  const path = afterScheme.slice(pathStart).split(/[?#]/, 1)[0] ?? '';
  for (const segment of path.split(/[\\/]/)) {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // A malformed escape is not a dot segment; the URL parser accepted it.
    }
    if (decoded === '.' || decoded === '..') return decoded;
  }
  return undefined;
}

function quote(s: string): string {
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);
}
