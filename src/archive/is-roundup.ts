import type { Article } from '../article/article.ts';
import { foldHan } from '../text/fold-han.ts';

/**
 * Whether an article is a roundup: one text that tells many unrelated items (a broadcast's daily
 * transcript, a morning briefing, a week's picks, a daily digest). It shares a few words with every
 * event it mentions, so story detection (src/archive/find-stories.ts) would join it, and through it
 * unrelated events, to stories; it keeps roundups out. Recognised by the shape of the headline
 * (`ROUNDUP_SHAPES`, data: add a shape when you meet one), never by outlet.
 *
 *     isRoundup({ title: '2020-07-31 新闻联播 文字版习近平在中央政治局…' }) // true
 *     isRoundup({ title: '简报：中国对假期出行发出警告；疫情记录者张展获刑四年' }) // true
 */
export function isRoundup(article: Pick<Readonly<Article>, 'title'>): boolean {
  const title = foldHan(article.title.trim());
  return ROUNDUP_SHAPES.some(({ pattern }) => pattern.test(title));
}

/** Headline shapes of roundups (matched against the headline folded with foldHan: 简体, ASCII digits). */
export const ROUNDUP_SHAPES: readonly { readonly pattern: RegExp; readonly example: string }[] = [
  // A dated transcript of a whole bulletin: the date, the programme's name, "文字版", then its items' headlines run together.
  { pattern: /^\d{4}-\d{1,2}-\d{1,2}\s*\S{2,10}\s*(?:文字版|全文|文字稿)/, example: '2020-07-31 新闻联播 文字版习近平在中央政治局…' },
  // A briefing: several items' headlines joined by semicolons.
  { pattern: /^(?:简报|早报|晚报|午报|新闻简报|要闻速递)\s*[:：|｜]/, example: '简报：嫦娥五号在月球着陆；北约研究如何应对中俄挑战' },
  // The week's picks: a list of headlines "and more stories of the week".
  { pattern: /(?:和|与|及)(?:本周|本月|今日)?更多.{0,4}(?:故事|新闻|报道)$/, example: '中共五中全会、美国大选、对台军售和本周更多好故事' },
  // A week or day in review.
  { pattern: /一周回顾|一周要闻|每日要闻|今日要闻/, example: '中国重要财经新闻一周回顾' },
  // A daily digest named by its date.
  { pattern: /最新情报\s*\d{1,2}\/\d{1,2}$/, example: '武汉肺炎全球最新情报11/24' },
];
