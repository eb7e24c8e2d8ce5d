/**
 * A bilingual label in reading order: the UI language first, the other one second (null when absent or the
 * same). With Chinese as the UI language: Chinese, then English; English alone when there is no Chinese.
 */
export function labelsInOrder(
  zh: string | null | undefined,
  en: string | null | undefined,
  language: string,
): [string, string | null] {
  const [first, second] = language === 'en' ? [en, zh] : [zh, en];
  const primary = first || second || '';
  const secondary = first && second && second !== first ? second : null;
  return [primary, secondary];
}

/** The label in the UI language, the other one when missing, the id when there is neither. */
export function primaryLabel(
  item: { id?: string; labelZh: string | null; labelEn: string | null },
  language: string,
): string {
  return labelsInOrder(item.labelZh, item.labelEn, language)[0] || item.id || '';
}

/** A list in the UI language's way (“、” in Chinese, “, ” in English). */
export function joinList(items: readonly string[], language: string): string {
  return items.join(language === 'en' ? ', ' : '、');
}
