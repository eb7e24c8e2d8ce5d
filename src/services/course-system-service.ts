import type {
  CourseSystemDetail,
  CourseTitleRequest,
  CreateCourseSystemRequest,
  PathwayRequest,
  PathwayResult,
  ReplanRequest,
} from '../contracts/course-systems.js';
import type { Actor } from '../core/access/actor.js';
import { describePlanViolation, findPlanViolations } from '../core/courses/find-plan-violations.js';
import { competencyFactsFromBundle } from '../core/courses/course-input-from-bundle.js';
import { courseIdentity } from '../core/courses/course-identity.js';
import { ESSENTIAL_WEIGHT, allCourses, type Course, type PublicCourse } from '../core/courses/course-system.js';
import { checkChoice, planPathway } from '../core/courses/plan-pathway.js';
import { planSemesters } from '../core/courses/plan-semesters.js';
import { studentLoads } from '../core/courses/student-load.js';
import { synthesizeCourseSystem } from '../core/courses/synthesize-course-system.js';
import { DomainError } from '../core/errors/domain-error.js';
import type { TaxonomyBundle } from '../core/taxonomy/taxonomy-bundle.js';
import { bundledCourseLibrary } from '../interchange/courses/read-course-library.js';
import { loadHighsSolver } from '../solvers/highs-solver.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';
import type {
  CourseSystemPost,
  CourseSystemRecord,
  StoredSemesterPlan,
} from '../storage/repositories/course-system.repository.js';
import type { GroupName } from '../storage/repositories/group-proposal.repository.js';
import { requireCollege } from './college-specialty-service.js';
import { compute, place, specialtiesOf } from './proposal-computation.js';
import { loadProposal } from './proposal-operations.js';
import { groupNameOf } from './present-proposal.js';
import type { ServiceContext } from './service-context.js';

/**
 * Course systems: from one group of a college's specialty-group proposal, the platform, module and elective
 * courses (synthesised from the group's posts as the grouping weighed them) and a semester plan solved as an
 * integer programme by HiGHS (list scheduling when the solver finds nothing in time). The posts are frozen
 * into the course system, so it can be explained and re-planned after the proposal moves on. Public courses
 * the college declares sit in the semesters it gives them; the credit cap bounds a student's load there: public
 * courses + platform courses + electives + the module courses of one post (the posts' module tracks run in parallel).
 */

const bundles = new Map<string, Promise<TaxonomyBundle>>();

/** Framework versions used by course systems are released (immutable): their bundles are remembered. */
export async function bundleOf(repositories: Repositories, versionId: string): Promise<TaxonomyBundle> {
  let entry = bundles.get(versionId);
  if (!entry) {
    entry = repositories.frameworkVersions.loadBundle(versionId);
    bundles.set(versionId, entry);
    entry.catch(() => bundles.delete(versionId));
    while (bundles.size > 8) bundles.delete(bundles.keys().next().value!);
  }
  return entry;
}

export async function requireCourseSystem(
  repositories: Repositories,
  organisationId: string,
  courseSystemId: string,
): Promise<CourseSystemRecord> {
  const record = await repositories.courseSystems.find(courseSystemId);
  if (!record || record.organisationId !== organisationId) {
    throw new DomainError('COURSE_SYSTEM_NOT_FOUND', 'No such course system here.', { courseSystemId });
  }
  return record;
}

function checkOptions(request: ReplanRequest): void {
  for (const semester of request.practical) {
    if (semester > request.semesters) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `practical semester ${semester} is after the last semester (${request.semesters})`,
        { field: 'practical', reason: 'practical-out-of-range', semester, semesters: request.semesters },
      );
    }
  }
  const codes = new Set<string>();
  request.publicCourses.forEach((course, index) => {
    if (course.semester > request.semesters) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `public course ${course.code} is placed in semester ${course.semester}; there are ${request.semesters}`,
        {
          field: `publicCourses.${index}.semester`,
          reason: 'public-course-semester',
          semester: course.semester,
          semesters: request.semesters,
        },
      );
    }
    if (codes.has(course.code)) {
      throw new DomainError('VALIDATION_FAILED', `public course code ${course.code} is used twice`, {
        field: `publicCourses.${index}.code`,
        reason: 'duplicate-code',
      });
    }
    codes.add(course.code);
  });
}

