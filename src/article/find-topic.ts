import type { Topic } from './article.ts';
import { topicSlug } from './topic-slug.ts';

/** Label of outlets and pages without a section. */
export const FALLBACK_TOPIC = '综合';

type SectionRule = (segments: readonly string[]) => string | undefined;

const BBC: Record<string, string> = {
  world: '国际', 'chinese-news': '中国', science: '科技', business: '财经', uk: '英国', columns: '专栏', fooc: '记者来鸿',
  sports: '体育', 'vert-cul': '文化', 'vert-fut': '未来', 'vert-tra': '旅游', horizon: '视野', china: '中国',
};
const RFA: Record<string, string> = {
  gangtai: '港台', huanjing: '环境', jingmao: '经贸', junshiwaijiao: '军事外交', kejiaowen: '科教文', meiti: '媒体',
  renquanfazhi: '人权法治', shaoshuminzu: '少数民族', shehui: '社会', zhengzhi: '政治',
};
const NYT: Record<string, string> = {
  'asia-pacific': '亚太', business: '商业与经济', china: '中国', culture: '文化', education: '教育', europe: '欧洲', health: '健康',
  'hk-taiwan': '港台', 'morning-brief': '简报', obits: '讣告', 'op-ed': '观点', opinion: '观点', 'real-estate': '房地产',
  science: '科学', sports: '体育', style: '时尚', technology: '科技', travel: '旅游', usa: '美国', world: '国际', lens: '视野',
};
const CNA: Record<string, string> = {
  firstnews: '重点新闻', acn: '两岸', acul: '文化', afe: '产经', ahel: '健康', aipl: '政治', ait: '科技', aloc: '地方',
  amov: '娱乐', aopl: '国际', asoc: '社会', aspt: '体育', asc: '科技',
};
const ZAOBAO: Record<string, string> = { china: '中国', world: '国际', singapore: '新加坡', finance: '财经', sports: '体育' };
const ECONOMIST: Record<string, string> = {
  '1843': '1843', asia: '亚洲', 'books-and-arts': '文艺', prospero: '文艺', briefing: '简报', britain: '英国', business: '商业',
  'christmas-specials': '圣诞特刊', 'economic-and-financial-indicators': '经济指标', podcasts: '播客',
  'science-and-technology': '科技', 'technology-quarterly': '技术季刊', 'the-world-this-week': '本周世界',
  'united-states': '美国', 'graphic-detail': '图表', china: '中国', international: '国际', europe: '欧洲',
  'finance-and-economics': '财经', leaders: '社论', 'middle-east-and-africa': '中东和非洲', 'the-americas': '美洲',
};

/** RFI `/cn/<topic>/…`; `/cn/专栏检索/<column>/…` → the column; `/cn/contenu/…` wire copy and no section → fallback. */
const rfi: SectionRule = (s) => {
  if (s[0] !== 'cn' || s.length < 3) return undefined;
  if (s[1] === '专栏检索') return s.length >= 4 && !/\d/.test(s[2]!) ? s[2] : undefined;
  if (s[1] === 'contenu' || s[1] === '首页') return undefined;
  return s[1];
};
/** `/zhongwen/simp/world-53165066` or the older `/zhongwen/simp/world/2014/…`. */
const bbc: SectionRule = (s) => {
  const slug = s.length > 3 ? s[2] : s[2]?.replace(/-\d+$/, '');
  return slug !== undefined && !/^\d+$/.test(slug) ? BBC[slug] : undefined;
};
const RULES: Readonly<Record<string, SectionRule>> = {
  rfi,
  bbc,
  rfa: (s) => (s.length >= 4 ? RFA[s[2]!] : undefined),
  nytimes: (s) => (s.length >= 2 ? NYT[s[0]!] : undefined),
  cna: (s) => (s[0] === 'news' && s.length >= 3 ? CNA[s[1]!] : undefined),
  zaobao: (s) => (s.length >= 3 ? ZAOBAO[s[1]!] : undefined),
  economist: (s) => (s.length >= 2 ? ECONOMIST[s[0]!] : undefined),
  cctv: (s) => (s[0] === 'xinwenlianbo' ? '新闻联播' : undefined),
};

/** The topic (section) of an article from its outlet's URL rule; `综合` when the outlet or URL has none. */
export function findTopic(outletKey: string, url: string): Topic {
  const label = RULES[outletKey]?.(segmentsOf(url))?.trim() || FALLBACK_TOPIC;
  return { label, slug: topicSlug(label) };
}

function segmentsOf(url: string): string[] {
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {
    return [];
  }
  return path.split('/').filter((s) => s !== '').map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
}
