import { TEACHING_WEEKS_PER_SEMESTER, weeklyHours, type PlanCourseKind } from './course-hours.js';
import { planTotals, trainingPlanFigures, type TrainingPlanFigures } from './training-plan-figures.js';

/**
 * The Talent Training Plan (人才培养方案) of a specialty, or of a whole specialty group, with the sections of the
 * national template (教育部《关于职业院校专业人才培养方案制订与实施工作的指导意见》, 教职成〔2019〕13号). Every section
 * is drafted from the data — the specialty and its catalogue classes, the group's posts and their occupations
 * and certificates, the competencies by dimension, the course system and its semester plan — as editable text
 * plus generated tables. Pure: no I/O.
 */

export const TRAINING_PLAN_SECTION_KEYS = [
  'name',
  'admission',
  'duration',
  'orientation',
  'objectives',
  'curriculum',
  'schedule',
  'support',
  'graduation',
] as const;
export type TrainingPlanSectionKey = (typeof TRAINING_PLAN_SECTION_KEYS)[number];

export const TRAINING_PLAN_SECTION_TITLES: Readonly<Record<TrainingPlanSectionKey, { zh: string; en: string }>> = {
  name: { zh: '专业名称及代码', en: 'Specialty name and code' },
  admission: { zh: '入学要求', en: 'Admission requirements' },
  duration: { zh: '修业年限', en: 'Length of study' },
  orientation: { zh: '职业面向', en: 'Career orientation' },
  objectives: { zh: '培养目标与培养规格', en: 'Training objectives and specifications' },
  curriculum: { zh: '课程设置及要求', en: 'Courses and requirements' },
  schedule: { zh: '教学进程总体安排', en: 'Overall teaching schedule' },
  support: { zh: '实施保障', en: 'Implementation support' },
  graduation: { zh: '毕业要求', en: 'Graduation requirements' },
};

export interface TrainingPlanTable {
  /** Printed on a landscape page (the 教学进程表, too wide for portrait A4). */
  landscape?: boolean;
  captionZh: string;
  captionEn: string;
  columns: { zh: string; en: string }[];
  rows: string[][];
  /** Relative column widths for print (PDF, DOCX); equal when absent. */
  widths?: number[];
}

export interface TrainingPlanSection {
  key: TrainingPlanSectionKey;
  titleZh: string;
  titleEn: string;
  /** Editable text: paragraphs separated by blank lines; a line starting "- " is a list item. */
  text: string;
  /** Generated from the data when the version is drafted; shown and exported as they are. */
  tables: TrainingPlanTable[];
}

export interface TrainingPlanCourse {
  id: string;
  kind: 'public' | 'platform' | 'module' | 'elective';
  titleZh: string;
  credits: number;
  hours: number;
  /** 理论学时 / 实践学时 when the course states them; derived by `courseHours` otherwise. */
  theoryHours?: number | undefined;
  practiceHours?: number | undefined;
  /** Post titles the course serves (modules and extension electives). */
  postZh: string | null;
  /** The competencies it teaches, as the plan lists them (主要教学内容). */
  contentZh: string;
  /** 0-based semester, null when the course is not placed. */
  semester: number | null;
  assessment: string;
}

export interface TrainingPlanFacts {
  /** Null for the group's plan (专业群人才培养方案). */
  specialty: { code: string; nameZh: string } | null;
  group: { nameZh: string; specialties: { code: string; nameZh: string }[] };
  /** 专业大类 and 专业类 of the specialty (from the national catalogue, when it is loaded). */
  catalogue: { categoryZh: string | null; classZh: string | null; categoryCode: string; classCode: string } | null;
  posts: {
    titleZh: string;
    subSectorZh: string;
    category: string;
    occupations: string[];
    sceneNames: string[];
    /** 1+X / 职业技能等级证书 of the post, when the curated mapping knows one. */
    certificates?: string[];
  }[];
  certificates: string[];
  /** The group's competencies by type, labels in zh. */
  competencies: { knowledge: string[]; skill: string[]; attitude: string[] };
  courses: TrainingPlanCourse[];
  semesters: number;
  practical: readonly number[];
  /** Industries the posts serve (对应行业). */
  industries: string[];
}