/** Per semester (0-based), what the declared public courses add to every student's load. */
function publicLoad(publicCourses: readonly Pick<PublicCourse, 'credits' | 'hours' | 'semester'>[], semesters: number) {
  const credits = Array.from({ length: semesters }, () => 0);
  const hours = Array.from({ length: semesters }, () => 0);
  for (const course of publicCourses) {
    if (course.semester < 1 || course.semester > semesters) continue;
    credits[course.semester - 1]! += course.credits;
    hours[course.semester - 1]! += course.hours;
  }
  return { credits, hours };
}

/**
 * The wall-clock safety net of a solve on a request, both stages (the route's deadline is 120 s). What stops a hard
 * solve is the planner's node limit (`PLAN_NODE_LIMIT`, a few seconds), the same on every machine: this only
 * catches a machine several times slower than two busy cores, where the plan may then differ.
 */
const PLAN_TIME_LIMIT_SECONDS = 40;

export async function planCourseSystemSemesters(
  courses: readonly Course[],
  request: ReplanRequest,
  started: number,
  timeLimitSeconds = PLAN_TIME_LIMIT_SECONDS,
  keep?: ReadonlyMap<string, number>,
): Promise<StoredSemesterPlan> {
  const fixed = publicLoad(request.publicCourses, request.semesters);
  const result = planSemesters(
    courses,
    {
      semesters: request.semesters,
      maxCredits: request.maxCredits,
      maxHours: request.maxHours ?? undefined,
      practical: request.practical,
      publicCredits: fixed.credits,
      publicHours: fixed.hours,
      timeLimitSeconds,
      ...(keep ? { keep } : {}),
    },
    await loadHighsSolver(),
  );
  return { ...result, seconds: Math.round(performance.now() - started) / 1000 };
}

export async function listCourseSystems(context: ServiceContext, organisationId: string) {
  const repositories = context.store.repositories;
  await requireCollege(repositories, organisationId);
  const items = await repositories.courseSystems.list(organisationId);
  const names = await groupNames(repositories, items);
  return { items: items.map((item) => ({ ...item, groupName: names.get(nameKey(item)) ?? null })) };
}

type GroupRef = { proposalId: string | null; groupId: string };
const nameKey = (ref: GroupRef) => `${ref.proposalId ?? ''}\u0000${ref.groupId}`;

/** The live name of each course system's group, each proposal loaded once. */
async function groupNames(repositories: Repositories, refs: readonly GroupRef[]): Promise<Map<string, GroupName>> {
  const names = new Map<string, GroupName>();
  const byProposal = new Map<string, GroupRef[]>();
  for (const ref of refs)
    if (ref.proposalId) byProposal.set(ref.proposalId, [...(byProposal.get(ref.proposalId) ?? []), ref]);
  for (const [proposalId, group] of byProposal) {
    const record = await repositories.groupProposals.find(proposalId);
    if (!record) continue;
    for (const ref of group) {
      const name = await groupNameOf(repositories, record, ref.groupId);
      if (name) names.set(nameKey(ref), name);
    }
  }
  return names;
}

/**
 * Synthesises and plans the course system of one group of a proposal; bad options are refused before work.
 * `timeLimitSeconds`: the solver's wall-clock safety net (default 40 s, for a request); the demo load, which no
 * request waits on, gives it more, so that only the node limit can stop it and a reload plans the same.
 */
