import { describe, expect, it } from 'vitest';
import { COLLEGE_FILL_MARK, checkPlanRules, textSumMismatches, type PlanRuleId } from './check-plan-rules.js';
import { courseHours, weeklyHours } from './course-hours.js';
import {
  planTotals,
  trainingPlanFigures,
  type FiguresCourseInput,
  type TrainingPlanFigures,
} from './training-plan-figures.js';
import { draftTrainingPlanWithFigures, type TrainingPlanCourse, type TrainingPlanFacts } from './training-plan.js';

/** A course of `credits` at 16 学时 a credit (factory with overrides). */
function buildCourse(overrides: Partial<FiguresCourseInput> & { id: string }): FiguresCourseInput {
  const credits = overrides.credits ?? 4;
  return { kind: 'platform', titleZh: overrides.id, credits, hours: credits * 16, semester: 0, ...overrides };
}

/** 46 public credits (736 学时), 60 professional credits (960 学时), 20 elective credits offered (320 学时). */
function passingCourses(): FiguresCourseInput[] {
  return [
    ...Array.from({ length: 11 }, (_, index) => buildCourse({ id: `GG${index}`, kind: 'public', credits: 4 })),
    buildCourse({ id: 'GG-TY', kind: 'public', titleZh: '体育', credits: 2 }),
    ...Array.from({ length: 6 }, (_, index) => buildCourse({ id: `P${index}`, kind: 'platform' })),
    ...Array.from({ length: 9 }, (_, index) => buildCourse({ id: `M${index}`, kind: 'module' })),
    ...Array.from({ length: 10 }, (_, index) => buildCourse({ id: `E${index}`, kind: 'elective', credits: 2 })),
  ];
}

const rule = (figures: TrainingPlanFigures, id: PlanRuleId, texts: { titleZh: string; text: string }[] = []) =>
  checkPlanRules(figures, texts).find((result) => result.id === id)!;

describe('course hours', () => {
  it('keeps stated theory and practice hours, completes one of them, derives them by kind otherwise', () => {
    expect(courseHours({ kind: 'module', titleZh: 'x', hours: 64, theoryHours: 20, practiceHours: 44 })).toEqual({
      theoryHours: 20,
      practiceHours: 44,
    });
    expect(courseHours({ kind: 'module', titleZh: 'x', hours: 64, practiceHours: 50 })).toEqual({
      theoryHours: 14,
      practiceHours: 50,
    });
    expect(courseHours({ kind: 'module', titleZh: 'x', hours: 64 })).toEqual({ theoryHours: 24, practiceHours: 40 });
    expect(courseHours({ kind: 'public', titleZh: '思想道德与法治', hours: 48 })).toEqual({
      theoryHours: 36,
      practiceHours: 12,
    });
    expect(courseHours({ kind: 'public', titleZh: '体育与健康', hours: 64 })).toEqual({
      theoryHours: 8,
      practiceHours: 56,
    });
    // Stated hours that do not add up are not trusted.
    expect(courseHours({ kind: 'platform', titleZh: 'x', hours: 48, theoryHours: 40, practiceHours: 40 })).toEqual({
      theoryHours: 24,
      practiceHours: 24,
    });
    expect([weeklyHours(48), weeklyHours(64), weeklyHours(8), weeklyHours(0)]).toEqual([3, 4, 1, 0]);
  });
});

describe('plan figures', () => {
  it('adds 军事技能, a 24-week 岗位实习 and just enough elective credits for 10 % and 2,500 学时', () => {
    const figures = trainingPlanFigures(passingCourses(), 6, [6]);
    const internship = figures.courses.find((course) => course.kind === 'internship')!;
    expect(internship).toMatchObject({ weeks: 24, credits: 24, hours: 576, practiceHours: 576, semester: 5 });
    expect(figures.courses.find((course) => course.id === 'JSJN')).toMatchObject({
      kind: 'public',
      weeks: 2,
      credits: 2,
      hours: 112,
      semester: 0,
    });
    const totals = planTotals(figures);
    expect(totals.requiredHours).toBe(736 + 112 + 960 + 576);
    // R = 2384: 10 % needs e ≥ 264.9 (17 credits at 16 学时), 2,500 needs 116 (8) → 17 credits.
    expect(figures.electiveCredits).toBe(17);
    expect(totals.hours).toBe(2384 + 272);
    expect(totals.credits).toBe(totals.requiredCredits + totals.electiveCredits);
  });

  it('never asks for more elective credits than are offered; a college that declares 军事技能 gets no second one', () => {
    const courses = passingCourses().filter((course) => !['E0', 'E1', 'E2'].includes(course.id));
    expect(trainingPlanFigures(courses, 6, [6]).electiveCredits).toBe(14);
    const declared = [
      ...passingCourses(),
      buildCourse({ id: 'GG-JX', kind: 'public', titleZh: '军事技能训练', credits: 2, hours: 112 }),
    ];
    expect(
      trainingPlanFigures(declared, 6, [6]).courses.filter((course) => /军事技能/.test(course.titleZh)),
    ).toHaveLength(1);
  });
});

