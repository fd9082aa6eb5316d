/** Hosts known to serve https, so `http://` links to them are upgraded. */
const HTTPS_HOSTS = /(?:^|\.)(?:rfi\.fr|dw\.com|voachinese\.com|bbc\.com|bbc\.co\.uk|rfa\.org|nytimes\.com|chinadigitaltimes\.net|cna\.com\.tw|reuters\.com|zaobao\.com|epochtimes\.com|rti\.org\.tw|solidot\.org|economist\.com|blogspot\.com|bitterwinter\.org|govopendata\.com|ft\.com)$/;
const TRACKING_PARAM = /^(?:utm_[a-z_]*|fsrc|fbclid|gclid|mc_cid|mc_eid|at_medium|at_campaign|ocid|cmpid)$/i;

/**
 * Normalize an article URL so recaptures of the same page get the same id: lowercase host, https for known
 * outlets, duplicate slashes collapsed, trailing `%20`/whitespace trimmed (DW), fragment and tracking query
 * parameters (utm_*, fsrc...) dropped. `http://www.rfi.fr//cn/…` → `https://www.rfi.fr/cn/…`.
 */
export function canonicalUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw.trim();
  }
  url.hash = '';
  if (url.protocol === 'http:' && HTTPS_HOSTS.test(url.hostname)) url.protocol = 'https:';
  let path = url.pathname.replace(/\/{2,}/g, '/');
  while (/(?:%20|\s)$/i.test(path)) path = path.replace(/(?:%20|\s)$/i, '');
  url.pathname = path === '' ? '/' : path;
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAM.test(key)) url.searchParams.delete(key);
  }
  if ([...url.searchParams.keys()].length === 0) url.search = '';
  return url.href;
}