export async function createCourseSystem(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  request: CreateCourseSystemRequest,
  options: { timeLimitSeconds?: number } = {},
): Promise<CourseSystemDetail> {
  const repositories = context.store.repositories;
  await requireCollege(repositories, organisationId);
  checkOptions(request);
  const proposal = await loadProposal(repositories, { side: 'college', organisationId }, request.proposalId);
  const postIds = proposal.posts.filter((post) => proposal.assignment[post.id] === request.groupId);
  if (postIds.length === 0) {
    throw new DomainError('GROUP_NOT_FOUND', `The proposal has no group ${request.groupId}.`, { field: 'groupId' });
  }
  const started = performance.now();
  const bundle = await bundleOf(repositories, proposal.versionId);
  const facts = competencyFactsFromBundle(
    bundle,
    postIds.flatMap((post) => post.competencies.map((competency) => competency.id)),
  );
  const levelOf = new Map(
    bundle.requirements.map((requirement) => [
      `${requirement.postId}\u0000${requirement.competencyId}`,
      requirement.level,
    ]),
  );
  const titles = new Map(bundle.posts.map((post) => [post.id, post]));
  const posts: CourseSystemPost[] = postIds.map((post) => ({
    id: post.id,
    titleZh: titles.get(post.id)?.titleZh ?? post.label,
    titleEn: titles.get(post.id)?.titleEn ?? post.label,
    competencies: post.competencies.map((competency) => ({
      id: competency.id,
      weight: competency.weight,
      level: levelOf.get(`${post.id}\u0000${competency.id}`) ?? 2,
    })),
  }));
  const system = synthesizeCourseSystem(
    posts.map((post) => ({ id: post.id, label: post.titleZh, labelEn: post.titleEn, competencies: post.competencies })),
    { facts, library: await bundledCourseLibrary() },
  );
  const semesterPlan = await planCourseSystemSemesters(allCourses(system), request, started, options.timeLimitSeconds);
  const computed = compute(proposal);
  const placement = place(computed, await specialtiesOf(repositories, proposal));
  const specialties = (placement.byGroup.get(request.groupId) ?? []).map((entry) => ({
    code: entry.code,
    nameZh: entry.name,
    nameEn: null,
  }));
  // Named as the groups pages name it (never by its id).
  const groupName = await groupNameOf(repositories, proposal, request.groupId);
  const id = await repositories.courseSystems.create({
    organisationId,
    proposalId: proposal.id,
    builtFromStatus: proposal.status,
    groupId: request.groupId,
    titleZh: request.titleZh || `${groupName?.zh || `${proposal.titleZh} · ${request.groupId}`} 课程体系`,
    titleEn:
      request.titleEn ||
      `${groupName?.en || `${proposal.titleEn || proposal.titleZh} · ${request.groupId}`} course system`,
    versionId: proposal.versionId,
    semesters: request.semesters,
    maxCredits: request.maxCredits,
    maxHours: request.maxHours,
    practical: [...new Set(request.practical)].sort((a, b) => a - b),
    posts,
    specialties,
    system,
    publicCourses: request.publicCourses.map(fullPublicCourse),
    plan: semesterPlan,
    createdBy: actor.personId,
    now: context.clock(),
  });
  return getCourseSystem(context, organisationId, id);
}

const fullPublicCourse = (course: ReplanRequest['publicCourses'][number]): PublicCourse => ({
  code: course.code,
  titleZh: course.titleZh,
  titleEn: course.titleEn ?? '',
  credits: course.credits,
  hours: course.hours,
  semester: course.semester,
});

/** A new semester plan (other semesters, caps, practical terms or public courses); the courses stay. */
export async function replanCourseSystem(
  context: ServiceContext,
  organisationId: string,
  courseSystemId: string,
  request: ReplanRequest,
): Promise<CourseSystemDetail> {
  checkOptions(request);
  // The courses of a course system never change, so the (possibly long) solve runs outside the transaction: on
  // the embedded database a transaction holds its only connection.
  const record = await requireCourseSystem(context.store.repositories, organisationId, courseSystemId);
  const semesterPlan = await planCourseSystemSemesters(allCourses(record.system), request, performance.now());
  await context.store.transaction(async (repositories) => {
    if (!(await repositories.courseSystems.lock(courseSystemId))) {
      throw new DomainError('COURSE_SYSTEM_NOT_FOUND', 'No such course system here.', { courseSystemId });
    }
    await repositories.courseSystems.updatePlan(
      courseSystemId,
      {
        semesters: request.semesters,
        maxCredits: request.maxCredits,
        maxHours: request.maxHours,
        practical: [...new Set(request.practical)].sort((a, b) => a - b),
        publicCourses: request.publicCourses.map(fullPublicCourse),
        plan: semesterPlan,
      },
      context.clock(),
    );
  });
  return getCourseSystem(context, organisationId, courseSystemId);
}

/**
 * A teacher's name for one course (zh, and en when given; else the course keeps its English title). Kept under
 * the course's identity, so it survives every re-plan.
 */
export async function renameCourse(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  courseSystemId: string,
  courseId: string,
  request: CourseTitleRequest,
): Promise<CourseSystemDetail> {
  await context.store.transaction(async (repositories) => {
    const record = await requireCourseSystem(repositories, organisationId, courseSystemId);
    const course = requireCourse(record, courseId);
    await repositories.courseSystems.setTitleOverride(
      courseSystemId,
      {
        courseKey: courseIdentity(course),
        titleZh: request.titleZh,
        titleEn: request.titleEn || course.titleEn,
        renamedBy: actor.personId,
      },
      context.clock(),
    );
  });
  return getCourseSystem(context, organisationId, courseSystemId);
}

