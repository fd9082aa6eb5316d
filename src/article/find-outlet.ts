import type { Outlet, OutletRule } from './article.ts';

/** Every outlet of the corpus (and the seed). Hosts match with or without a leading "www.". */
export const BUILT_IN_OUTLETS: readonly OutletRule[] = [
  { host: 'rfi.fr', key: 'rfi', name: '法广 RFI' },
  { host: 'dw.com', key: 'dw', name: '德国之声 DW' },
  { host: 'voachinese.com', key: 'voa', name: '美国之音 VOA' },
  { host: 'bbc.com', key: 'bbc', name: 'BBC 中文' },
  { host: 'bbc.co.uk', key: 'bbc', name: 'BBC 中文' },
  { host: 'rfa.org', key: 'rfa', name: '自由亚洲电台 RFA' },
  { host: 'cn.nytimes.com', key: 'nytimes', name: '纽约时报中文网' },
  { host: 'chinadigitaltimes.net', key: 'cdt', name: '中国数字时代' },
  { host: 'cna.com.tw', key: 'cna', name: '中央社 CNA' },
  { host: 'cn.reuters.com', key: 'reuters', name: '路透中文网' },
  { host: 'zaobao.com', key: 'zaobao', name: '联合早报' },
  { host: 'epochtimes.com', key: 'epochtimes', name: '大纪元' },
  { host: 'rti.org.tw', key: 'rti', name: '中央广播电台 Rti' },
  { host: 'solidot.org', key: 'solidot', name: 'Solidot' },
  { host: 'economist.com', key: 'economist', name: '经济学人 The Economist' },
  { host: 'wqw2010.blogspot.com', key: 'wqw', name: '维权网' },
  { host: 'zh.bitterwinter.org', key: 'bitterwinter', name: '寒冬 Bitter Winter' },
  { host: 'cn.govopendata.com', key: 'cctv', name: '新闻联播 CCTV' },
  { host: 'cn.ft.com', key: 'ft', name: 'FT 中文网' },
];

/**
 * The outlet of a URL: `extra` rules first (they override), then the built-in table; a host matches a rule
 * equal to it or ending in "." + rule host. Unknown hosts get key = ASCII slug of the host, name = host.
 */
export function findOutlet(url: string, extra: readonly OutletRule[] = []): Outlet & { readonly known: boolean } {
  let host = '';
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    host = '';
  }
  const bare = host.replace(/^www\./, '');
  for (const rules of [extra, BUILT_IN_OUTLETS]) {
    let best: OutletRule | undefined;
    for (const rule of rules) {
      const h = rule.host.toLowerCase().replace(/^www\./, '');
      if ((bare === h || bare.endsWith(`.${h}`)) && (best === undefined || h.length > best.host.length)) best = rule;
    }
    if (best) return { key: best.key, name: best.name, known: true };
  }
  const key = bare.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'unknown';
  return { key, name: bare || 'unknown', known: false };
}
