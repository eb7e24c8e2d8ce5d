/**
 * The parts of a job posting: what the job is (duties), what it asks of a person (requirements), and everything
 * else a posting carries (benefits and pay, schedule and place, the company's blurb, how to apply). Only duties and
 * requirements are demand; the rest must never be linked as a competency the labour market asks for.
 */

/** What a part of a posting is about. `unsectioned`: text before any heading, or a posting without headings. */
export type PostingSectionKind =
  'duties' | 'requirements' | 'benefits' | 'company' | 'contact' | 'schedule' | 'unsectioned';

/** One part of a posting: `[start, end)` indexes the posting text; the heading line (if any) is not inside it. */
export interface PostingSection {
  readonly kind: PostingSectionKind;
  /** The heading as written (decorations removed), or null for `unsectioned` text. */
  readonly heading: string | null;
  readonly start: number;
  readonly end: number;
}

/** The kinds of section whose text is labour-market demand. */
export const DEMAND_SECTION_KINDS: ReadonlySet<PostingSectionKind> = new Set(['duties', 'requirements', 'unsectioned']);

// Heading vocabulary: the words postings put above a section, longest first within a kind does not matter because
// the whole (decoration-free) heading must be one of them.
const HEADINGS: readonly (readonly [PostingSectionKind, readonly string[]])[] = [
  [
    'duties',
    [
      '岗位职责',
      '工作职责',
      '职位职责',
      '主要职责',
      '职责描述',
      '岗位描述',
      '职位描述',
      '工作内容',
      '岗位内容',
      '工作描述',
      '职责',
      '你将负责',
      '你要做的',
      '你的工作',
      'responsibilities',
      'key responsibilities',
      'main responsibilities',
      'duties',
      'job description',
      'role description',
      'what you will do',
      "what you'll do",
      'your role',
      'the role',
      'your tasks',
      'tasks',
    ],
  ],
  [
    'requirements',
    [
      '任职要求',
      '岗位要求',
      '任职资格',
      '职位要求',
      '岗位资格',
      '招聘要求',
      '应聘要求',
      '任职条件',
      '应聘条件',
      '技能要求',
      '资格要求',
      '能力要求',
      '要求',
      '我们希望你',
      '希望你',
      '加分项',
      'requirements',
      'job requirements',
      'qualifications',
      'preferred qualifications',
      'minimum qualifications',
      'your profile',
      'profile',
      'who you are',
      "what we're looking for",
      'what we are looking for',
      'skills',
      'must have',
      'nice to have',
      'bonus points',
    ],
  ],
  [
    'benefits',
    [
      '福利待遇',
      '薪资待遇',
      '薪酬福利',
      '薪资福利',
      '工资待遇',
      '薪酬待遇',
      '公司福利',
      '员工福利',
      '职位福利',
      '岗位福利',
      '福利',
      '待遇',
      '薪资',
      '薪酬',
      '工资',
      '月薪',
      '我们提供',
      '你将获得',
      'benefits',
      'perks',
      'perks and benefits',
      'what we offer',
      'we offer',
      'compensation',
      'salary',
      'pay',
    ],
  ],
  [
    'company',
    [
      '公司介绍',
      '公司简介',
      '企业简介',
      '企业介绍',
      '公司概况',
      '关于我们',
      '关于公司',
      '公司信息',
      'about us',
      'about the company',
      'company profile',
      'company',
      'who we are',
    ],
  ],
  [
    'contact',
    [
      '联系方式',
      '联系我们',
      '联系人',
      '联系电话',
      '简历投递',
      '投递方式',
      '应聘方式',
      '投递邮箱',
      '邮箱',
      'contact',
      'how to apply',
      'apply',
    ],
  ],
  [
    'schedule',
    [
      '工作时间',
      '上班时间',
      '工作地点',
      '上班地点',
      '工作地址',
      '工作安排',
      'working hours',
      'work schedule',
      'schedule',
      'location',
      'work location',
    ],
  ],
];