/** Gives a renamed course its derived title back (nothing to do when it was never renamed). */
export async function restoreCourseTitle(
  context: ServiceContext,
  organisationId: string,
  courseSystemId: string,
  courseId: string,
): Promise<CourseSystemDetail> {
  await context.store.transaction(async (repositories) => {
    const record = await requireCourseSystem(repositories, organisationId, courseSystemId);
    await repositories.courseSystems.clearTitleOverride(
      courseSystemId,
      courseIdentity(requireCourse(record, courseId)),
    );
  });
  return getCourseSystem(context, organisationId, courseSystemId);
}

function requireCourse(record: CourseSystemRecord, courseId: string): Course {
  const course = allCourses(record.system).find((candidate) => candidate.id === courseId);
  if (!course) throw new DomainError('COURSE_NOT_FOUND', 'No such course in this course system.', { courseId });
  return course;
}

export async function getCourseSystem(
  context: ServiceContext,
  organisationId: string,
  courseSystemId: string,
): Promise<CourseSystemDetail> {
  const repositories = context.store.repositories;
  const record = await requireCourseSystem(repositories, organisationId, courseSystemId);
  const bundle = await bundleOf(repositories, record.versionId);
  const names = await groupNames(repositories, [record]);
  // Why it is like this: the revision that built this version (and the version it revised), or a newer version.
  const revision = record.revisionId ? await repositories.revisions.find(record.revisionId) : null;
  return {
    ...presentCourseSystem(record, bundle, names.get(nameKey(record)) ?? null),
    revisedBy:
      revision && record.previousId
        ? {
            revisionId: revision.id,
            beforeYear: revision.beforeYear,
            afterYear: revision.afterYear,
            previousId: record.previousId,
            appliedAt: revision.appliedAt ?? record.createdAt,
          }
        : null,
    supersededBy: await repositories.courseSystems.successorOf(record.id),
  };
}

export function presentCourseSystem(
  record: CourseSystemRecord,
  bundle: TaxonomyBundle,
  groupName: GroupName | null = null,
): CourseSystemDetail {
  const semesterOf = new Map<string, number>();
  record.plan.semesters.forEach((ids, index) => ids.forEach((id) => semesterOf.set(id, index)));
  const dto = (course: Course) => ({
    id: course.id,
    kind: course.kind,
    electiveKind: course.electiveKind,
    post: course.post,
    titleZh: course.titleZh,
    titleEn: course.titleEn,
    credits: course.credits,
    hours: course.hours,
    theoryHours: course.theoryHours ?? null,
    practiceHours: course.practiceHours ?? null,
    renamed: record.renamedCourses.includes(course.id),
    competencies: course.competencies,
    prerequisites: course.prerequisites,
    objectivesZh: course.objectivesZh,
    objectivesEn: course.objectivesEn,
    semester: semesterOf.get(course.id) ?? -1,
  });
  const known = new Map(bundle.competencies.map((competency) => [competency.id, competency]));
  const ids = [...new Set(record.posts.flatMap((post) => post.competencies.map((competency) => competency.id)))];
  const courses = allCourses(record.system);
  const totalCredits = record.plan.credits.map(
    (credits, index) =>
      Math.round(
        (credits +
          record.publicCourses
            .filter((course) => course.semester === index + 1)
            .reduce((sum, course) => sum + course.credits, 0)) *
          100,
      ) / 100,
  );
  const fixed = publicLoad(record.publicCourses, record.plan.semesters.length);
  // Per student: public + platform + electives + one post's modules (recomputed: older plans did not store it).
  const load = studentLoads(courses, record.plan.semesters, {
    credits: fixed.credits,
    hours: fixed.hours,
    posts: record.posts.map((post) => post.id),
  }).map((semester) => semester.credits);
  const violations = findPlanViolations(
    record.posts.map((post) => ({ id: post.id, label: post.titleZh, competencies: post.competencies })),
    record.system,
    record.plan.semesters,
    record.maxCredits,
    fixed.credits,
  );
  return {
    id: record.id,
    proposalId: record.proposalId,
    proposalStatus: record.proposalStatus,
    builtFromStatus: record.builtFromStatus,
    groupId: record.groupId,
    groupName,
    titleZh: record.titleZh,
    titleEn: record.titleEn,
    semesters: record.semesters,
    maxCredits: record.maxCredits,
    maxHours: record.maxHours,
    practical: record.practical,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    framework: `${bundle.framework.key}@${bundle.framework.label}`,
    frameworkTitleZh: bundle.framework.titleZh,
    frameworkTitleEn: bundle.framework.titleEn,
    frameworkLabel: bundle.framework.label,
    posts: record.posts.map((post) => ({
      ...post,
      competencies: post.competencies.map((competency) => ({
        ...competency,
        essential: competency.weight >= ESSENTIAL_WEIGHT,
      })),
    })),
    specialties: record.specialties,
    competencies: ids.map((id) => {
      const competency = known.get(id);
      return {
        id,
        labelZh: competency?.labelZh ?? competency?.labelEn ?? id,
        labelEn: competency?.labelEn ?? competency?.labelZh ?? id,
        type: competency?.type ?? null,
        dimension: competency?.dimension ?? null,
      };
    }),
    platform: record.system.platform.map(dto),
    modules: record.system.modules.map((entry) => ({
      post: entry.post,
      courses: entry.courses.map(dto),
      essential: entry.essential,
    })),
    electives: record.system.electives.map(dto),
    publicCourses: record.publicCourses,
    plan: {
      semesters: record.plan.semesters,
      credits: record.plan.credits,
      hours: record.plan.hours,
      totalCredits,
      load,
      method: record.plan.method,
      solver: record.plan.solver,
      status: record.plan.status,
      gap: record.plan.gap,
      busiest: Math.max(0, ...load),
      average: record.plan.average,
      binding: record.plan.binding,
      seconds: record.plan.seconds,
    },
    totals: {
      courses: courses.length + record.publicCourses.length,
      credits:
        Math.round(
          (courses.reduce((sum, course) => sum + course.credits, 0) +
            record.publicCourses.reduce((sum, course) => sum + course.credits, 0)) *
            100,
        ) / 100,
      hours:
        courses.reduce((sum, course) => sum + course.hours, 0) +
        record.publicCourses.reduce((sum, course) => sum + course.hours, 0),
    },
    violations: violations.map(describePlanViolation),
    violationDetails: violations,
  };
}

