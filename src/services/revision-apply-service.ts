import type { CourseSystemDiffView, RevisionResult, RevisionView } from '../contracts/revisions-api.js';
import type { Actor } from '../core/access/actor.js';
import { competencyFactsFromBundle } from '../core/courses/course-input-from-bundle.js';
import { allCourses, type Course } from '../core/courses/course-system.js';
import { diffCourseSystems, pairCourses } from '../core/courses/diff-course-systems.js';
import { synthesizeCourseSystem } from '../core/courses/synthesize-course-system.js';
import { DomainError } from '../core/errors/domain-error.js';
import { applyRevision } from '../core/revision/apply-revision.js';
import { bundledCourseLibrary } from '../interchange/courses/read-course-library.js';
import type { CourseSystemPost } from '../storage/repositories/course-system.repository.js';
import { bundleOf, planCourseSystemSemesters, requireCourseSystem } from './course-system-service.js';
import { getRevision, requireRevision } from './revision-service.js';
import { carryPathwaysForward } from './student-pathway-service.js';
import { carryTrainingPlansForward } from './training-plan-service.js';
import type { ServiceContext } from './service-context.js';

/**
 * Applies an approved yearly revision: the accepted and amended requirement proposals give the posts new weights
 * (core `applyRevision`), the course system is built again from them (synthesis and semester plan with the revised
 * version's settings) as a NEW version that names the one it revised and the revision — the revised version stays
 * as it was — and the revision keeps the result: the release notes, the requirement changes and the course diff.
 * Teachers' names for courses follow into the new version. Refused: a revision not approved
 * (`REVISION_NOT_APPROVED`), one already applied (`REVISION_APPLIED`), and one whose course system was revised
 * meanwhile by another applied revision (`REVISION_CONFLICT`, naming the newer version): applying both would fork
 * the group. The synthesis and the solve run outside the transaction (the embedded database has one connection);
 * the checks are made again inside it, where a unique index also refuses a second successor.
 */
