import type { CollegeCourse } from '../core/courses/college-course.js';
import { DomainError } from '../core/errors/domain-error.js';
import { createCourseSystem } from './course-system-service.js';
import { importCourseList } from './college-course-service.js';
import { DEMO_COLLEGE, DEMO_PROPOSAL_TITLE, requirePerson } from './demo-groups.js';
import type { ServiceContext } from './service-context.js';
import { createTrainingPlan } from './training-plan-service.js';

/**
 * The public courses (公共基础课) College A declares for its demo course system: the courses every 高职 student
 * takes (思想政治理论, 军事理论, 体育, 心理健康, 创新创业, 劳动教育, 国家安全, 就业指导…) at 16–18 学时 a credit,
 * enough for a quarter of a three-year plan's hours (教职成〔2019〕13号).
 */
const DEMO_PUBLIC_COURSES = [
  ['GG101', '思想道德与法治', 'Ethics and Rule of Law', 3, 48, 1],
  [
    'GG102',
    '毛泽东思想和中国特色社会主义理论体系概论',
    'Introduction to Mao Zedong Thought and Socialism with Chinese Characteristics',
    2,
    32,
    2,
  ],
  [
    'GG103',
    '习近平新时代中国特色社会主义思想概论',
    'Introduction to Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era',
    3,
    48,
    3,
  ],
  ['GG104', '形势与政策', 'Current Affairs and Policy', 1, 16, 2],
  ['GG105', '军事理论', 'Military Theory', 2, 36, 1],
  ['GG106', '大学英语Ⅰ', 'College English I', 4, 64, 1],
  ['GG107', '大学英语Ⅱ', 'College English II', 4, 64, 2],
  ['GG108', '信息技术', 'Information Technology', 3, 48, 1],
  ['GG109', '高等数学', 'Applied Mathematics', 4, 64, 1],
  ['GG110', '体育与健康Ⅰ', 'Physical Education I', 2, 36, 1],
  ['GG111', '体育与健康Ⅱ', 'Physical Education II', 2, 36, 2],
  ['GG112', '体育与健康Ⅲ', 'Physical Education III', 2, 36, 3],
  ['GG113', '大学生心理健康教育', 'Mental Health Education', 2, 32, 1],
  ['GG114', '职业发展与就业指导', 'Career Development and Employment Guidance', 2, 32, 4],
  ['GG115', '创新创业教育', 'Innovation and Entrepreneurship', 2, 32, 3],
  ['GG116', '劳动教育', 'Labour Education', 1, 16, 2],
  ['GG117', '国家安全教育', 'National Security Education', 1, 16, 1],
  ['GG118', '中华优秀传统文化', 'Traditional Chinese Culture', 2, 32, 2],
  ['GG119', '艺术鉴赏', 'Art Appreciation', 2, 32, 3],
].map(([code, titleZh, titleEn, credits, hours, semester]) => ({
  code: code as string,
  titleZh: titleZh as string,
  titleEn: titleEn as string,
  credits: credits as number,
  hours: hours as number,
  semester: semester as number,
}));

/** The solver's safety net for the demo's plan: far beyond its 2 s, so that only the node limit could stop it. */
const DEMO_PLAN_TIME_LIMIT_SECONDS = 120;

/**
 * Seeds College A's course system for the develop–test–operate group of its demo proposal, its existing course
 * list (`data/demo/demo-courses.csv`, linked by the linker, nothing confirmed yet) and a draft Talent Training
 * Plan for the software-testing specialty. Returns null (and writes nothing) when a course system exists.
 */
export async function loadDemoCourses(
  context: ServiceContext,
  courses: readonly CollegeCourse[],
  onStep: (done: number, total: number, label: string) => void = () => undefined,
): Promise<{ courses: number; courseSystemCourses: number; credits: number } | null> {
  const repositories = context.store.repositories;
  const college = await repositories.organisations.findByNameZh(DEMO_COLLEGE);
  if (!college) throw new DomainError('IMPORT_FAILED', `The demo college ${DEMO_COLLEGE} is missing.`, {});
  if ((await repositories.courseSystems.list(college.id)).length > 0) return null;
  const proposalId = await repositories.groupProposals.findIdByTitle(college.id, DEMO_PROPOSAL_TITLE);
  const proposal = proposalId ? await repositories.groupProposals.find(proposalId) : null;
  const groupId = proposal?.assignment['ito-industrial-software-testing'];
  if (!proposal || !groupId) return null;
  const director = await requirePerson(repositories, 'director@demo.zerodock.local');
  onStep(0, 3, 'course system and semester plan');
  const system = await createCourseSystem(
    context,
    director,
    college.id,
    {
      proposalId: proposal.id,
      groupId,
      semesters: 6,
      // The group's own courses (library courses keep their credits) fill ~95 % of 5 teaching semesters × 30.
      maxCredits: 30,
      maxHours: null,
      practical: [6],
      publicCourses: DEMO_PUBLIC_COURSES,
    },
    // HiGHS plans the demo in about 2 s; a busy small machine must not cut it short (a different plan on reload).
    { timeLimitSeconds: DEMO_PLAN_TIME_LIMIT_SECONDS },
  );
  onStep(1, 3, 'course list, linked to competencies');
  await importCourseList(context, director.personId, college.id, courses, 'demo-courses.csv');
  onStep(2, 3, 'draft training plan');
  const testing = system.specialties.find((specialty) => specialty.code === '510203') ?? system.specialties[0];
  if (testing) {
    await createTrainingPlan(context, director, college.id, {
      courseSystemId: system.id,
      specialtyCode: testing.code,
    });
  }
  onStep(3, 3, 'done');
  return { courses: courses.length, courseSystemCourses: system.totals.courses, credits: system.totals.credits };
}
