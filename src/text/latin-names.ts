/**
 * The Latin words of a text that look like names, lowercased: written capitalized somewhere other
 * than at the start of a sentence (Biden, Huawei, TikTok, Hong Kong), or in capitals (COVID, WHO,
 * NBA). In Chinese articles they are the names of people, places and firms; in the few English ones
 * they keep ordinary words ("your", "listen", "story") from making two unrelated articles alike.
 *
 *     latinNames('Listen to this story. Joe Biden met WHO officials in Hong Kong.') // Set {'joe', 'biden', 'who', 'hong', 'kong'}
 */
export function latinNames(text: string): Set<string> {
  const names = new Set<string>();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const word = m[0];
    const first = word.charCodeAt(0);
    if (first < 65 || first > 90) continue; // not capitalized
    const capitals = word.length >= 2 && word === word.toUpperCase();
    if (capitals || !startsSentence(text, m.index)) names.add(word.toLowerCase());
  }
  return names;
}

const WORD = /[A-Za-z][A-Za-z0-9]*/g;

/** Whether the word at `at` opens the text or a sentence (after . ! ? 。！？ and spaces or quotes). */
function startsSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /[\s"'“‘(（]/.test(text[i]!)) i--;
  return i < 0 || /[.!?。！？:：—–]/.test(text[i]!);
}
