/**
 * Named things of a text that CJK bigrams miss or blur: numbers that name an event ("53", "273",
 * "2500") and quoted names (《苹果日报》, 「国安法」, “间谍中心”). Give it folded text (foldHan) so
 * 「國安法」 and “国安法” give the same key. Keys carry a prefix, so they never collide with words:
 * `#53` for a number, `"国安法` for a quoted name.
 *
 * A number is a run of two or more digits (thousands separators dropped: 1,500 → 1500) that is not a
 * calendar or clock part (2020年, 8月, 10日, 18:30, 2020-08-10): dates say when, not what. A quoted
 * name is 2–16 characters between 《》, 「」, 『』, “” or "" (longer quotes are sentences, not names).
 *
 *     namedThings('警方拘捕53人，《苹果日报》称“大抓捕”，8月10日') // ['#53', '"苹果日报', '"大抓捕']
 */
export function namedThings(text: string): string[] {
  const found: string[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m !== null; m = NUMBER.exec(text)) {
    const after = text[m.index + m[0].length] ?? '';
    const before = text[m.index - 1] ?? '';
    if (CALENDAR_AFTER.includes(after) || before === ':' || before === '-' || before === '/' || before === '.') continue;
    const digits = m[0].replaceAll(',', '');
    if (digits.length >= 2) found.push(`#${digits}`);
  }
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(text); m !== null; m = QUOTED.exec(text)) {
    const name = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').trim();
    if (name.length >= 2) found.push(`"${name}`);
  }
  return found;
}

/** Digits with optional thousands separators, not part of a longer number, decimal or word. */
const NUMBER = /(?<![\d.,A-Za-z])\d{1,3}(?:,\d{3})+(?![\d.])|(?<![\d.A-Za-z])\d+(?![\d.,:\-/]|[A-Za-z])/g;
const CALENDAR_AFTER = '年月日时時点點号號分秒:：-/';
const QUOTED = /《([^《》\n]{2,16})》|「([^「」\n]{2,16})」|『([^『』\n]{2,16})』|“([^“”\n]{2,16})”|"([^"\n]{2,16})"/g;
