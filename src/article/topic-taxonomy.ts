/**
 * The default topic taxonomy, as data: the topics readers browse (in display order, each with a stable
 * ASCII slug) and, per outlet, where its URLs carry a section and which topic each section belongs to.
 * `clippings.config.json` can rename a topic, remap a section and add an outlet's rules ("topics" key,
 * see docs/topics.md). Edit this table, not code, to change a mapping; every section of the bundled
 * corpus is listed (test/topic-taxonomy.test.ts checks it).
 *
 * A section `[label, topic]` shows `label` on the article and files the article under `topic`; a
 * `null` topic means the section says nothing about the subject (opinion, briefings, front page,
 * columns on anything): the article keeps the section as its label and is classified by its content.
 * A section key mapped to `null` is no section at all (RFI's `/cn/contenu/` wire copy).
 */

export interface TopicDef {
  /** Stable URL key, `[a-z0-9-]`: never change it (rename the label instead). */
  readonly slug: string;
  readonly label: string;
  /** Slugs this topic had before (`/topics/<old>/` redirects here). */
  readonly formerSlugs?: readonly string[];
  /**
   * Words that, found in the title of an article without a mapped section, weigh for this topic in
   * the classifier (each multiplies its odds by e^KEYWORD_WEIGHT): names of places and things that say the
   * subject whatever outlet wrote it. Simplified; titles are folded (繁 → 简) before matching.
   */
  readonly keywords?: readonly string[];
  /**
   * Place and people names that say where a story happens (华盛顿, 白宫, 拜登 → 美国): each mention in
   * the title or text of an article is a feature of this topic that the classifier learns a weight for
   * from the sectioned articles (not a rule: 美国 in a story about 中美 trade weighs what the archive
   * says it weighs). Simplified, two or more characters.
   */
  readonly names?: readonly string[];
}

/** `[label shown, topic slug or null = classify by content]`, or null: not a section. */
export type SectionEntry = readonly [label: string, topic: string | null] | null;

export interface OutletSections {
  /**
   * Regular expressions tried in order on the URL's decoded path (duplicate slashes folded); the
   * first capture group of the first that matches is the section key.
   */
  readonly paths?: readonly string[];
  readonly sections?: Readonly<Record<string, SectionEntry>>;
  /** The whole outlet is one section (a single-subject site), used when no path matches. */
  readonly all?: readonly [label: string, topic: string | null];
}

export interface TaxonomyData {
  readonly topics: readonly TopicDef[];
  /** Slug of the topic of articles nothing could place (its page exists only when it has articles). */
  readonly fallback: string;
  /** Former slugs of topics that are gone; their URLs redirect to the topics index. */
  readonly retiredSlugs: readonly string[];
  readonly outlets: Readonly<Record<string, OutletSections>>;
}