const KIND_ZH: Record<PlanCourseKind, string> = {
  public: '公共基础课',
  platform: '专业群平台课',
  module: '专业核心课（岗位模块）',
  elective: '专业拓展选修课',
  internship: '岗位实习',
};

const KIND_RANK: Record<PlanCourseKind, number> = { public: 0, platform: 1, module: 2, elective: 3, internship: 4 };

const list = (items: readonly string[], none = '（无）') => (items.length === 0 ? none : items.join('、'));
const join = (paragraphs: readonly string[]) => paragraphs.filter((part) => part !== '').join('\n\n');
const bullet = (items: readonly string[]) => items.map((item) => `- ${item}`).join('\n');

/** Credits with at most one decimal, the way a plan prints them (3, 2.5). */
export function formatCredits(credits: number): string {
  return String(Math.round(credits * 10) / 10);
}

const percentOf = (part: number, whole: number) =>
  `${whole > 0 ? (Math.round((part / whole) * 1000) / 10).toFixed(1) : '0.0'}%`;

/** The sections of a draft, from the facts (see `draftTrainingPlanWithFigures` for the figures too). */
export function draftTrainingPlan(facts: TrainingPlanFacts): TrainingPlanSection[] {
  return draftTrainingPlanWithFigures(facts).sections;
}

/**
 * A draft plan: its sections and the figures its tables print (stored with the version, checked by
 * `checkPlanRules`). Every sum the texts state is generated from the same totals (`planTotals`), so text and
 * tables agree by construction; the platform adds the 岗位实习 and the minimum elective credits
 * (`trainingPlanFigures`); what only the college knows is marked 待学校填写.
 */
