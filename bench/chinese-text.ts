/** Plausible Chinese news text assembled from a fixed vocabulary, driven by a seeded PRNG. */

export type Rng = () => number;

/** mulberry32: small, fast, good enough for test data; never Math.random. */
export function mulberry32(a: number): Rng {
  let s = a >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WHO = [
  '美国国务院', '白宫发言人', '中国外交部', '法国总统马克龙', '德国总理', '联合国秘书长', '欧盟委员会',
  '日本首相', '韩国国防部', '台湾陆委会', '香港特区政府', '俄罗斯外长', '乌克兰总统', '世界卫生组织',
  '国际货币基金组织', '北约秘书长', '英国首相', '印度总理', '伊朗外交部', '澳大利亚总理', '多名分析人士',
  '当地官员', '知情人士', '人权组织', '反对派领袖', '中国国家统计局', '美联储主席', '欧洲央行',
];
const NAMES = [
  '约翰·柯比（John Kirby）', '安东尼·布林肯（Antony Blinken）', '托马斯-格林菲尔德（Linda Thomas-Greenfield）',
  '库格曼（Michael Kugelman）', '让-伊夫·勒德里昂（Jean-Yves Le Drian）', '乌尔苏拉·冯德莱恩（Ursula von der Leyen）',
];
const VERB = [
  '表示', '指出', '强调', '宣布', '警告说', '呼吁', '批评称', '重申', '透露', '承认', '否认', '证实',
  '在新闻发布会上说', '在声明中表示', '接受采访时说', '周三披露', '周末宣布', '对记者说',
];
const WHAT = [
  '双方将继续推进高层会谈', '新的制裁措施将于下月生效', '疫情仍在多个地区蔓延', '经济增长明显放缓',
  '贸易谈判陷入僵局', '军事演习将按计划举行', '这项法案严重违反国际法', '选举结果将在本周公布',
  '边境局势持续紧张', '供应链问题短期内难以解决', '通货膨胀率创下多年新高', '抗议活动已进入第三周',
  '政府将采取一切必要措施', '有关各方应保持克制', '该国出口连续第五个月下降', '新冠疫苗接种率有所提高',
  '外交关系面临严峻考验', '能源价格大幅上涨', '数千名民众走上街头', '调查仍在进行之中',
  '这一决定引发广泛争议', '当局逮捕了多名示威者', '两国同意恢复对话', '安理会将召开紧急会议',
];
const WHEN = ['周一', '周二', '周三', '周四', '周五', '周末', '当天', '此前', '近日', '本月初', '去年', '上周'];
const WHERE = ['在北京', '在华盛顿', '在巴黎', '在柏林', '在东京', '在首尔', '在台北', '在香港', '在莫斯科', '在基辅', '在布鲁塞尔', '在日内瓦'];
const LINK = ['此外，', '不过，', '与此同时，', '另一方面，', '据报道，', '分析认为，', '值得注意的是，', '他补充说，', ''];
const TOPIC_WORDS = [
  '中美关系', '贸易战', '疫情', '香港', '台海局势', '俄乌战争', '欧盟峰会', '气候变化', '人权', '选举',
  '芯片出口', '能源危机', '朝鲜导弹', '南海', '新疆', '科技巨头', '房地产', '通胀', '难民', '奥运',
];
const TITLE_TAIL = [
  '引发关注', '各方回应', '局势升级', '最新进展', '再度升温', '面临考验', '谈判破裂', '达成协议',
  '专家解读', '官方否认', '数据显示', '继续发酵',
];

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

/** A headline of roughly 12–30 characters. */
export function title(rng: Rng): string {
  const who = pick(rng, WHO);
  const shape = rng();
  if (shape < 0.4) return `${who}：${pick(rng, WHAT)}`;
  if (shape < 0.7) return `${pick(rng, TOPIC_WORDS)}${pick(rng, TITLE_TAIL)} ${who}${pick(rng, VERB)}${pick(rng, WHAT)}`;
  return `${pick(rng, TOPIC_WORDS)}：${pick(rng, WHAT)}，${pick(rng, TITLE_TAIL)}`;
}

/** One sentence ending in 。 */
export function sentence(rng: Rng): string {
  const r = rng();
  const who = r < 0.15 ? pick(rng, NAMES) : pick(rng, WHO);
  const head = `${pick(rng, LINK)}${who}${pick(rng, WHEN)}${rng() < 0.5 ? pick(rng, WHERE) : ''}${pick(rng, VERB)}`;
  if (rng() < 0.3) return `${head}，“${pick(rng, WHAT)}，${pick(rng, WHAT)}”。`;
  return `${head}，${pick(rng, WHAT)}，${pick(rng, WHAT)}。`;
}

/** `<p>` paragraphs whose UTF-8 size adds up to about `targetBytes`. */
export function bodyText(rng: Rng, targetBytes: number): string[] {
  const paragraphs: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const n = 2 + Math.floor(rng() * 5);
    let p = '';
    for (let i = 0; i < n; i++) p += sentence(rng);
    if (rng() < 0.05) p += '&nbsp;';
    const html = `<p>${p}</p>`;
    paragraphs.push(html);
    bytes += Buffer.byteLength(html);
  }
  return paragraphs;
}
