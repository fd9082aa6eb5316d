import { foldHan } from '../text/fold-han.ts';

/** Characters of body text the topic classifier reads after the title (the lead is where the subject is). */
export const TOPIC_BODY_CHARS = 800;

/**
 * What the topic classifier (src/archive/place-topics.ts) reads of an article: the title, a newline,
 * then the first TOPIC_BODY_CHARS of the text (the lead when there is no text), both folded with
 * foldHan so 臺灣 and 台湾 match. Computed while parsing, so it is cached with the parse result and
 * an add-one rebuild does not fold every article again.
 */
export function topicText(title: string, text: string, lead: string): string {
  return `${foldHan(title.replace(/\n/g, ' '))}\n${foldHan((text || lead).slice(0, TOPIC_BODY_CHARS))}`;
}