/**
 * A student's pathway to a target post: the fewest credits of the group's courses that cover the post's
 * essential competencies the student does not yet have at the required level (a competency attained below
 * the level the post requires is still needed), in a valid order; and, when the student proposes a choice of
 * their own, what that choice leaves uncovered and which prerequisites it skips.
 */
export async function planStudentPathway(
  context: ServiceContext,
  organisationId: string,
  courseSystemId: string,
  request: PathwayRequest,
): Promise<PathwayResult> {
  const record = await requireCourseSystem(context.store.repositories, organisationId, courseSystemId);
  const post = record.posts.find((candidate) => candidate.id === request.post);
  if (!post) {
    throw new DomainError('VALIDATION_FAILED', `post ${request.post} is not one of this course system’s posts`, {
      field: 'post',
    });
  }
  const essential = post.competencies.filter((competency) => competency.weight >= ESSENTIAL_WEIGHT);
  const attained = new Map(request.have.map((entry) => [entry.id, entry.level ?? Number.POSITIVE_INFINITY]));
  const have = essential
    .filter((competency) => (attained.get(competency.id) ?? 0) >= competency.level)
    .map((competency) => competency.id);
  // Non-essential competencies the student reports count as attained too (they can waive prerequisites).
  const otherHave = request.have
    .filter((entry) => !essential.some((competency) => competency.id === entry.id))
    .map((entry) => entry.id);
  const semesterOf = new Map<string, number>();
  record.plan.semesters.forEach((ids, index) => ids.forEach((id) => semesterOf.set(id, index)));
  const input = {
    courses: allCourses(record.system),
    target: essential.map((competency) => competency.id),
    have: [...have, ...otherHave],
    semesterOf,
  };
  const pathway = planPathway(input, await loadHighsSolver());
  const haveSet = new Set(have);
  let choice: PathwayResult['choice'] = null;
  if (request.chosen) {
    const result = checkChoice(input, request.chosen);
    const byId = new Map(input.courses.map((course) => [course.id, course]));
    choice = {
      credits: request.chosen.reduce((sum, id) => sum + (byId.get(id)?.credits ?? 0), 0),
      ...result,
    };
  }
  return {
    post: post.id,
    courses: pathway.courses,
    credits: pathway.credits,
    uncovered: pathway.uncovered,
    waived: pathway.waived,
    method: pathway.method,
    needed: essential
      .filter((competency) => !haveSet.has(competency.id))
      .map((competency) => ({ id: competency.id, level: competency.level })),
    choice,
  };
}
