import { PROFESSIONAL_QUALITY_AREA, type CourseArea } from './course-library.js';
import type { ElectiveKind } from './course-system.js';

type TitleBucket =
  | { kind: 'platform' }
  | { kind: 'module'; post: string }
  | { kind: 'elective'; electiveKind: ElectiveKind; post: string | null };

export interface BilingualTitle {
  zh: string;
  en: string;
}

/**
 * The title of a course no library course matched: its knowledge area and what the course is for — a platform
 * course teaches the area's fundamentals (X基础), a module course its practice (X实务), an elective its topics
 * (X专题). Without a known area, the post (or the group) names it. Never a competency list, never an id.
 */
export function synthesizedTitle(
  area: CourseArea | null,
  bucket: TitleBucket,
  post: { zh: (id: string) => string; en: (id: string) => string },
): BilingualTitle {
  if (area?.id === PROFESSIONAL_QUALITY_AREA) {
    return { zh: '职业素养综合训练', en: 'Professional Conduct Workshop' };
  }
  if (area) {
    switch (bucket.kind) {
      case 'platform':
        return { zh: `${area.titleZh}基础`, en: `${area.titleEn} Fundamentals` };
      case 'module':
        return { zh: `${area.titleZh}实务`, en: `${area.titleEn} in Practice` };
      case 'elective':
        return { zh: `${area.titleZh}专题`, en: `Topics in ${area.titleEn}` };
    }
  }
  switch (bucket.kind) {
    case 'platform':
      return { zh: '专业群平台课程', en: 'Group Platform Course' };
    case 'module':
      return { zh: `${post.zh(bucket.post)}岗位课程`, en: `${post.en(bucket.post)} Post Course` };
    case 'elective':
      return bucket.post
        ? { zh: `${post.zh(bucket.post)}拓展课程`, en: `${post.en(bucket.post)} Extension Course` }
        : { zh: '专业群拓展课程', en: 'Group Elective Course' };
  }
}

/**
 * A title not yet used in the course system: a second course of the same name is told apart by the post it
 * serves (软件测试基础（云计算运维工程师）), else numbered （二）, （三）….
 */
export function uniqueTitle(title: BilingualTitle, used: Set<string>, post: BilingualTitle | null): BilingualTitle {
  const candidates: BilingualTitle[] = [title];
  if (post) candidates.push({ zh: `${title.zh}（${post.zh}）`, en: `${title.en} (${post.en})` });
  for (let n = 2; n <= 99; n++)
    candidates.push({ zh: `${title.zh}（${chineseNumeral(n)}）`, en: `${title.en} ${roman(n)}` });
  const free = candidates.find((candidate) => !used.has(candidate.zh)) ?? title;
  used.add(free.zh);
  return free;
}

function chineseNumeral(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}

function roman(n: number): string {
  const numerals: [number, string][] = [
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, symbol] of numerals) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}