export async function applyApprovedRevision(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  revisionId: string,
): Promise<RevisionView> {
  const repositories = context.store.repositories;
  const revision = await requireRevision(repositories, organisationId, revisionId);
  await checkApplicable(context, revision.id, organisationId);
  const base = await requireCourseSystem(repositories, organisationId, revision.courseSystemId);
  const started = performance.now();

  const proposals = revision.proposals.map((proposal) => ({
    rank: proposal.rank,
    kind: proposal.kind,
    post: proposal.post,
    competencies: proposal.competencies.map((competency) => competency.id),
    evidence: { suggestedWeight: proposal.evidence.suggestedWeight },
  }));
  const decisions = revision.decisions.map((decision) => ({
    rank: decision.rank,
    decision: decision.decision,
    amendedWeight: decision.amendedWeight,
  }));
  const { posts: revised, applied } = applyRevision(base.posts, proposals, decisions);
  const posts: CourseSystemPost[] = revised.map((post) => ({
    ...post,
    competencies: post.competencies.map((competency) => ({ ...competency, level: competency.level ?? 3 })),
  }));
  const bundle = await bundleOf(repositories, base.versionId);
  const facts = competencyFactsFromBundle(
    bundle,
    posts.flatMap((post) => post.competencies.map((competency) => competency.id)),
  );
  const system = synthesizeCourseSystem(
    posts.map((post) => ({ id: post.id, label: post.titleZh, labelEn: post.titleEn, competencies: post.competencies })),
    { facts, library: await bundledCourseLibrary() },
  );
  // A revision changes what the courses teach, not the timetable people know: each course continuing one of the
  // revised version keeps that course's semester where the lightest load allows.
  const semesterBefore = new Map(
    base.plan.semesters.flatMap((ids, index) => ids.map((id) => [id, index + 1] as const)),
  );
  const { pairs } = pairCourses(base.system, system);
  const keep = new Map(
    pairs.flatMap(([was, now]) => {
      const semester = semesterBefore.get(was.id);
      return semester === undefined ? [] : [[now.id, semester] as const];
    }),
  );
  const plan = await planCourseSystemSemesters(
    allCourses(system),
    {
      semesters: base.semesters,
      maxCredits: base.maxCredits,
      maxHours: base.maxHours,
      practical: base.practical,
      publicCourses: base.publicCourses,
    },
    started,
    undefined,
    keep,
  );

  const label = (id: string) => {
    const fact = facts.get(id);
    return { zh: fact?.labelZh ?? fact?.labelEn ?? id, en: fact?.labelEn ?? fact?.labelZh ?? id };
  };
  const diff = diffCourseSystems(base.system, system, { before: base.plan.semesters, after: plan.semesters });
  const ref = (course: Course) => ({
    id: course.id,
    title: { zh: course.titleZh, en: course.titleEn },
    credits: course.credits,
  });
  const diffView: CourseSystemDiffView = {
    added: diff.added.map(ref),
    removed: diff.removed.map(ref),
    changed: diff.changed.map((entry) => ({
      before: ref(entry.before),
      after: ref(entry.after),
      competenciesAdded: entry.competenciesAdded.map((id) => ({ id, label: label(id) })),
      competenciesRemoved: entry.competenciesRemoved.map((id) => ({ id, label: label(id) })),
      semesterBefore: entry.semesterBefore,
      semesterAfter: entry.semesterAfter,
    })),
    unchanged: diff.unchanged,
    creditsBefore: diff.creditsBefore,
    creditsAfter: diff.creditsAfter,
  };
  const requirements: RevisionResult['requirements'] = [];
  for (const post of base.posts) {
    const after = new Map(posts.find((p) => p.id === post.id)!.competencies.map((c) => [c.id, c.weight]));
    const before = new Map(post.competencies.map((c) => [c.id, c.weight]));
    for (const id of [...new Set([...before.keys(), ...after.keys()])].sort()) {
      if (before.get(id) === after.get(id)) continue;
      requirements.push({
        post: post.id,
        postLabel: { zh: post.titleZh, en: post.titleEn },
        competency: id,
        label: label(id),
        before: before.get(id) ?? null,
        after: after.get(id) ?? null,
      });
    }
  }
  const accepted = new Map(revision.decisions.map((decision) => [decision.rank, decision.decision]));
  const releaseNotes = revision.proposals
    .filter((proposal) => accepted.get(proposal.rank) === 'accepted' || accepted.get(proposal.rank) === 'amended')
    .map((proposal) => proposal.summary);
  const yearTag = { zh: `（${revision.afterYear + 1} 年修订）`, en: ` (${revision.afterYear + 1} revision)` };
  const now = context.clock();

  await context.store.transaction(async (transaction) => {
    await transaction.revisions.lock(revisionId);
    await checkApplicable(context, revisionId, organisationId, transaction);
    const id = await transaction.courseSystems.create({
      organisationId,
      proposalId: base.proposalId,
      builtFromStatus: base.builtFromStatus,
      groupId: base.groupId,
      titleZh: `${base.titleZh.replace(/（\d{4} 年修订）$/u, '')}${yearTag.zh}`,
      titleEn: `${base.titleEn.replace(/ \(\d{4} revision\)$/u, '')}${yearTag.en}`,
      versionId: base.versionId,
      semesters: base.semesters,
      maxCredits: base.maxCredits,
      maxHours: base.maxHours,
      practical: base.practical,
      posts,
      specialties: base.specialties,
      system,
      publicCourses: base.publicCourses,
      plan,
      createdBy: actor.personId,
      now,
      previousId: base.id,
      revisionId,
    });
    await transaction.courseSystems.copyTitleOverrides(base.id, id);
    const carried = await carryTrainingPlansForward(transaction, organisationId, base.id, id, actor.personId, now);
    const plans = [];
    for (const entry of carried) plans.push(await transaction.trainingPlans.find(entry.to));
    const pathways = await carryPathwaysForward(transaction, {
      organisationId,
      fromId: base.id,
      toId: id,
      revisionId,
      pairs,
      system,
      posts,
      now,
    });
    const person = await transaction.people.findById(actor.personId);
    const result: RevisionResult = {
      courseSystemId: id,
      courseSystemTitle: {
        zh: `${base.titleZh.replace(/（\d{4} 年修订）$/u, '')}${yearTag.zh}`,
        en: `${base.titleEn.replace(/ \(\d{4} revision\)$/u, '')}${yearTag.en}`,
      },
      appliedAt: now.toISOString(),
      appliedBy: person?.displayName ?? actor.email,
      releaseNotes,
      requirements,
      diff: diffView,
      trainingPlans: plans.flatMap((plan) => (plan ? [{ id: plan.id, title: plan.titleZh }] : [])),
      pathways,
    };
    await transaction.revisions.recordResult(revisionId, {
      courseSystemId: id,
      result,
      appliedBy: actor.personId,
      now,
    });
    await transaction.auditEvents.record({
      occurredAt: now,
      action: 'revision.applied',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: {
        revisionId,
        groupId: base.id,
        courseSystemId: id,
        applied: applied.length,
        added: diff.added.length,
        removed: diff.removed.length,
        changed: diff.changed.length,
        pathwaysCarried: pathways.carried,
        pathwaysAffected: pathways.affected,
      },
    });
  });
  return getRevision(context, actor, organisationId, revisionId);
}

async function checkApplicable(
  context: ServiceContext,
  revisionId: string,
  organisationId: string,
  repositories = context.store.repositories,
): Promise<void> {
  const revision = await requireRevision(repositories, organisationId, revisionId);
  if (revision.status !== 'approved') {
    throw new DomainError(
      'REVISION_NOT_APPROVED',
      `Only a revision the steering committee approved can be applied; this one is ${revision.status}.`,
      { status: revision.status },
    );
  }
  if (revision.resultCourseSystemId !== null || revision.appliedAt !== null) {
    throw new DomainError('REVISION_APPLIED', 'This revision has already been applied.', {
      courseSystemId: revision.resultCourseSystemId,
    });
  }
  const successor = await repositories.courseSystems.successorOf(revision.courseSystemId);
  if (successor) {
    throw new DomainError(
      'REVISION_CONFLICT',
      'The course system this revision revises has been revised meanwhile by another revision; start a new revision from the newer version.',
      { courseSystemId: successor },
    );
  }
}
