import { formatCredits } from './training-plan.js';
import {
  MINIMUM_ELECTIVE_SHARE,
  MINIMUM_TOTAL_HOURS,
  planTotals,
  type PlanTotals,
  type TrainingPlanFigures,
} from './training-plan-figures.js';

/**
 * The rules of 教育部《关于职业院校专业人才培养方案制订与实施工作的指导意见》(教职成〔2019〕13号) that a Talent
 * Training Plan's figures can be checked against, and one of our own (every sum the text states equals the
 * tables; nothing left for the college to fill in). Pure: figures and texts in, one result per rule out.
 */
export const PLAN_RULE_IDS = [
  'total-hours',
  'public-share',
  'elective-share',
  'practice-share',
  'internship',
  'hours-per-credit',
  'text-sums',
  'college-fill',
] as const;
export type PlanRuleId = (typeof PLAN_RULE_IDS)[number];

export interface PlanRuleResult {
  id: PlanRuleId;
  labelZh: string;
  labelEn: string;
  requiredZh: string;
  requiredEn: string;
  actualZh: string;
  actualEn: string;
  passed: boolean;
  explanationZh: string;
  explanationEn: string;
}

/** The mark a drafted text leaves where only the college knows the answer. */
export const COLLEGE_FILL_MARK = '待学校填写';

/** 岗位实习 一般为6个月: 24 teaching weeks, accepted from 22 to 28 weeks (5–7 months). */
export const INTERNSHIP_WEEKS_RANGE = { min: 22, max: 28 } as const;
/** 一般以16～18学时计为1个学分. */
export const HOURS_PER_CREDIT_RANGE = { min: 16, max: 18 } as const;

