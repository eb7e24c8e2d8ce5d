import type { CollegeCourse } from '../core/courses/college-course.js';
import { DomainError } from '../core/errors/domain-error.js';
import { createCourseSystem } from './course-system-service.js';
import { importCourseList } from './college-course-service.js';
import { DEMO_COLLEGE, DEMO_PROPOSAL_TITLE, requirePerson } from './demo-groups.js';
import type { ServiceContext } from './service-context.js';
import { createTrainingPlan } from './training-plan-service.js';

/** The public courses College A declares for its demo course system (思政, 英语, 信息技术, 体育). */
const DEMO_PUBLIC_COURSES = [
  { code: 'GG101', titleZh: '思想道德与法治', titleEn: 'Ethics and Rule of Law', credits: 3, hours: 48, semester: 1 },
  { code: 'GG102', titleZh: '大学英语', titleEn: 'College English', credits: 4, hours: 64, semester: 1 },
  {
    code: 'GG103',
    titleZh: '信息技术基础',
    titleEn: 'Information Technology Basics',
    credits: 2,
    hours: 32,
    semester: 1,
  },
  { code: 'GG104', titleZh: '体育与健康', titleEn: 'Physical Education', credits: 4, hours: 64, semester: 2 },
];

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
  const system = await createCourseSystem(context, director, college.id, {
    proposalId: proposal.id,
    groupId,
    semesters: 6,
    maxCredits: 24,
    maxHours: null,
    practical: [6],
    publicCourses: DEMO_PUBLIC_COURSES,
  });
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
