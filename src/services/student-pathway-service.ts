import type {
  MyPathway,
  PathwayNotice,
  PathwayNoticeList,
  SavePathwayRequest,
  SavedPathway,
} from '../contracts/course-systems.js';
import type { RevisionResult } from '../contracts/revisions-api.js';
import { hasRoleIn, type Actor } from '../core/access/actor.js';
import { courseIdentity } from '../core/courses/course-identity.js';
import { allCourses, ESSENTIAL_WEIGHT, type Course, type CourseSystem } from '../core/courses/course-system.js';
import { checkChoice } from '../core/courses/plan-pathway.js';
import { DomainError } from '../core/errors/domain-error.js';
import { recheckPathway } from '../core/revision/recheck-pathway.js';
import { loadHighsSolver } from '../solvers/highs-solver.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';
import type { CourseSystemPost } from '../storage/repositories/course-system.repository.js';
import type { PathwayNoticeRecord, StudentPathwayRecord } from '../storage/repositories/student-pathway.repository.js';
import { planStudentPathway, requireCourseSystem } from './course-system-service.js';
import type { ServiceContext } from './service-context.js';

/** Only students keep a pathway (what a revision re-checks is theirs); staff plan pathways without saving them. */
function requireStudent(actor: Actor, organisationId: string): void {
  if (!hasRoleIn(actor, organisationId, ['student'])) {
    throw new DomainError('FORBIDDEN', 'Only the students of this college keep a pathway here', {
      field: 'organisationId',
    });
  }
}

/**
 * Saves the signed-in student's pathway in a course system version: the target post, the courses they chose (the
 * planned minimum-credit pathway when they name none) and the competencies they had. Saving again replaces it and
 * clears what a revision noted on it.
 */
export async function saveMyPathway(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  courseSystemId: string,
  request: SavePathwayRequest,
): Promise<MyPathway> {
  requireStudent(actor, organisationId);
  const repositories = context.store.repositories;
  const record = await requireCourseSystem(repositories, organisationId, courseSystemId);
  if (!record.posts.some((post) => post.id === request.post)) {
    throw new DomainError('VALIDATION_FAILED', `post ${request.post} is not one of this course system’s posts`, {
      field: 'post',
    });
  }
  let chosen = request.chosen;
  if (chosen) {
    checkChoice({ courses: allCourses(record.system), target: [], have: [] }, chosen);
  } else {
    const planned = await planStudentPathway(context, organisationId, courseSystemId, {
      post: request.post,
      have: request.have.map((id) => ({ id })),
    });
    chosen = planned.courses;
  }
  await repositories.studentPathways.save(
    { personId: actor.personId, organisationId, courseSystemId, post: request.post, chosen, have: request.have },
    context.clock(),
  );
  return getMyPathway(context, actor, organisationId, courseSystemId);
}

export async function getMyPathway(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  courseSystemId: string,
): Promise<MyPathway> {
  requireStudent(actor, organisationId);
  const repositories = context.store.repositories;
  const record = await requireCourseSystem(repositories, organisationId, courseSystemId);
  const saved = await repositories.studentPathways.find(actor.personId, courseSystemId);
  if (!saved) return { pathway: null };
  return { pathway: await presentSaved(repositories, saved, record.system, record.versionId, record.id) };
}

/** The signed-in student's pathways that a revision carried and that need courses added (their notices). */
export async function listMyPathwayNotices(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
): Promise<PathwayNoticeList> {
  requireStudent(actor, organisationId);
  const repositories = context.store.repositories;
  const items: PathwayNoticeList['items'] = [];
  for (const saved of await repositories.studentPathways.listNoticesFor(actor.personId, organisationId)) {
    const record = await requireCourseSystem(repositories, organisationId, saved.courseSystemId);
    const post = record.posts.find((candidate) => candidate.id === saved.post);
    const view = await presentSaved(repositories, saved, record.system, record.versionId, record.id);
    if (!view.notice) continue;
    items.push({
      courseSystemId: record.id,
      courseSystemTitleZh: record.titleZh,
      courseSystemTitleEn: record.titleEn,
      post: saved.post,
      postTitleZh: post?.titleZh ?? saved.post,
      postTitleEn: post?.titleEn ?? saved.post,
      notice: view.notice,
    });
  }
  return { items };
}