const HEADING_KIND = new Map<string, PostingSectionKind>(
  HEADINGS.flatMap(([kind, words]) => words.map((word) => [word, kind] as const)),
);
const LONGEST_HEADING = Math.max(...[...HEADING_KIND.keys()].map((word) => word.length));

// Decorations around a heading: brackets, markdown, bullets, and section numbers (一、 / （一） / 1. / 1、 / Part 1:).
const LEADING =
  /^(?:[#*>\s■□●○◆◇▲△★☆▶►•·\-—]+|[（(]?[一二三四五六七八九十]+[）)、.．]\s*|[（(]?\d{1,2}[）)、.．:：]\s*)+/u;
const BRACKETS = /^[【[〖〔<《「『]\s*(.+?)\s*[】\]〗〕>》」』]/u;
const SEPARATOR = /^\s*[:：]\s*/u;

/**
 * Recognises a heading at the start of a line. Returns its kind, the heading text and where the line's own content
 * begins (after `：`) when the line is a heading — on its own (`岗位职责：`, `【任职要求】`, `二、福利待遇`,
 * `**Requirements**`, `Responsibilities`) or inline (`薪资待遇：8000-12000元/月`). Null for any other line.
 */
export function recognizeHeading(
  line: string,
): { kind: PostingSectionKind; heading: string; contentOffset: number } | null {
  let rest = line;
  let offset = 0;
  const skip = (length: number) => {
    rest = rest.slice(length);
    offset += length;
  };
  const leading = LEADING.exec(rest);
  if (leading) skip(leading[0].length);
  const bracketed = BRACKETS.exec(rest);
  let candidate: string;
  if (bracketed) {
    candidate = bracketed[1]!;
    skip(bracketed[0].length);
  } else {
    // The longest heading word the line starts with, followed by the end of the line or a colon.
    const lower = rest.toLowerCase().replace(/\*+/g, '');
    let found: string | null = null;
    for (let length = Math.min(LONGEST_HEADING, lower.length); length >= 2 && found === null; length--) {
      const prefix = lower.slice(0, length).trim();
      if (HEADING_KIND.has(prefix)) found = prefix;
    }
    if (found === null) return null;
    const raw = rest.match(/^[*\s]*/)![0].length;
    candidate = rest.slice(raw, raw + found.length);
    skip(raw + found.length);
    rest = rest.replace(/^\*+/, (stars) => {
      offset += stars.length;
      return '';
    });
    const after = rest.trim();
    if (after !== '' && !SEPARATOR.test(rest)) return null; // a sentence that merely starts with the word
    if (after === '' && /^[a-z]/u.test(candidate) && line.trim().length > candidate.length + 6) return null;
  }
  const kind = HEADING_KIND.get(
    candidate
      .toLowerCase()
      .replace(/[:：*\s]+$/u, '')
      .trim(),
  );
  if (!kind) return null;
  const separator = SEPARATOR.exec(rest);
  if (separator) skip(separator[0].length);
  return { kind, heading: candidate.trim(), contentOffset: offset };
}

/**
 * Splits a posting into its sections, in text order, covering every character of the text outside heading words.
 * A posting without any heading is one `unsectioned` section.
 */
export function splitPostingSections(text: string): PostingSection[] {
  const sections: PostingSection[] = [];
  let current: { kind: PostingSectionKind; heading: string | null; start: number } = {
    kind: 'unsectioned',
    heading: null,
    start: 0,
  };
  let position = 0;
  for (const line of text.split('\n')) {
    const heading = line.length <= 200 ? recognizeHeading(line) : null;
    if (heading) {
      if (position > current.start) sections.push({ ...current, end: position });
      current = { kind: heading.kind, heading: heading.heading, start: position + heading.contentOffset };
    }
    position += line.length + 1;
  }
  const end = text.length;
  if (end > current.start || sections.length === 0) sections.push({ ...current, end: Math.max(end, current.start) });
  return sections.filter((section) => section.end > section.start || sections.length === 1);
}