const percent = (value: number) => `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** A figure stated in a section's text, with what the tables say it must be. */
interface Statement {
  labelZh: string;
  labelEn: string;
  pattern: RegExp;
  expected: (totals: PlanTotals) => number;
}

const NUMBER = String.raw`(\d[\d,，]*(?:\.\d+)?)`;
const STATEMENTS: readonly Statement[] = [
  { labelZh: '总学时', labelEn: 'total hours', pattern: new RegExp(`总学时${NUMBER}`, 'gu'), expected: (t) => t.hours },
  {
    labelZh: '总学分',
    labelEn: 'total credits',
    pattern: new RegExp(`总学分${NUMBER}`, 'gu'),
    expected: (t) => t.credits,
  },
  {
    labelZh: '毕业学分',
    labelEn: 'credits to graduate',
    pattern: new RegExp(`修满[^0-9。；]{0,12}?${NUMBER}学分`, 'gu'),
    expected: (t) => t.credits,
  },
  {
    labelZh: '必修课学分',
    labelEn: 'required credits',
    pattern: new RegExp(`必修课[^0-9。；]{0,30}?${NUMBER}学分`, 'gu'),
    expected: (t) => t.requiredCredits,
  },
  {
    labelZh: '选修课最低学分',
    labelEn: 'minimum elective credits',
    pattern: new RegExp(`选修课不少于${NUMBER}学分`, 'gu'),
    expected: (t) => t.electiveCredits,
  },
  {
    labelZh: '公共基础课学时',
    labelEn: 'public-course hours',
    pattern: new RegExp(`公共基础课${NUMBER}学时`, 'gu'),
    expected: (t) => t.publicHours,
  },
  {
    labelZh: '选修课学时',
    labelEn: 'elective hours',
    pattern: new RegExp(`选修课${NUMBER}学时`, 'gu'),
    expected: (t) => t.electiveHours,
  },
  {
    labelZh: '实践性教学学时',
    labelEn: 'practice hours',
    pattern: new RegExp(`实践性教学${NUMBER}学时`, 'gu'),
    expected: (t) => t.practiceHours,
  },
  {
    labelZh: '岗位实习周数',
    labelEn: 'placement weeks',
    pattern: new RegExp(`岗位实习${NUMBER}周`, 'gu'),
    expected: (t) => t.internshipWeeks,
  },
];

const parse = (text: string) => Number(text.replace(/[,，]/g, ''));

/** Every figure the texts state that differs from the tables, and the graduation sentence's own sum. */
export function textSumMismatches(
  sections: readonly { titleZh: string; text: string }[],
  totals: PlanTotals,
): { checked: number; mismatchesZh: string[]; mismatchesEn: string[] } {
  let checked = 0;
  const mismatchesZh: string[] = [];
  const mismatchesEn: string[] = [];
  for (const section of sections) {
    for (const statement of STATEMENTS) {
      for (const match of section.text.matchAll(statement.pattern)) {
        checked += 1;
        const stated = parse(match[1]!);
        const expected = statement.expected(totals);
        if (Math.abs(stated - expected) > 0.05) {
          mismatchesZh.push(
            `「${section.titleZh}」写${statement.labelZh}${match[1]}，表中为${formatCredits(expected)}`,
          );
          mismatchesEn.push(
            `"${section.titleZh}" states ${statement.labelEn} ${match[1]}, the tables ${formatCredits(expected)}`,
          );
        }
      }
    }
    // 修满C学分，其中必修课R学分、选修课不少于E学分: R + E must be C, whatever the tables say.
    const graduation = new RegExp(
      `修满[^0-9。；]{0,12}?${NUMBER}学分[^。]*?必修课[^0-9。；]{0,30}?${NUMBER}学分[^。]*?选修课不少于${NUMBER}学分`,
      'gu',
    );
    for (const match of section.text.matchAll(graduation)) {
      checked += 1;
      const [total, required, elective] = [match[1]!, match[2]!, match[3]!].map(parse) as [number, number, number];
      if (Math.abs(required + elective - total) > 0.05) {
        mismatchesZh.push(`「${section.titleZh}」：必修${match[2]} + 选修${match[3]} ≠ ${match[1]}学分`);
        mismatchesEn.push(`"${section.titleZh}": required ${match[2]} + elective ${match[3]} ≠ ${match[1]} credits`);
      }
    }
  }
  return { checked, mismatchesZh, mismatchesEn };
}

/**
 * Checks a plan version: its figures (what the tables print) and its section texts (as edited). A three-year
 * plan is one of 6 semesters (5 or 7 round to 3 years too); the 2,500-hour floor applies to those only.
 */
export function checkPlanRules(
  figures: TrainingPlanFigures,
  sections: readonly { titleZh: string; titleEn?: string; text: string }[],
): PlanRuleResult[] {
  const totals = planTotals(figures);
  const years = Math.round(figures.semesters / 2);
  const results: PlanRuleResult[] = [];

  const threeYear = years === 3;
  results.push({
    id: 'total-hours',
    labelZh: '三年制高职总学时',
    labelEn: 'Total hours of a three-year programme',
    requiredZh: threeYear ? `不低于${MINIMUM_TOTAL_HOURS}学时` : `不适用（${years}年制）`,
    requiredEn: threeYear ? `at least ${MINIMUM_TOTAL_HOURS} hours` : `not applicable (${years}-year programme)`,
    actualZh: `${totals.hours}学时`,
    actualEn: `${totals.hours} hours`,
    passed: !threeYear || totals.hours >= MINIMUM_TOTAL_HOURS,
    explanationZh: threeYear
      ? `必修课${totals.requiredHours}学时（含岗位实习${totals.internshipHours}学时）加最低选修${totals.electiveHours}学时。` +
        (totals.hours >= MINIMUM_TOTAL_HOURS
          ? ''
          : `尚差${MINIMUM_TOTAL_HOURS - totals.hours}学时：学校需增设公共基础课或选修课。`)
      : '教职成〔2019〕13号的2500学时下限针对三年制高职。',
    explanationEn: threeYear
      ? `${totals.requiredHours} required hours (placement ${totals.internshipHours} included) plus the minimum ${totals.electiveHours} elective hours.` +
        (totals.hours >= MINIMUM_TOTAL_HOURS
          ? ''
          : ` ${MINIMUM_TOTAL_HOURS - totals.hours} hours short: the college adds public or elective courses.`)
      : 'The 2,500-hour floor of 教职成〔2019〕13号 is for three-year programmes.',
  });

  const publicShare = share(totals.publicHours, totals.hours);
  results.push({
    id: 'public-share',
    labelZh: '公共基础课学时占比',
    labelEn: 'Share of public foundation courses',
    requiredZh: '不少于总学时的1/4',
    requiredEn: 'at least 1/4 of the hours',
    actualZh: `${totals.publicHours}学时，占${percent(publicShare)}`,
    actualEn: `${totals.publicHours} hours, ${percent(publicShare)}`,
    passed: totals.hours > 0 && totals.publicHours * 4 >= totals.hours,
    explanationZh:
      totals.publicHours * 4 >= totals.hours && totals.hours > 0
        ? `公共基础课${totals.byKind.public.courses}门由学校开设。`
        : `公共基础课由学校开设：还需${Math.max(0, Math.ceil(totals.hours / 4 - totals.publicHours))}学时以上（如思想政治理论、体育、军事理论、心理健康教育、创新创业教育、劳动教育等），在课程体系的“公共课”中补充后以“新版本（按数据刷新）”重新起草。`,
    explanationEn:
      totals.publicHours * 4 >= totals.hours && totals.hours > 0
        ? `${totals.byKind.public.courses} public courses, declared by the college.`
        : `Public courses are the college’s: at least ${Math.max(0, Math.ceil(totals.hours / 4 - totals.publicHours))} more hours are needed (ideology and politics, PE, military theory, mental health, innovation, labour education…); add them to the course system’s public courses, then start a refreshed version.`,
  });

  const electiveShare = share(totals.electiveHours, totals.hours);
  const electiveOk = totals.hours > 0 && electiveShare >= MINIMUM_ELECTIVE_SHARE - 1e-9;
  results.push({
    id: 'elective-share',
    labelZh: '选修课学时占比',
    labelEn: 'Share of electives',
    requiredZh: '不少于总学时的10%',
    requiredEn: 'at least 10 % of the hours',
    actualZh: `最低选修${formatCredits(totals.electiveCredits)}学分、${totals.electiveHours}学时，占${percent(electiveShare)}`,
    actualEn: `minimum ${formatCredits(totals.electiveCredits)} elective credits, ${totals.electiveHours} hours, ${percent(electiveShare)}`,
    passed: electiveOk,
    explanationZh: electiveOk
      ? `开设选修课${totals.byKind.elective.courses}门，学生至少修读${formatCredits(totals.electiveCredits)}学分。`
      : `开设的选修课不足（${totals.byKind.elective.courses}门）：学校需增开选修课（含公共选修课）。`,
    explanationEn: electiveOk
      ? `${totals.byKind.elective.courses} electives offered; a student takes at least ${formatCredits(totals.electiveCredits)} credits of them.`
      : `Too few electives offered (${totals.byKind.elective.courses}): the college offers more (public electives included).`,
  });

  const practiceShare = share(totals.practiceHours, totals.hours);
  const practiceOk = totals.hours > 0 && totals.practiceHours * 2 >= totals.hours;
  results.push({
    id: 'practice-share',
    labelZh: '实践性教学学时占比',
    labelEn: 'Share of practice',
    requiredZh: '不少于总学时的50%',
    requiredEn: 'at least 50 % of the hours',
    actualZh: `${totals.practiceHours}学时，占${percent(practiceShare)}`,
    actualEn: `${totals.practiceHours} hours, ${percent(practiceShare)}`,
    passed: practiceOk,
    explanationZh: `含岗位实习${totals.internshipHours}学时与各课程的实践学时（课程未给出时按课程类别推定，见课程设置表）。${practiceOk ? '' : '需增加实训、实践学时。'}`,
    explanationEn: `The placement’s ${totals.internshipHours} hours and each course’s practice hours (derived by course type where a course states none; see the course table).${practiceOk ? '' : ' More practice hours are needed.'}`,
  });

  const weeks = totals.internshipWeeks;
  const internshipOk = weeks >= INTERNSHIP_WEEKS_RANGE.min && weeks <= INTERNSHIP_WEEKS_RANGE.max;
  results.push({
    id: 'internship',
    labelZh: '岗位实习时间',
    labelEn: 'Work placement',
    requiredZh: '一般为6个月（约24周）',
    requiredEn: 'about 6 months (about 24 weeks)',
    actualZh:
      weeks > 0
        ? `${weeks}周、${formatCredits(totals.internshipCredits)}学分、${totals.internshipHours}学时`
        : '未安排',
    actualEn:
      weeks > 0
        ? `${weeks} weeks, ${formatCredits(totals.internshipCredits)} credits, ${totals.internshipHours} hours`
        : 'none',
    passed: internshipOk,
    explanationZh: internshipOk
      ? '岗位实习以1周计1学分，安排在岗位实习学期，可集中或分阶段进行。'
      : `接受${INTERNSHIP_WEEKS_RANGE.min}～${INTERNSHIP_WEEKS_RANGE.max}周。`,
    explanationEn: internshipOk
      ? 'One credit a week, in the placement semester, in one block or in stages.'
      : `Accepted: ${INTERNSHIP_WEEKS_RANGE.min}–${INTERNSHIP_WEEKS_RANGE.max} weeks.`,
  });

  // Items counted in weeks (岗位实习, 军事技能) follow their own norms.
  const counted = figures.courses.filter((course) => course.weeks === null && course.credits > 0);
  const outside = counted.filter((course) => {
    const ratio = course.hours / course.credits;
    return ratio < HOURS_PER_CREDIT_RANGE.min - 1e-9 || ratio > HOURS_PER_CREDIT_RANGE.max + 1e-9;
  });
  const named = (courses: typeof outside) =>
    courses
      .slice(0, 6)
      .map((course) => `${course.titleZh}（${formatCredits(course.credits)}/${course.hours}）`)
      .join('、') + (courses.length > 6 ? '等' : '');
  results.push({
    id: 'hours-per-credit',
    labelZh: '学时与学分折算',
    labelEn: 'Hours per credit',
    requiredZh: '16～18学时计1学分',
    requiredEn: '16–18 hours per credit',
    actualZh: `${counted.length - outside.length}/${counted.length}门课程符合`,
    actualEn: `${counted.length - outside.length} of ${counted.length} courses`,
    passed: outside.length === 0,
    explanationZh:
      outside.length === 0 ? '岗位实习以周计学分，不在此列。' : `不符合的课程（学分/学时）：${named(outside)}。`,
    explanationEn:
      outside.length === 0
        ? 'Items counted in weeks (placement, military skills training) are not included.'
        : `Courses outside the range (credits/hours): ${named(outside)}.`,
  });

  const sums = textSumMismatches(sections, totals);
  results.push({
    id: 'text-sums',
    labelZh: '文本中的合计与表格一致',
    labelEn: 'Sums in the text equal the tables',
    requiredZh: '文中每个学分、学时合计与表格相同',
    requiredEn: 'every credit and hour sum in the text equals the tables',
    actualZh: `核对${sums.checked}处，不一致${sums.mismatchesZh.length}处`,
    actualEn: `${sums.checked} checked, ${sums.mismatchesEn.length} differ`,
    passed: sums.mismatchesZh.length === 0,
    explanationZh:
      sums.mismatchesZh.length === 0 ? '草稿的文本由同一组合计生成；编辑后仍逐处核对。' : sums.mismatchesZh.join('；'),
    explanationEn:
      sums.mismatchesEn.length === 0
        ? 'The draft text is generated from the same totals; edited text is checked again.'
        : sums.mismatchesEn.join('; '),
  });

  const open = sections.filter((section) => section.text.includes(COLLEGE_FILL_MARK));
  const marks = sections.reduce((total, section) => total + section.text.split(COLLEGE_FILL_MARK).length - 1, 0);
  results.push({
    id: 'college-fill',
    labelZh: '学校需填写的内容',
    labelEn: 'What the college must fill in',
    requiredZh: `无“${COLLEGE_FILL_MARK}”标记`,
    requiredEn: 'no marks left for the college to fill in',
    actualZh: marks === 0 ? '已全部填写' : `${marks}处待填写`,
    actualEn: marks === 0 ? 'all filled in' : `${marks} left`,
    passed: marks === 0,
    explanationZh:
      marks === 0
        ? '平台无法得知的内容（师资、实训条件、合作企业等）已由学校填写。'
        : `平台无法得知，需学校在以下章节填写：${open.map((section) => section.titleZh).join('、')}。`,
    explanationEn:
      marks === 0
        ? 'What the platform cannot know (teachers, facilities, partner enterprises…) has been filled in.'
        : `The platform cannot know these; the college fills them in: ${open.map((section) => section.titleEn ?? section.titleZh).join(', ')}.`,
  });
  return results;
}