export function draftTrainingPlanWithFigures(facts: TrainingPlanFacts): {
  sections: TrainingPlanSection[];
  figures: TrainingPlanFigures;
} {
  const section = (
    key: TrainingPlanSectionKey,
    text: string,
    tables: TrainingPlanTable[] = [],
  ): TrainingPlanSection => ({
    key,
    titleZh: TRAINING_PLAN_SECTION_TITLES[key].zh,
    titleEn: TRAINING_PLAN_SECTION_TITLES[key].en,
    text,
    tables,
  });
  const years = Math.max(1, Math.ceil(facts.semesters / 2));
  const subject = facts.specialty ? `${facts.specialty.nameZh}专业` : `${facts.group.nameZh}专业群`;
  const figures = trainingPlanFigures(facts.courses, facts.semesters, facts.practical);
  const totals = planTotals(figures);
  const details = new Map(facts.courses.map((course) => [course.id, course]));
  const planCourses = [...figures.courses].sort(
    (a, b) =>
      KIND_RANK[a.kind] - KIND_RANK[b.kind] || (a.semester ?? 99) - (b.semester ?? 99) || a.id.localeCompare(b.id),
  );
  const posts = facts.posts.map((post) => post.titleZh);
  const byKind = totals.byKind;

  const name = facts.specialty
    ? join([
        `专业名称：${facts.specialty.nameZh}`,
        `专业代码：${facts.specialty.code}`,
        `所属专业群：${facts.group.nameZh}（${list(facts.group.specialties.map((s) => `${s.nameZh} ${s.code}`))}）`,
      ])
    : join([
        `专业群名称：${facts.group.nameZh}`,
        `组群专业：${list(facts.group.specialties.map((s) => `${s.nameZh}（${s.code}）`))}`,
      ]);

  const admission = '普通高级中学毕业、中等职业学校毕业或具备同等学力。';
  const duration = `基本修业年限${years}年；实行学分制，学生可在${years}至${years + 2}年内完成学业。`;

  const catalogue = facts.catalogue;
  const named = (nameZh: string | null, code: string) => (nameZh ? `${nameZh}（${code}）` : `（${code}）`);
  const certificatePosts = facts.posts.filter((post) => (post.certificates ?? []).length > 0);
  const orientation = section(
    'orientation',
    join([
      `${subject}面向${list(facts.industries)}等行业的生产性服务外包岗位，培养从事${list(posts)}等工作的技术技能人才。`,
      certificatePosts.length > 0
        ? `实施1+X证书制度：${certificatePosts
            .map(
              (post) =>
                `${post.titleZh}岗位对应${list((post.certificates ?? []).map((name) => `“${name}”`))}职业技能等级证书`,
            )
            .join('；')}。`
        : '',
    ]),
    [
      {
        captionZh: '职业面向',
        captionEn: 'Career orientation',
        columns: [
          { zh: '所属专业大类（代码）', en: 'Specialty category (code)' },
          { zh: '所属专业类（代码）', en: 'Specialty class (code)' },
          { zh: '对应行业', en: 'Industries' },
          { zh: '主要职业类别', en: 'Main occupations' },
          { zh: '主要岗位类别（或技术领域）', en: 'Main posts (or technical fields)' },
          { zh: '职业资格证书或职业技能等级证书', en: 'Certificates' },
        ],
        rows: [
          [
            catalogue ? named(catalogue.categoryZh, catalogue.categoryCode) : '—',
            catalogue ? named(catalogue.classZh, catalogue.classCode) : '—',
            list(facts.industries, '—'),
            list([...new Set(facts.posts.flatMap((post) => post.occupations))], '—'),
            list(posts, '—'),
            list(facts.certificates, '—'),
          ],
        ],
      },
      {
        captionZh: '岗位与职业技能等级证书',
        captionEn: 'Posts and vocational skill certificates',
        columns: [
          { zh: '岗位', en: 'Post' },
          { zh: '对应职业（2022年版职业分类大典）', en: 'Occupations (2022 classification)' },
          { zh: '1+X职业技能等级证书', en: '1+X certificates' },
        ],
        rows: facts.posts.map((post) => [
          post.titleZh,
          list(post.occupations, '—'),
          list(post.certificates ?? [], '—'),
        ]),
        widths: [2, 4, 3],
      },
    ],
  );

  const objectives = section(
    'objectives',
    join([
      `本${facts.specialty ? '专业' : '专业群'}培养理想信念坚定，德、智、体、美、劳全面发展，具有一定的科学文化水平、良好的人文素养、职业道德和创新意识，精益求精的工匠精神，较强的就业能力和可持续发展能力，掌握本专业知识和技术技能，面向${list(facts.industries)}等行业的${list(posts)}等岗位（群），能够从事生产性服务外包工作的高素质技术技能人才。`,
      '（一）素质',
      bullet(
        facts.competencies.attitude.length > 0
          ? facts.competencies.attitude
          : ['坚定拥护中国共产党领导和中国特色社会主义制度'],
      ),
      '（二）知识',
      bullet(facts.competencies.knowledge.length > 0 ? facts.competencies.knowledge : ['掌握本专业所需的基础理论知识']),
      '（三）能力',
      bullet(facts.competencies.skill.length > 0 ? facts.competencies.skill : ['具有本专业所需的专业技能']),
    ]),
  );

  const assessmentOf = (id: string, kind: PlanCourseKind) =>
    kind === 'internship' ? '考核' : (details.get(id)?.assessment ?? '考查');
  const courseRows = planCourses.map((course) => {
    const detail = details.get(course.id);
    return [
      course.id,
      course.titleZh,
      KIND_ZH[course.kind],
      detail?.postZh ?? '—',
      formatCredits(course.credits),
      String(course.hours),
      String(course.theoryHours),
      String(course.practiceHours),
      course.kind === 'internship'
        ? `在合作企业真实岗位完成${course.weeks ?? 0}周岗位实习，校企双导师指导与考核`
        : !detail && course.weeks !== null
          ? `集中训练${course.weeks}周（${course.hours}学时）`
          : detail?.contentZh || '—',
      assessmentOf(course.id, course.kind),
    ];
  });
  const offeredElectives = figures.courses.filter((course) => course.kind === 'elective');
  const curriculum = section(
    'curriculum',
    join([
      `课程体系由公共基础课、专业群平台课（群内共享）、专业核心课（按岗位设置的模块）、专业拓展选修课和岗位实习组成：开设课程${facts.courses.length}门及岗位实习，其中公共基础课${byKind.public.courses}门（${formatCredits(byKind.public.credits)}学分），专业群平台课${byKind.platform.courses}门（${formatCredits(byKind.platform.credits)}学分），专业核心课${byKind.module.courses}门（${formatCredits(byKind.module.credits)}学分），专业拓展选修课${offeredElectives.length}门（开设${formatCredits(offeredElectives.reduce((sum, course) => sum + course.credits, 0))}学分，学生至少选修${formatCredits(totals.electiveCredits)}学分），岗位实习${totals.internshipWeeks}周（${formatCredits(totals.internshipCredits)}学分）。`,
      '平台课覆盖群内多数岗位共同需要的能力；每个岗位的核心要求（权重≥0.75）均由平台课与该岗位模块课覆盖，学生在选修课中的自由选择不影响其目标岗位的核心要求。',
      '每门课程的理论学时与实践学时见课程设置表；课程未给出时按课程类别推定（公共基础课实践约1/4，体育、军事技能、劳动教育等约7/8；平台课与选修课约1/2；岗位模块课约5/8；岗位实习全部为实践），学校可按实际教学安排调整。',
    ]),
    [
      {
        captionZh: '课程设置',
        captionEn: 'Courses',
        columns: [
          { zh: '课程代码', en: 'Code' },
          { zh: '课程名称', en: 'Course' },
          { zh: '课程类别', en: 'Type' },
          { zh: '面向岗位', en: 'Post' },
          { zh: '学分', en: 'Credits' },
          { zh: '学时', en: 'Hours' },
          { zh: '理论学时', en: 'Theory' },
          { zh: '实践学时', en: 'Practice' },
          { zh: '主要教学内容与要求', en: 'Main content and requirements' },
          { zh: '考核方式', en: 'Assessment' },
        ],
        rows: courseRows,
        widths: [1.1, 2.2, 1.6, 1.6, 0.7, 0.7, 0.7, 0.7, 4, 0.8],
      },
    ],
  );

  const semesterHeader = Array.from({ length: facts.semesters }, (_, index) => ({
    zh: `第${index + 1}学期`,
    en: `Semester ${index + 1}`,
  }));
  const scheduleRows = planCourses.map((course) => [
    course.titleZh,
    KIND_ZH[course.kind],
    course.kind === 'elective' ? '选修' : '必修',
    assessmentOf(course.id, course.kind),
    formatCredits(course.credits),
    String(course.hours),
    String(course.theoryHours),
    String(course.practiceHours),
    ...semesterHeader.map((_, index) =>
      course.semester === index
        ? course.weeks !== null
          ? `${course.weeks}周`
          : String(weeklyHours(course.hours))
        : '',
    ),
  ]);
  const perSemester = semesterHeader.map((_, index) =>
    formatCredits(figures.courses.filter((course) => course.semester === index).reduce((sum, c) => sum + c.credits, 0)),
  );
  const offered = totals.offered;
  const distributionRow = (label: string, kind: PlanCourseKind, note = '') => [
    label + note,
    formatCredits(byKind[kind].credits),
    String(byKind[kind].hours),
    String(byKind[kind].theoryHours),
    String(byKind[kind].practiceHours),
    percentOf(byKind[kind].hours, totals.hours),
  ];
  const schedule = section(
    'schedule',
    join([
      `学生修读总学时${totals.hours}、总学分${formatCredits(totals.credits)}（必修课与岗位实习${totals.requiredHours}学时，最低选修${totals.electiveHours}学时）。其中公共基础课${totals.publicHours}学时，占${percentOf(totals.publicHours, totals.hours)}；选修课${totals.electiveHours}学时，占${percentOf(totals.electiveHours, totals.hours)}；实践性教学${totals.practiceHours}学时，占${percentOf(totals.practiceHours, totals.hours)}。`,
      `课程一般以16～18学时计1学分；军事技能等集中实践按周安排；岗位实习${totals.internshipWeeks}周（约6个月），以1周计1学分，每周按${totals.internshipWeeks > 0 ? Math.round(totals.internshipHours / totals.internshipWeeks) : 0}学时计。${
        figures.courses.some((course) => course.kind === 'internship' && course.semester !== null)
          ? `岗位实习安排在第${[...new Set(figures.courses.filter((c) => c.kind === 'internship' && c.semester !== null).map((c) => c.semester! + 1))].join('、')}学期，在合作企业的真实生产性服务岗位完成，可集中或分阶段安排。`
          : ''
      }`,
      `课程按先修关系排入学期：每门课的先修课都在更早的学期；教学进程表中的学期列为周学时（按每学期${TEACHING_WEEKS_PER_SEMESTER}个教学周计）。`,
    ]),
    [
      {
        captionZh: '学时与学分分配',
        captionEn: 'Hours and credits by course type',
        columns: [
          { zh: '课程类别', en: 'Type' },
          { zh: '学分', en: 'Credits' },
          { zh: '学时', en: 'Hours' },
          { zh: '理论学时', en: 'Theory' },
          { zh: '实践学时', en: 'Practice' },
          { zh: '占总学时', en: 'Share of hours' },
        ],
        rows: [
          distributionRow('公共基础课', 'public'),
          distributionRow('专业群平台课', 'platform'),
          distributionRow('专业核心课（岗位模块）', 'module'),
          distributionRow('专业拓展选修课', 'elective', '（最低修读）'),
          distributionRow('岗位实习', 'internship'),
          [
            '学生修读合计',
            formatCredits(totals.credits),
            String(totals.hours),
            String(totals.theoryHours),
            String(totals.practiceHours),
            '100.0%',
          ],
        ],
        widths: [3, 1, 1, 1, 1, 1.2],
      },
      {
        landscape: true,
        captionZh: '教学进程表',
        captionEn: 'Teaching schedule',
        columns: [
          { zh: '课程名称', en: 'Course' },
          { zh: '课程类别', en: 'Type' },
          { zh: '性质', en: 'Required/elective' },
          { zh: '考核方式', en: 'Assessment' },
          { zh: '学分', en: 'Credits' },
          { zh: '总学时', en: 'Hours' },
          { zh: '理论学时', en: 'Theory' },
          { zh: '实践学时', en: 'Practice' },
          ...semesterHeader.map((entry) => ({ zh: `${entry.zh}周学时`, en: `${entry.en} hours/week` })),
        ],
        rows: [
          ...scheduleRows,
          [
            '开设课程合计',
            '',
            '',
            '',
            formatCredits(offered.credits),
            String(offered.hours),
            String(offered.theoryHours),
            String(offered.practiceHours),
            ...perSemester.map((credits) => `${credits}学分`),
          ],
          [
            '学生修读合计（必修＋最低选修）',
            '',
            '',
            '',
            formatCredits(totals.credits),
            String(totals.hours),
            String(totals.theoryHours),
            String(totals.practiceHours),
            ...semesterHeader.map(() => ''),
          ],
        ],
        widths: [3.2, 1.8, 0.6, 0.8, 0.6, 0.7, 0.7, 0.7, ...semesterHeader.map(() => 0.9)],
      },
    ],
  );

  const support = join([
    `（一）师资队伍：专任教师与企业兼职教师共同组成结构化教学团队，专业带头人由校企双方共同担任。专任教师、企业兼职教师人数，生师比与“双师型”教师比例：待学校填写。`,
    `（二）教学设施：依托岗位场景资源库和教学工场，按${list(
      [...new Set(facts.posts.flatMap((post) => post.sceneNames))].slice(0, 8),
    )}等真实工作场景建设实训条件。校内实训室与校外实训基地（名称、主要设备、工位数）：待学校填写。`,
    '（三）教学资源：选用国家规划教材，开发新型活页式、工作手册式教材及数字化资源。',
    '（四）教学方法：推行项目教学、案例教学、情境教学和现代学徒制。',
    '（五）学习评价：过程评价与结果评价相结合，引入企业和第三方评价。',
    '（六）质量管理：建立专业人才培养方案的年度修订机制，依据新一年的岗位需求调整课程体系。岗位实习合作企业与实习管理办法：待学校填写。',
  ]);

  const graduation = join([
    `修满本方案规定的${formatCredits(totals.credits)}学分，其中必修课（公共基础课、平台课、核心课与岗位实习）${formatCredits(
      totals.requiredCredits,
    )}学分、选修课不少于${formatCredits(totals.electiveCredits)}学分。`,
    '完成岗位实习并考核合格；体质健康测试达到合格标准。',
    facts.certificates.length > 0
      ? `鼓励取得${list(facts.certificates.map((name) => `“${name}”`))}等职业技能等级证书。`
      : '',
  ]);

  return {
    sections: [
      section('name', name),
      section('admission', admission),
      section('duration', duration),
      orientation,
      objectives,
      curriculum,
      schedule,
      section('support', support),
      section('graduation', graduation),
    ],
    figures,
  };
}