export const DEFAULT_TAXONOMY: TaxonomyData = {
  topics: [
    { slug: 'china', label: '中国', formerSlugs: ['china-watch', 'xinwen-lianbo'], keywords: ['中共', '习近平', '北京', '国务院', '全国人大', '李克强', '上海', '武汉', '新疆', '西藏'],
      names: ['中国', '中共', '北京', '上海', '武汉', '广州', '深圳', '新疆', '西藏', '习近平', '李克强', '国务院', '全国人大', '中南海', '王毅', '华春莹', '赵立坚', '解放军', '四川', '湖北', '河南', '内蒙古', '重庆', '天津', '浙江', '江苏', '广东', '云南', '贵州', '山东', '福建', '黑龙江', '吉林', '辽宁', '河北', '山西', '陕西', '甘肃', '青海', '宁夏', '湖南', '江西', '安徽', '广西', '中纪委', '央视', '新华社', '人民日报', '国台办', '栗战书', '汪洋', '王岐山', '韩正', '杭州', '南京', '成都', '西安', '哈尔滨', '乌鲁木齐', '拉萨', '长沙', '郑州', '厦门', '青岛', '大连'] },
    { slug: 'hk-macau-taiwan', label: '港澳台', formerSlugs: ['hk-taiwan', 'cross-strait'], keywords: ['香港', '港府', '港人', '林郑', '立法会', '台湾', '台北', '蔡英文', '两岸', '澳门', '国安法'],
      names: ['香港', '港府', '港人', '林郑', '立法会', '澳门', '台湾', '台北', '蔡英文', '两岸', '国民党', '民进党', '苏贞昌', '陆委会', '高雄', '台中', '台南', '黎智英', '黄之锋', '周庭', '特首', '立法院', '国安法', '港警', '新北', '柯文哲', '韩国瑜', '赖清德', '吴钊燮', '九龙', '新界', '港独', '台独'] },
    { slug: 'usa', label: '美国', formerSlugs: ['americas', 'america-column', 'letter-from-america'], keywords: ['美国大选', '白宫', '特朗普', '川普', '拜登', '国会', '参议院', '众议院', '五角大楼', '华盛顿', '纽约'],
      names: ['美国', '华盛顿', '华府', '白宫', '拜登', '特朗普', '川普', '彭斯', '蓬佩奥', '国会山', '参议院', '众议院', '佩洛西', '哈里斯', '纽约', '加州', '德州', '佛罗里达', '佐治亚', '宾夕法尼亚', '五角大楼', '联邦调查局', '美联储', '共和党', '民主党', '福奇', '芝加哥', '洛杉矶', '硅谷', '美军', '麦康奈尔', '布林肯', '奥巴马', '希拉里', '密歇根', '亚利桑那', '威斯康星', '内华达', '国务卿'] },
    { slug: 'asia-pacific', label: '亚太', formerSlugs: ['asia', 'tokyo-column', 'bangkok-column', 't-f98b2fc8'], keywords: ['日本', '东京', '韩国', '朝鲜', '印度', '印尼', '泰国', '缅甸', '菲律宾', '越南', '澳洲', '澳大利亚', '新加坡', '马来西亚', '巴基斯坦', '阿富汗'],
      names: ['日本', '东京', '菅义伟', '安倍', '韩国', '首尔', '文在寅', '朝鲜', '金正恩', '平壤', '印度', '莫迪', '新德里', '印尼', '印度尼西亚', '雅加达', '泰国', '曼谷', '缅甸', '昂山素季', '菲律宾', '杜特尔特', '越南', '河内', '澳洲', '澳大利亚', '莫里森', '新西兰', '阿德恩', '新加坡', '马来西亚', '巴基斯坦', '阿富汗', '塔利班', '孟加拉', '斯里兰卡', '尼泊尔', '柬埔寨', '老挝', '蒙古', '东盟', '大阪'] },
    { slug: 'europe', label: '欧洲', formerSlugs: ['france', 'uk'], keywords: ['欧盟', '欧洲', '英国', '法国', '德国', '意大利', '西班牙', '俄罗斯', '马克龙', '默克尔', '伦敦', '巴黎', '柏林', '脱欧'],
      names: ['欧洲', '欧盟', '英国', '伦敦', '约翰逊', '法国', '巴黎', '马克龙', '德国', '柏林', '默克尔', '意大利', '西班牙', '俄罗斯', '莫斯科', '普京', '纳瓦尔尼', '乌克兰', '波兰', '荷兰', '比利时', '布鲁塞尔', '瑞典', '瑞士', '挪威', '丹麦', '芬兰', '奥地利', '希腊', '捷克', '匈牙利', '白俄罗斯', '卢卡申科', '冯德莱恩', '脱欧', '欧洲议会', '欧元', '葡萄牙', '爱尔兰', '苏格兰', '里昂', '马赛', '欧委会'] },
    {
      slug: 'international',
      label: '国际',
      formerSlugs: ['politics', 'africa', 'middle-east', 'middle-east-africa', 'military-diplomacy', 'world-affairs'],
      keywords: ['联合国', '世卫', '中东', '以色列', '伊朗', '非洲', '黎巴嫩', '叙利亚', '土耳其', '加拿大', '墨西哥', '巴西'],
      names: ['联合国', '古特雷斯', '中东', '以色列', '伊朗', '伊拉克', '叙利亚', '黎巴嫩', '土耳其', '埃尔多安', '沙特', '阿联酋', '巴勒斯坦', '埃及', '非洲', '南非', '尼日利亚', '埃塞俄比亚', '加拿大', '特鲁多', '墨西哥', '巴西', '阿根廷', '委内瑞拉', '智利', '秘鲁', '哥伦比亚', '古巴', '亚美尼亚', '阿塞拜疆', '内塔尼亚胡', '哈梅内伊', '鲁哈尼', '博索纳罗', '国际社会', '北约', '世贸'],
    },
    {
      slug: 'economy',
      label: '经济',
      formerSlugs: ['finance', 'economy-trade', 'business-economy', 'business', 'industry', 'real-estate', 'indicators', 'economy-today'],
      keywords: ['经济', '股市', '美股', '欧股', '日股', '港股', '股价', '市值', '央行', '通胀', '利率', '汇率', '油价', '关税', '财报', 'gdp', '投资'],
    },
    { slug: 'technology', label: '科技', formerSlugs: ['science', 'future', 'technology-quarterly'], keywords: ['科技', '科学', '芯片', '5g', '人工智能', '太空', 'nasa', 'spacex', '软件', '苹果公司', '互联网'] },
    { slug: 'health', label: '健康', keywords: ['疫苗', '世卫', '医疗', '癌', '医院', '病毒'] },
    { slug: 'society', label: '社会', formerSlugs: ['media', 'education', 'local'], keywords: ['外卖', '自杀', '教育', '学生', '农民工', '警察'] },
    { slug: 'human-rights', label: '人权', formerSlugs: ['human-rights-law', 'ethnic-minorities'], keywords: ['人权', '维权', '律师', '法轮功', '维吾尔', '宗教', '迫害', '异见'] },
    { slug: 'environment', label: '环境', formerSlugs: ['ecology', 'environment-development'], keywords: ['气候', '环保', '环境', '污染', '碳排放', '野生动物', '生态'] },
    {
      slug: 'culture',
      label: '文化',
      formerSlugs: [
        'tech-culture', 'science-education-culture', 'arts', 'travel', 'style', 'entertainment', 'heritage', 'learn-french',
        'charming-france', 'french-life', 'french-thought', 'french-landscapes', 'french-arts', 'french-food',
      ],
      keywords: ['电影', '艺术', '博物馆', '音乐', '文学', '艾美奖', '奥斯卡', '展览', '小说'],
    },
    { slug: 'sports', label: '体育', keywords: ['nba', '奥运', '足球', '篮球', '网球', '世界杯', '球员', '联赛', '球队'] },
    { slug: 'general', label: '综合' },
  ],
  fallback: 'general',
  retiredSlugs: [
    'columns', 'correspondents', 'horizon', 'briefing', 'obituaries', 'opinion', 'headlines', 'christmas-specials', 'podcasts',
    'world-this-week', 'graphic-detail', 'leaders', '1843', 'french-press-review', 'news-explained', 'le-monde', 'news-analysis',
    'citizens-forum', 'brief-remarks', 'asia-weekly',
  ],
  outlets: {
    rfi: {
      // `/cn/专栏检索/<column>/<article>`, else `/cn/<section>/<article>`.
      paths: ['^/cn/专栏检索/([^/\\d][^/]*)/[^/]+', '^/cn/([^/]+)/[^/]+'],
      sections: {
        中国: ['中国', 'china'], 港澳台: ['港澳台', 'hk-macau-taiwan'], 国际: ['国际', 'international'], 政治: ['政治', 'international'],
        亚洲: ['亚洲', 'asia-pacific'], 欧洲: ['欧洲', 'europe'], 法国: ['法国', 'europe'], 美洲: ['美洲', 'usa'],
        中东: ['中东', 'international'], 非洲: ['非洲', 'international'], 人权: ['人权', 'human-rights'], 生态: ['生态', 'environment'],
        社会: ['社会', 'society'], 经贸: ['经贸', 'economy'], 科技与文化: ['科技与文化', 'culture'], 法语教学: ['法语教学', 'culture'],
        魅力法兰西: ['魅力法兰西', 'culture'], contenu: null, 首页: null, 专栏检索: null,
        // Columns (`/cn/专栏检索/<column>/…`): those on one subject are filed there, the others by content.
        观察中国: ['观察中国', 'china'], 国际纵横: ['国际纵横', 'international'], 今日经济: ['今日经济', 'economy'], 经济: ['经济', 'economy'],
        东京专栏: ['东京专栏', 'asia-pacific'], 曼谷专栏: ['曼谷专栏', 'asia-pacific'], 美国专栏: ['美国专栏', 'usa'],
        北美来鸿: ['北美来鸿', 'usa'], 环境与发展: ['环境与发展', 'environment'], 法国风土人情: ['法国风土人情', 'culture'],
        法国思想长廊: ['法国思想长廊', 'culture'], 法国风光: ['法国风光', 'culture'], 法国文艺欣赏: ['法国文艺欣赏', 'culture'],
        法国美食: ['法国美食', 'culture'], 文化遗产: ['文化遗产', 'culture'],
        要闻解说: ['要闻解说', null], 要闻分析: ['要闻分析', null], 法国报纸摘要: ['法国报纸摘要', null], 法国世界报: ['法国世界报', null],
        公民论坛: ['公民论坛', null], 微言微语: ['微言微语', null], 亚洲周刊: ['亚洲周刊', null],
      },
    },
    bbc: {
      // `/zhongwen/simp/world-53165066` or the older `/zhongwen/simp/world/2014/…`.
      paths: ['^/zhongwen/(?:simp|trad)/([a-z][a-z-]*?)(?:-\\d+)?(?:/|$)'],
      sections: {
        world: ['国际', 'international'], 'chinese-news': ['中国', 'china'], china: ['中国', 'china'], science: ['科技', 'technology'],
        business: ['财经', 'economy'], uk: ['英国', 'europe'], sports: ['体育', 'sports'], 'vert-cul': ['文化', 'culture'],
        'vert-fut': ['未来', 'technology'], 'vert-tra': ['旅游', 'culture'], columns: ['专栏', null], fooc: ['记者来鸿', null],
        horizon: ['视野', null],
      },
    },
    rfa: {
      paths: ['^/mandarin/[^/]+/([^/]+)/[^/]+'],
      sections: {
        gangtai: ['港台', 'hk-macau-taiwan'], huanjing: ['环境', 'environment'], jingmao: ['经贸', 'economy'],
        junshiwaijiao: ['军事外交', 'international'], kejiaowen: ['科教文', 'culture'], meiti: ['媒体', 'society'],
        renquanfazhi: ['人权法治', 'human-rights'], shaoshuminzu: ['少数民族', 'human-rights'], shehui: ['社会', 'society'],
        zhengzhi: ['政治', 'china'],
      },
    },
    nytimes: {
      paths: ['^/([^/]+)/[^/]+'],
      sections: {
        china: ['中国', 'china'], 'hk-taiwan': ['港台', 'hk-macau-taiwan'], usa: ['美国', 'usa'], 'asia-pacific': ['亚太', 'asia-pacific'],
        europe: ['欧洲', 'europe'], world: ['国际', 'international'], business: ['商业与经济', 'economy'], 'real-estate': ['房地产', 'economy'],
        technology: ['科技', 'technology'], science: ['科学', 'technology'], health: ['健康', 'health'], education: ['教育', 'society'],
        culture: ['文化', 'culture'], style: ['时尚', 'culture'], travel: ['旅游', 'culture'], lens: ['视野', 'culture'],
        sports: ['体育', 'sports'], opinion: ['观点', null], 'op-ed': ['观点', null], 'morning-brief': ['简报', null], obits: ['讣告', null],
      },
    },
    cna: {
      paths: ['^/news/([^/]+)/[^/]+'],
      sections: {
        acn: ['两岸', 'hk-macau-taiwan'], aipl: ['政治', 'hk-macau-taiwan'], aopl: ['国际', 'international'], afe: ['产经', 'economy'],
        ait: ['科技', 'technology'], asc: ['科技', 'technology'], ahel: ['健康', 'health'], asoc: ['社会', 'society'], aloc: ['地方', 'society'],
        acul: ['文化', 'culture'], amov: ['娱乐', 'culture'], aspt: ['体育', 'sports'], firstnews: ['重点新闻', null],
      },
    },
    zaobao: {
      paths: ['^/[^/]+/([^/]+)/[^/]+'],
      sections: {
        china: ['中国', 'china'], world: ['国际', 'international'], singapore: ['新加坡', 'asia-pacific'], finance: ['财经', 'economy'],
        sports: ['体育', 'sports'],
      },
    },
    economist: {
      paths: ['^/([^/]+)/[^/]+'],
      sections: {
        china: ['中国', 'china'], 'united-states': ['美国', 'usa'], asia: ['亚洲', 'asia-pacific'], britain: ['英国', 'europe'],
        europe: ['欧洲', 'europe'], international: ['国际', 'international'], 'middle-east-and-africa': ['中东和非洲', 'international'],
        'the-americas': ['美洲', 'international'], business: ['商业', 'economy'], 'finance-and-economics': ['财经', 'economy'],
        'economic-and-financial-indicators': ['经济指标', 'economy'], 'science-and-technology': ['科技', 'technology'],
        'technology-quarterly': ['技术季刊', 'technology'], 'books-and-arts': ['文艺', 'culture'], prospero: ['文艺', 'culture'],
        leaders: ['社论', null], briefing: ['简报', null], '1843': ['1843', null], 'christmas-specials': ['圣诞特刊', null],
        podcasts: ['播客', null], 'the-world-this-week': ['本周世界', null], 'graphic-detail': ['图表', null], node: null,
      },
    },
    cctv: { paths: ['^/(xinwenlianbo)/'], sections: { xinwenlianbo: ['新闻联播', 'china'] } },
    // Single-subject outlets: a science-and-technology news site and two human-rights sites.
    solidot: { all: ['科技', 'technology'] },
    bitterwinter: { all: ['宗教与人权', 'human-rights'] },
    wqw: { all: ['维权', 'human-rights'] },
  },
};
