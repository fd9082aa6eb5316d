/**
 * Regional spellings of the same names, one form each (after foldHan): Taiwan and Hong Kong media
 * transliterate foreign names and places differently from the mainland (川普 / 特朗普, 蓬佩奥 /
 * 庞佩奥, 休士顿 / 休斯敦, 纽西兰 / 新西兰). Two reports of one event in two regions' spellings
 * otherwise share none of the words that name it. Data, not rules: add a pair when you meet one.
 * Not length-preserving: use it where terms are extracted, not where offsets matter.
 *
 *     foldNames(foldHan('川普與蒲亭通話')) // '特朗普与普京通话'
 */
export function foldNames(folded: string): string {
  return PATTERN.test(folded) ? folded.replace(PATTERN_ALL, (m) => NAME_FORMS.get(m) ?? m) : folded;
}

/** Variant (folded with foldHan) → the form used instead. */
export const NAME_FORMS: ReadonlyMap<string, string> = new Map([
  // People
  ['川普', '特朗普'],
  ['庞佩奥', '蓬佩奥'],
  ['庞皮欧', '蓬佩奥'],
  ['蒲亭', '普京'],
  ['普丁', '普京'],
  ['梅克尔', '默克尔'],
  ['马克宏', '马克龙'],
  ['贺锦丽', '哈里斯'],
  ['欧巴马', '奥巴马'],
  ['柯林顿', '克林顿'],
  ['强森', '约翰逊'],
  ['纳瓦尼', '纳瓦尔尼'],
  ['纳瓦利内', '纳瓦尔尼'],
  ['卢卡申柯', '卢卡申科'],
  ['艾尔多安', '埃尔多安'],
  ['杜特蒂', '杜特尔特'],
  ['翁山苏姬', '昂山素季'],
  ['麦康诺', '麦康奈尔'],
  ['裴洛西', '佩洛西'],
  ['波索纳洛', '博索纳罗'],
  ['泽伦斯基', '泽连斯基'],
  ['艾萨', '阿扎尔'],
  ['阿札尔', '阿扎尔'],
  // Places
  ['休士顿', '休斯敦'],
  ['休斯顿', '休斯敦'],
  ['纽西兰', '新西兰'],
  ['义大利', '意大利'],
  ['雪梨', '悉尼'],
  ['寮国', '老挝'],
  ['沙乌地', '沙特'],
  ['乔治亚州', '佐治亚州'],
  ['宾州', '宾夕法尼亚州'],
  ['肯亚', '肯尼亚'],
  ['奈及利亚', '尼日利亚'],
  ['亚塞拜然', '阿塞拜疆'],
  ['葛摩', '科摩罗'],
  ['波士尼亚', '波斯尼亚'],
  ['克罗埃西亚', '克罗地亚'],
  ['白俄', '白俄罗斯'],
  // Things
  ['武汉肺炎', '新冠肺炎'],
  ['covid-19', '新冠'],
  ['冠病', '新冠'],
  ['新冠病毒', '新冠'],
  ['冠状病毒', '新冠'],
]);

const ALTERNATIVES = [...NAME_FORMS.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'));
const PATTERN = new RegExp(ALTERNATIVES.join('|'));
const PATTERN_ALL = new RegExp(ALTERNATIVES.join('|'), 'g');
