import { normalizeTerm } from '../taxonomy/normalize-term.js';

/**
 * Which curated posts a catalogue specialty (专业) probably serves, best first, each with the reason in both
 * languages: a college maps its specialties to posts by hand, and this gives it a starting point.
 *
 * Signals, all from text the catalogue and the posts already carry:
 * - name (55 %): character-bigram Dice between the specialty's name (and its direction, the part in brackets) and
 *   the post's title, aliases and sub-sector (the best of them);
 * - scenes (25 %): the share of the name's bigrams found in the post's job scenes (names, descriptions, tasks);
 * - class (10 %): Dice between the catalogue class name (专业类, without 类) and the same post fields;
 * - occupation (10 %): the post shares a 2022 occupation-classification middle group (中类, e.g. `4-04`) with a post
 *   the specialty already serves.
 */

export interface PostToSuggest {
  id: string;
  titleZh: string;
  titleEn: string;
  aliasesZh: readonly string[];
  subSectorZh: string;
  /** Job-scene names, descriptions and tasks in Chinese. */
  sceneTexts: readonly string[];
  /** 职业分类大典 2022 codes, e.g. `4-04-05`. */
  cn2022: readonly string[];
}

export interface SpecialtyToSuggest {
  nameZh: string;
  /** 专业类, e.g. 计算机类; null when the catalogue is not imported. */
  className: string | null;
  /** Post ids the specialty serves already. */
  servedPosts: readonly string[];
}

export interface PostSuggestion {
  postId: string;
  /** 0–1, rounded to 3 places. */
  score: number;
  reasonZh: string;
  reasonEn: string;
}

const WEIGHTS = { name: 0.55, scenes: 0.25, className: 0.1, occupation: 0.1 } as const;
const MIN_SCORE = 0.05;

function bigrams(text: string): Set<string> {
  const chars = [...normalizeTerm(text).replace(/[^\p{L}\p{N}]+/gu, '')];
  const out = new Set<string>();
  if (chars.length === 1) out.add(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** The name and, separately, its direction: 软件技术（软件测试方向） → 软件技术（软件测试方向）, 软件测试. */
function nameVariants(name: string): string[] {
  const variants = [name];
  const direction = /[（(]([^）)]+)[）)]/u.exec(name)?.[1];
  if (direction) variants.push(direction.replace(/方向$/u, ''), name.replace(/[（(][^）)]*[）)]/gu, ''));
  return variants.filter((variant) => variant.trim() !== '');
}

function middleGroup(code: string): string | null {
  return /^\d-\d{2}/.exec(code)?.[0] ?? null;
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** Ranks the posts for one specialty; posts with no signal at all are left out. At most `limit` suggestions. */
export function suggestSpecialtyPosts(
  specialty: SpecialtyToSuggest,
  posts: readonly PostToSuggest[],
  limit = 8,
): PostSuggestion[] {
  const names = nameVariants(specialty.nameZh).map(bigrams);
  const nameGrams = bigrams(specialty.nameZh.replace(/[（(]|[）)]|方向/gu, ''));
  const className = specialty.className ? bigrams(specialty.className.replace(/类$/u, '')) : null;
  const served = new Set(specialty.servedPosts);
  const servedGroups = new Set(
    posts
      .filter((post) => served.has(post.id))
      .flatMap((post) => post.cn2022.map(middleGroup).filter((group): group is string => group !== null)),
  );
  const suggestions: (PostSuggestion & { order: number })[] = [];
  posts.forEach((post, order) => {
    const fields = [
      { text: post.titleZh, zh: '岗位名称', en: 'post title' },
      ...post.aliasesZh.map((text) => ({ text, zh: '岗位别名', en: 'post alias' })),
      { text: post.subSectorZh, zh: '细分领域', en: 'sub-sector' },
    ].map((field) => ({ ...field, grams: bigrams(field.text) }));
    let best = { value: 0, field: fields[0]! };
    for (const field of fields) {
      for (const name of names) {
        const value = dice(name, field.grams);
        if (value > best.value) best = { value, field };
      }
    }
    const sceneGrams = bigrams(post.sceneTexts.join(''));
    let found = 0;
    for (const gram of nameGrams) if (sceneGrams.has(gram)) found++;
    const scenes = nameGrams.size > 0 ? found / nameGrams.size : 0;
    const classScore = className ? Math.max(0, ...fields.map((field) => dice(className, field.grams))) : 0;
    const shared = served.has(post.id)
      ? null
      : (post.cn2022.map(middleGroup).find((group) => group !== null && servedGroups.has(group)) ?? null);
    const score =
      WEIGHTS.name * best.value +
      WEIGHTS.scenes * scenes +
      WEIGHTS.className * classScore +
      WEIGHTS.occupation * (shared ? 1 : 0);
    if (score < MIN_SCORE) return;
    const zh: string[] = [];
    const en: string[] = [];
    if (best.value > 0) {
      zh.push(`专业名称与${best.field.zh}“${best.field.text}”相近（${percent(best.value)}）`);
      en.push(`the name is close to the ${best.field.en} “${best.field.text}” (${percent(best.value)})`);
    }
    if (scenes > 0) {
      zh.push(`岗位工作场景包含专业名称 ${percent(scenes)} 的字词`);
      en.push(`the post’s job scenes contain ${percent(scenes)} of the name’s character pairs`);
    }
    if (classScore > 0 && specialty.className) {
      zh.push(`与专业类“${specialty.className}”相符（${percent(classScore)}）`);
      en.push(`it matches the catalogue class “${specialty.className}” (${percent(classScore)})`);
    }
    if (shared) {
      zh.push(`与已对应岗位同属职业分类大典 ${shared} 中类`);
      en.push(`it shares the occupation group ${shared} (2022 classification) with posts the specialty already serves`);
    }
    const reasonEn = en.join('; ');
    suggestions.push({
      postId: post.id,
      score: Math.round(score * 1000) / 1000,
      reasonZh: `${zh.join('；')}。`,
      reasonEn: `${reasonEn.charAt(0).toUpperCase()}${reasonEn.slice(1)}.`,
      order,
    });
  });
  return suggestions
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map(({ order: _order, ...suggestion }) => suggestion);
}