async function presentSaved(
  repositories: Repositories,
  saved: StudentPathwayRecord,
  system: CourseSystem,
  versionId: string,
  courseSystemId: string,
): Promise<SavedPathway> {
  return {
    courseSystemId: saved.courseSystemId,
    post: saved.post,
    chosen: saved.chosen,
    have: saved.have,
    savedAt: saved.savedAt,
    carriedFrom: saved.carriedFrom,
    notice: saved.notice ? await presentNotice(repositories, saved.notice, system, versionId, courseSystemId) : null,
  };
}

async function presentNotice(
  repositories: Repositories,
  notice: PathwayNoticeRecord,
  system: CourseSystem,
  versionId: string,
  courseSystemId: string,
): Promise<PathwayNotice> {
  const terms = new Map((await repositories.taxonomy.competencyTerms(versionId)).map((term) => [term.id, term]));
  const overrides = new Map(
    (await repositories.courseSystems.titleOverrides(courseSystemId)).map((o) => [o.courseKey, o] as const),
  );
  const courses = new Map(allCourses(system).map((course) => [course.id, course]));
  return {
    revisionId: notice.revisionId,
    missing: notice.missing.map((id) => {
      const term = terms.get(id);
      return { id, labelZh: term?.labelZh ?? term?.labelEn ?? id, labelEn: term?.labelEn ?? term?.labelZh ?? id };
    }),
    add: notice.add.flatMap((id) => {
      const course = courses.get(id);
      if (!course) return [];
      const override = overrides.get(courseIdentity(course));
      return [
        {
          id,
          titleZh: override?.titleZh ?? course.titleZh,
          titleEn: override?.titleEn ?? course.titleEn,
          credits: course.credits,
        },
      ];
    }),
    retired: notice.retired,
  };
}

/** How many student pathways a revision re-checked, and whose now miss something (listed for their teachers). */
export type PathwayRecheck = NonNullable<RevisionResult['pathways']>;

/**
 * Carries every saved pathway of the revised course system version to the new one (inside the revision's
 * transaction): courses mapped to their successors, re-checked against the new requirements, a notice stored
 * when something is now missing. Pathways whose post left the group are not carried (counted as such).
 */
export async function carryPathwaysForward(
  repositories: Repositories,
  input: {
    organisationId: string;
    fromId: string;
    toId: string;
    revisionId: string;
    pairs: readonly (readonly [Course, Course])[];
    system: CourseSystem;
    posts: readonly CourseSystemPost[];
    now: Date;
  },
): Promise<PathwayRecheck> {
  const saved = await repositories.studentPathways.listForCourseSystem(input.fromId);
  const successor = new Map(input.pairs.map(([was, now]) => [was.id, now.id] as const));
  const courses = allCourses(input.system);
  const essential = new Map(
    input.posts.map((post) => [
      post.id,
      post.competencies.filter((competency) => competency.weight >= ESSENTIAL_WEIGHT).map((c) => c.id),
    ]),
  );
  const solver = saved.length > 0 ? await loadHighsSolver() : undefined;
  const result: PathwayRecheck = { checked: saved.length, carried: 0, affected: 0, students: [] };
  for (const pathway of saved) {
    const rechecked = recheckPathway(pathway, successor, courses, essential, solver);
    if (!rechecked.postKept) continue;
    const notice = rechecked.notice ? { revisionId: input.revisionId, ...rechecked.notice } : null;
    await repositories.studentPathways.save(
      {
        personId: pathway.personId,
        organisationId: input.organisationId,
        courseSystemId: input.toId,
        post: pathway.post,
        chosen: rechecked.chosen,
        have: pathway.have,
        notice,
        carriedFrom: input.fromId,
      },
      input.now,
    );
    result.carried += 1;
    if (notice && notice.missing.length > 0) {
      result.affected += 1;
      if (result.students.length < 200) {
        const person = await repositories.people.findById(pathway.personId);
        result.students.push({
          personId: pathway.personId,
          name: person?.displayName ?? '',
          post: pathway.post,
          missing: notice.missing.length,
          add: notice.add.length,
        });
      }
    }
  }
  return result;
}
