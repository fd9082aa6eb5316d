/** CJK ideographs, kana and hangul, read at about 400 characters a minute. */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/gu;
const CJK_PER_MINUTE = 400;
const WORDS_PER_MINUTE = 200;

/** Reading time in whole minutes (at least 1): CJK characters at ~400/min plus Latin-script words at ~200/min. */
export function readingMinutes(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text.replace(CJK, ' ').match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  return Math.max(1, Math.round(cjk / CJK_PER_MINUTE + words / WORDS_PER_MINUTE));
}
