import { courseHours, type PlanCourseKind } from './course-hours.js';

/**
 * The figures of a Talent Training Plan version: every course (and the 岗位实习) with its credits, hours, theory and
 * practice hours and semester, and the elective credits a student must take. Drafted with the version's tables
 * and stored with it, so the rules (`checkPlanRules`) are checked against what the version prints, not against
 * the course system as it is today. Pure: no I/O.
 */
export interface PlanFiguresCourse {
  id: string;
  titleZh: string;
  kind: PlanCourseKind;
  credits: number;
  hours: number;
  theoryHours: number;
  practiceHours: number;
  /** 0-based semester; null when not placed. */
  semester: number | null;
  /** Weeks, for items counted in weeks (岗位实习); null for courses counted in 学时. */
  weeks: number | null;
}

export interface TrainingPlanFigures {
  /** Semesters of the plan (6 for a three-year 高职 programme). */
  semesters: number;
  courses: PlanFiguresCourse[];
  /** Elective credits a student must take at least (选修课不少于…学分). */
  electiveCredits: number;
}

/** What a student takes: every required course (and the 岗位实习) plus the minimum of elective credits. */
export interface PlanTotals {
  credits: number;
  hours: number;
  requiredCredits: number;
  requiredHours: number;
  /** The minimum elective credits and the hours they stand for (at the offered electives' hours per credit). */
  electiveCredits: number;
  electiveHours: number;
  publicCredits: number;
  publicHours: number;
  theoryHours: number;
  practiceHours: number;
  internshipWeeks: number;
  internshipCredits: number;
  internshipHours: number;
  /** Every course offered, electives all counted (the tables' 开设课程合计). */
  offered: { courses: number; credits: number; hours: number; theoryHours: number; practiceHours: number };
  /** Credits and hours by kind (electives: the minimum a student takes). */
  byKind: Record<
    PlanCourseKind,
    { courses: number; credits: number; hours: number; theoryHours: number; practiceHours: number }
  >;
}

/** 岗位实习 of 6 months (一般为6个月): 24 weeks, 1 学分 and 24 学时 a week (a common convention of 高职 plans). */
export const INTERNSHIP_WEEKS = 24;
export const INTERNSHIP_HOURS_PER_WEEK = 24;
export const INTERNSHIP_CREDITS_PER_WEEK = 1;
/**
 * 军事技能 (military skills training) of the national military-course syllabus for colleges: 2 学分, at least 14
 * days and 112 学时, at the start of the first year. Counted in weeks (2), all practice.
 */
export const MILITARY_SKILLS = { weeks: 2, credits: 2, hours: 112 } as const;
const MILITARY_SKILLS_TITLE = /军事技能|军训/u;

/** 三年制高职总学时不低于2500 (教职成〔2019〕13号). */
export const MINIMUM_TOTAL_HOURS = 2500;
/** 选修课教学时数占总学时的比例不少于10%. */
export const MINIMUM_ELECTIVE_SHARE = 0.1;

const round1 = (value: number) => Math.round(value * 10) / 10;

export function planTotals(figures: TrainingPlanFigures): PlanTotals {
  const kinds: PlanCourseKind[] = ['public', 'platform', 'module', 'elective', 'internship'];
  const sum = (courses: readonly PlanFiguresCourse[], field: 'credits' | 'hours' | 'theoryHours' | 'practiceHours') =>
    courses.reduce((total, course) => total + course[field], 0);
  const electives = figures.courses.filter((course) => course.kind === 'elective');
  const offeredElectiveCredits = sum(electives, 'credits');
  const taken = offeredElectiveCredits > 0 ? Math.min(1, figures.electiveCredits / offeredElectiveCredits) : 0;
  const byKind = Object.fromEntries(
    kinds.map((kind) => {
      const courses = figures.courses.filter((course) => course.kind === kind);
      const share = kind === 'elective' ? taken : 1;
      return [
        kind,
        {
          courses: courses.length,
          credits:
            kind === 'elective'
              ? Math.min(figures.electiveCredits, offeredElectiveCredits)
              : round1(sum(courses, 'credits')),
          hours: Math.round(sum(courses, 'hours') * share),
          theoryHours: 0,
          practiceHours: Math.round(sum(courses, 'practiceHours') * share),
        },
      ];
    }),
  ) as PlanTotals['byKind'];
  for (const kind of kinds) byKind[kind].theoryHours = byKind[kind].hours - byKind[kind].practiceHours;
  const required = kinds.filter((kind) => kind !== 'elective');
  const requiredCredits = round1(required.reduce((total, kind) => total + byKind[kind].credits, 0));
  const requiredHours = required.reduce((total, kind) => total + byKind[kind].hours, 0);
  const all = kinds.map((kind) => byKind[kind]);
  const internship = figures.courses.filter((course) => course.kind === 'internship');
  return {
    credits: round1(requiredCredits + byKind.elective.credits),
    hours: requiredHours + byKind.elective.hours,
    requiredCredits,
    requiredHours,
    electiveCredits: byKind.elective.credits,
    electiveHours: byKind.elective.hours,
    publicCredits: byKind.public.credits,
    publicHours: byKind.public.hours,
    theoryHours: all.reduce((total, entry) => total + entry.theoryHours, 0),
    practiceHours: all.reduce((total, entry) => total + entry.practiceHours, 0),
    internshipWeeks: internship.reduce((total, course) => total + (course.weeks ?? 0), 0),
    internshipCredits: byKind.internship.credits,
    internshipHours: byKind.internship.hours,
    offered: {
      courses: figures.courses.length,
      credits: round1(sum(figures.courses, 'credits')),
      hours: sum(figures.courses, 'hours'),
      theoryHours: sum(figures.courses, 'theoryHours'),
      practiceHours: sum(figures.courses, 'practiceHours'),
    },
    byKind,
  };
}

