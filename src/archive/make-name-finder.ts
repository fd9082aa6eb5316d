/**
 * Finds the place and people names of the taxonomy (TopicDef.names: 白宫, 拜登, 香港, 印尼…) in a
 * folded text, for the topic classifier: each mention is a feature of its topic that the model learns a
 * weight for, not a rule. Names of two or more BMP characters; the longest name starting at a position
 * wins, and matching resumes after it (so 香港 in 香港特首 is not also 港特…). One pass over the text; a
 * character that starts no name costs one typed-array read.
 */
export function makeNameFinder(names: readonly { readonly word: string; readonly topic: number }[]): (text: string, visit: (topic: number) => void) => void {
  const starts = new Uint8Array(0x10000);
  const byFirstTwo = new Map<number, { word: string; topic: number }[]>();
  for (const name of names) {
    if (name.word.length < 2 || /[^\u0000-\uffff]/u.test(name.word)) continue;
    const key = name.word.charCodeAt(0) * 0x10000 + name.word.charCodeAt(1);
    starts[name.word.charCodeAt(0)] = 1;
    const list = byFirstTwo.get(key) ?? [];
    list.push(name);
    list.sort((a, b) => b.word.length - a.word.length || (a.word < b.word ? -1 : 1));
    byFirstTwo.set(key, list);
  }
  return (text, visit) => {
    for (let i = 0; i + 1 < text.length; i++) {
      if (starts[text.charCodeAt(i)] === 0) continue;
      const list = byFirstTwo.get(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1));
      if (list === undefined) continue;
      const found = list.find((n) => text.startsWith(n.word, i));
      if (found === undefined) continue;
      visit(found.topic);
      i += found.word.length - 1;
    }
  };
}