describe('the rules of 教职成〔2019〕13号', () => {
  const passing = trainingPlanFigures(passingCourses(), 6, [6]);

  it('pass on a plan that meets every rule', () => {
    const results = checkPlanRules(passing, []);
    expect(results.map((result) => result.id)).toEqual([
      'total-hours',
      'public-share',
      'elective-share',
      'practice-share',
      'internship',
      'hours-per-credit',
      'text-sums',
      'college-fill',
    ]);
    expect(results.filter((result) => !result.passed)).toEqual([]);
    for (const result of results) {
      expect(result.labelZh).toMatch(/\p{Script=Han}/u);
      expect(result.labelEn).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it('words its English with typographic apostrophes, passing or failing', () => {
    const failing = trainingPlanFigures(
      passingCourses().filter((course) => course.kind !== 'public' || course.id === 'GG0'),
      6,
      [],
    );
    const texts = [{ titleZh: '职业面向', text: `${COLLEGE_FILL_MARK}，共 97 = 48 + 8 学分` }];
    for (const figures of [passing, failing]) {
      for (const result of checkPlanRules(figures, texts)) {
        for (const text of [result.labelEn, result.requiredEn, result.actualEn, result.explanationEn]) {
          expect(text, result.id).not.toMatch(/\p{L}'\p{L}/u);
        }
      }
    }
  });

  it('total hours: fail below 2,500 in three years; not applicable to two-year plans', () => {
    const short = trainingPlanFigures(passingCourses().slice(0, 20), 6, [6]);
    const result = rule(short, 'total-hours');
    expect(result.passed).toBe(false);
    expect(result.actualZh).toBe(`${planTotals(short).hours}学时`);
    expect(result.explanationZh).toContain('尚差');
    const twoYear = trainingPlanFigures(passingCourses().slice(0, 20), 4, [4]);
    expect(rule(twoYear, 'total-hours')).toMatchObject({ passed: true, requiredZh: '不适用（2年制）' });
  });

  it('public share: fail under a quarter of the hours, naming how many hours are missing', () => {
    const courses = passingCourses().filter((course) => course.kind !== 'public' || course.id === 'GG0');
    const result = rule(trainingPlanFigures(courses, 6, [6]), 'public-share');
    expect(result.passed).toBe(false);
    expect(result.explanationZh).toMatch(/还需\d+学时以上/);
    expect(rule(passing, 'public-share').passed).toBe(true);
  });

  it('elective share: fail when too few electives are offered for 10 %', () => {
    const courses = passingCourses().filter((course) => course.kind !== 'elective' || course.id === 'E0');
    const result = rule(trainingPlanFigures(courses, 6, [6]), 'elective-share');
    expect(result.passed).toBe(false);
    expect(result.explanationEn).toContain('Too few electives');
  });

  it('practice share: fail when practice is under half of the hours', () => {
    const theory: TrainingPlanFigures = {
      ...passing,
      courses: passing.courses.map((course) =>
        course.kind === 'internship' ? course : { ...course, theoryHours: course.hours, practiceHours: 0 },
      ),
    };
    expect(rule(theory, 'practice-share').passed).toBe(false);
    expect(rule(passing, 'practice-share').passed).toBe(true);
  });

  it('internship: about 6 months (22–28 weeks); missing or 12 weeks fails', () => {
    expect(rule(passing, 'internship')).toMatchObject({ passed: true, actualZh: '24周、24学分、576学时' });
    const none: TrainingPlanFigures = { ...passing, courses: passing.courses.filter((c) => c.kind !== 'internship') };
    expect(rule(none, 'internship')).toMatchObject({ passed: false, actualZh: '未安排' });
    const short: TrainingPlanFigures = {
      ...passing,
      courses: passing.courses.map((c) => (c.kind === 'internship' ? { ...c, weeks: 12 } : c)),
    };
    expect(rule(short, 'internship').passed).toBe(false);
  });

  it('hours per credit: 16–18 for every course counted in hours; the placement is counted in weeks', () => {
    expect(rule(passing, 'hours-per-credit').passed).toBe(true);
    const odd = trainingPlanFigures(
      [...passingCourses(), buildCourse({ id: '军事技能', kind: 'public', credits: 2, hours: 112 })],
      6,
      [6],
    );
    const result = rule(odd, 'hours-per-credit');
    expect(result.passed).toBe(false);
    expect(result.explanationZh).toContain('军事技能（2/112）');
  });

  it('text sums: the seen 97 = 48 + 8 fails, and so does any stated total that differs from the tables', () => {
    const totals = planTotals(passing);
    const seen = textSumMismatches(
      [{ titleZh: '毕业要求', text: '修满本方案规定的97学分，其中必修课48学分，选修课不少于8学分。' }],
      totals,
    );
    expect(seen.mismatchesZh).toContain('「毕业要求」：必修48 + 选修8 ≠ 97学分');
    const stated = rule(passing, 'text-sums', [
      { titleZh: '教学进程总体安排', text: `学生修读总学时2,400、总学分${totals.credits}。` },
    ]);
    expect(stated.passed).toBe(false);
    expect(stated.explanationZh).toContain(`写总学时2,400，表中为${totals.hours}`);
    expect(rule(passing, 'text-sums', [{ titleZh: 'x', text: `总学时${totals.hours}` }]).passed).toBe(true);
  });

  it('college fill: fails while a 待学校填写 mark is left, naming the section', () => {
    const result = rule(passing, 'college-fill', [{ titleZh: '实施保障', text: '师资：待学校填写。' }]);
    expect(result).toMatchObject({ passed: false, actualZh: '1处待填写' });
    expect(result.explanationZh).toContain('实施保障');
  });
});

describe('a drafted plan', () => {
  const course = (overrides: Partial<TrainingPlanCourse> & { id: string }): TrainingPlanCourse => ({
    kind: 'platform',
    titleZh: overrides.id,
    credits: 4,
    hours: 64,
    postZh: null,
    contentZh: '',
    semester: 0,
    assessment: '考试',
    ...overrides,
  });
  const facts: TrainingPlanFacts = {
    specialty: { code: '510203', nameZh: '软件技术' },
    group: { nameZh: '软件专业群', specialties: [{ code: '510203', nameZh: '软件技术' }] },
    catalogue: { categoryCode: '51', classCode: '5102', categoryZh: '电子与信息大类', classZh: '计算机类' },
    posts: [
      {
        titleZh: '工业软件测试工程师',
        subSectorZh: '',
        category: 'ITO',
        occupations: ['软件和信息技术服务人员（4-04-05）'],
        sceneNames: [],
        certificates: ['软件测试'],
      },
    ],
    certificates: ['软件测试'],
    competencies: { knowledge: [], skill: [], attitude: [] },
    courses: passingCourses().map((entry) => course({ ...entry, postZh: null })),
    semesters: 6,
    practical: [6],
    industries: [],
  };

  it('passes every rule the platform decides; what only the college knows is left marked', () => {
    const { sections, figures } = draftTrainingPlanWithFigures(facts);
    const results = checkPlanRules(figures, sections);
    expect(results.filter((result) => !result.passed).map((result) => result.id)).toEqual(['college-fill']);
    const sums = results.find((result) => result.id === 'text-sums')!;
    expect(sums.actualZh).toMatch(/^核对(\d+)处，不一致0处$/);
    expect(Number(/核对(\d+)处/.exec(sums.actualZh)![1])).toBeGreaterThanOrEqual(8);
  });

  it('states in its text exactly the totals of its tables', () => {
    const { sections, figures } = draftTrainingPlanWithFigures(facts);
    const totals = planTotals(figures);
    const graduation = sections.find((section) => section.key === 'graduation')!.text;
    expect(graduation).toContain(
      `修满本方案规定的${totals.credits}学分，其中必修课（公共基础课、平台课、核心课与岗位实习）${totals.requiredCredits}学分、选修课不少于${totals.electiveCredits}学分`,
    );
    expect(totals.requiredCredits + totals.electiveCredits).toBe(totals.credits);
    const distribution = sections.find((section) => section.key === 'schedule')!.tables[0]!;
    expect(distribution.rows.at(-1)!.slice(0, 3)).toEqual([
      '学生修读合计',
      String(totals.credits),
      String(totals.hours),
    ]);
    const schedule = sections.find((section) => section.key === 'schedule')!.tables[1]!;
    expect(schedule.rows.at(-1)!.slice(4, 6)).toEqual([String(totals.credits), String(totals.hours)]);
    expect(graduation).toContain('“软件测试”');
    const orientation = sections.find((section) => section.key === 'orientation')!;
    expect(orientation.tables[0]!.rows[0]!.slice(0, 2)).toEqual(['电子与信息大类（51）', '计算机类（5102）']);
    expect(orientation.tables[1]!.rows[0]).toEqual([
      '工业软件测试工程师',
      '软件和信息技术服务人员（4-04-05）',
      '软件测试',
    ]);
  });
});
