import { createHash } from 'node:crypto';

/** Known topic labels → ASCII slugs. Labels from different outlets that mean the same share a slug. */
const SLUGS: Readonly<Record<string, string>> = {
  综合: 'general', 国际: 'international', 中国: 'china', 法国: 'france', 政治: 'politics', 亚洲: 'asia',
  人权: 'human-rights', 欧洲: 'europe', 美洲: 'americas', 非洲: 'africa', 中东: 'middle-east', 港澳台: 'hk-macau-taiwan',
  生态: 'ecology', 社会: 'society', 科技与文化: 'tech-culture', 经贸: 'economy-trade', 法语教学: 'learn-french',
  魅力法兰西: 'charming-france', 科技: 'technology', 财经: 'finance', 英国: 'uk', 专栏: 'columns', 记者来鸿: 'correspondents',
  体育: 'sports', 文化: 'culture', 未来: 'future', 旅游: 'travel', 视野: 'horizon', 港台: 'hk-taiwan', 环境: 'environment',
  军事外交: 'military-diplomacy', 科教文: 'science-education-culture', 媒体: 'media', 人权法治: 'human-rights-law',
  少数民族: 'ethnic-minorities', 亚太: 'asia-pacific', 商业与经济: 'business-economy', 教育: 'education', 健康: 'health',
  简报: 'briefing', 讣告: 'obituaries', 观点: 'opinion', 房地产: 'real-estate', 科学: 'science', 时尚: 'style', 美国: 'usa',
  重点新闻: 'headlines', 两岸: 'cross-strait', 产经: 'industry', 地方: 'local', 娱乐: 'entertainment', 新闻联播: 'xinwen-lianbo',
  文艺: 'arts', 商业: 'business', 圣诞特刊: 'christmas-specials', 经济指标: 'indicators', 播客: 'podcasts',
  技术季刊: 'technology-quarterly', 本周世界: 'world-this-week', 图表: 'graphic-detail', 社论: 'leaders', 中东和非洲: 'middle-east-africa',
  '1843': '1843', 法国报纸摘要: 'french-press-review', 要闻解说: 'news-explained', 法国世界报: 'le-monde', 要闻分析: 'news-analysis',
  公民论坛: 'citizens-forum', 观察中国: 'china-watch', 国际纵横: 'world-affairs', 今日经济: 'economy-today', 微言微语: 'brief-remarks',
  东京专栏: 'tokyo-column', 法国风土人情: 'french-life', 法国思想长廊: 'french-thought', 环境与发展: 'environment-development',
  美国专栏: 'america-column', 法国风光: 'french-landscapes', 法国文艺欣赏: 'french-arts', 曼谷专栏: 'bangkok-column',
  北美来鸿: 'letter-from-america', 法国美食: 'french-food', 亚洲周刊: 'asia-weekly', 文化遗产: 'heritage', 经济: 'economy',
};

/** ASCII slug `[a-z0-9-]+` for a topic label: the table, an ASCII label slugified, else `t-` + 8 hex of its sha256. */
export function topicSlug(label: string): string {
  const known = SLUGS[label];
  if (known !== undefined) return known;
  const ascii = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (/^[\x00-\x7f]*$/.test(label) && ascii !== '') return ascii;
  return `t-${createHash('sha256').update(label).digest('hex').slice(0, 8)}`;
}