export interface FiguresCourseInput {
  id: string;
  kind: 'public' | 'platform' | 'module' | 'elective';
  titleZh: string;
  credits: number;
  hours: number;
  theoryHours?: number | undefined;
  practiceHours?: number | undefined;
  semester: number | null;
}

/**
 * The figures of a draft. The platform decides three things so the draft passes the rules where it can:
 * - it adds 军事技能 (2 weeks, 112 学时, a public course every student takes) in the first semester unless the
 *   college declares it among its public courses;
 * - it adds the 岗位实习 of `INTERNSHIP_WEEKS` weeks in the last practical semester (1-based `practical`; the last
 *   semester when none is kept);
 * - it sets the minimum elective credits to the least whole number of credits (at the offered electives' hours
 *   per credit) that makes elective hours ≥ 10 % of the total and, for a three-year plan, the total ≥ 2,500 学时 —
 *   at most every elective offered.
 * Public courses are the college's: when they are too few for a quarter of the hours the rule says so.
 */
export function trainingPlanFigures(
  courses: readonly FiguresCourseInput[],
  semesters: number,
  practical: readonly number[],
): TrainingPlanFigures {
  const placed: PlanFiguresCourse[] = courses.map((course) => ({
    id: course.id,
    titleZh: course.titleZh,
    kind: course.kind,
    credits: course.credits,
    hours: course.hours,
    ...courseHours(course),
    semester: course.semester,
    weeks: null,
  }));
  if (!placed.some((course) => course.kind === 'public' && MILITARY_SKILLS_TITLE.test(course.titleZh))) {
    placed.push({
      id: 'JSJN',
      titleZh: '军事技能',
      kind: 'public',
      credits: MILITARY_SKILLS.credits,
      hours: MILITARY_SKILLS.hours,
      theoryHours: 0,
      practiceHours: MILITARY_SKILLS.hours,
      semester: 0,
      weeks: MILITARY_SKILLS.weeks,
    });
  }
  const internshipSemester = Math.min(semesters, Math.max(1, practical.at(-1) ?? semesters)) - 1;
  const internshipHours = INTERNSHIP_WEEKS * INTERNSHIP_HOURS_PER_WEEK;
  placed.push({
    id: 'GWSX',
    titleZh: '岗位实习',
    kind: 'internship',
    credits: INTERNSHIP_WEEKS * INTERNSHIP_CREDITS_PER_WEEK,
    hours: internshipHours,
    theoryHours: 0,
    practiceHours: internshipHours,
    semester: internshipSemester,
    weeks: INTERNSHIP_WEEKS,
  });
  const electives = placed.filter((course) => course.kind === 'elective');
  const offeredCredits = electives.reduce((total, course) => total + course.credits, 0);
  const offeredHours = electives.reduce((total, course) => total + course.hours, 0);
  const requiredHours = placed
    .filter((course) => course.kind !== 'elective')
    .reduce((total, course) => total + course.hours, 0);
  let electiveCredits = 0;
  if (offeredCredits > 0 && offeredHours > 0) {
    const perCredit = offeredHours / offeredCredits;
    // e / (R + e) ≥ 10 %  ⇔  e ≥ R / 9
    const forShare = (requiredHours * MINIMUM_ELECTIVE_SHARE) / (1 - MINIMUM_ELECTIVE_SHARE);
    const forTotal = Math.round(semesters / 2) === 3 ? MINIMUM_TOTAL_HOURS - requiredHours : 0;
    const hours = Math.max(forShare, forTotal, 0);
    electiveCredits = Math.min(offeredCredits, Math.ceil(hours / perCredit - 1e-9));
    // The totals round hours to whole 学时: take one more credit while the rounding leaves a rule short.
    const short = (credits: number) => {
      const totals = planTotals({ semesters, courses: placed, electiveCredits: credits });
      return (
        totals.electiveHours < totals.hours * MINIMUM_ELECTIVE_SHARE ||
        (Math.round(semesters / 2) === 3 && totals.hours < MINIMUM_TOTAL_HOURS)
      );
    };
    while (electiveCredits < offeredCredits && short(electiveCredits)) electiveCredits += 1;
    electiveCredits = Math.min(offeredCredits, electiveCredits);
  }
  return { semesters, courses: placed, electiveCredits: round1(electiveCredits) };
}
