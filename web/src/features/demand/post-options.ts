import { compareNames } from '../../i18n/compare-names.js';
import { labelsInOrder } from '../taxonomy/bilingual.js';

export interface PostOption {
  value: string;
  label: string;
  /** What a search matches: both titles, the id, the aliases. */
  search: string;
  secondary: string | null;
}

interface PostLike {
  id: string;
  titleZh: string;
  titleEn: string;
  aliasesZh: readonly string[];
  aliasesEn: readonly string[];
}

/** Options of a post select: the title in the UI language first, the other below, sorted as that language reads. */
export function postOptions(posts: readonly PostLike[], language: string): PostOption[] {
  const compare = compareNames(language);
  return posts
    .map((post): PostOption => {
      const [primary, secondary] = labelsInOrder(post.titleZh, post.titleEn, language);
      return {
        value: post.id,
        label: primary,
        search: `${post.titleZh} ${post.titleEn} ${post.id} ${post.aliasesZh.join(' ')} ${post.aliasesEn.join(' ')}`,
        secondary,
      };
    })
    .sort((a, b) => compare(a.label, b.label));
}

/** Whether an option matches what the person typed (any title, alias or id, ignoring case). */
export function matchesPostOption(input: string, option: PostOption | undefined): boolean {
  return (option?.search ?? '').toLowerCase().includes(input.trim().toLowerCase());
}
