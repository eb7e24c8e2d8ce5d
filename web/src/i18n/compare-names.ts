const collators = new Map<string, Intl.Collator>();

/**
 * Compares names the way a reader of the UI language expects: Chinese by pinyin (`zh-CN-u-co-pinyin`, so 安徽,
 * 北京, 上海 — not by code point), English alphabetically, ignoring case; numbers inside names in numeric order.
 */
export function compareNames(language: string): (a: string, b: string) => number {
  const locale = language.startsWith('zh') ? 'zh-CN-u-co-pinyin' : 'en';
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    collators.set(locale, collator);
  }
  return collator.compare;
}

/** A copy of `items` sorted by the name `nameOf` gives each, in the UI language's order. */
export function sortByName<T>(items: readonly T[], nameOf: (item: T) => string, language: string): T[] {
  const compare = compareNames(language);
  return [...items].sort((a, b) => compare(nameOf(a), nameOf(b)));
}
