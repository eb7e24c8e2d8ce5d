import type { VoteRequest } from '../contracts/committee.js';
import type { TrainingPlanDto } from '../contracts/course-systems.js';
import type { Actor } from '../core/access/actor.js';
import { mayReadCommitteeMatter } from '../core/committee/committees-visible-to.js';
import { decidePlanVersion } from '../core/courses/plan-version-lifecycle.js';
import { DomainError } from '../core/errors/domain-error.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';
import type { TrainingPlanRecord } from '../storage/repositories/training-plan.repository.js';
import { castVoteIn, describeTally } from './committee-service.js';
import { snapshotActor } from './proposal-operations.js';
import type { ServiceContext } from './service-context.js';
import { planMatter, present } from './training-plan-service.js';

/**
 * The steering committee's side of Talent Training Plans: the plans whose newest version was put before a
 * committee, read and voted on by its members. When the quorum and majority hold, the version is approved (and
 * immutable, by trigger too) or given back to the college as a draft for another round.
 */

export interface CommitteePlanSummary {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationNameEn: string;
  titleZh: string;
  number: number;
  status: 'draft' | 'approved';
  underReview: boolean;
  submittedAt: string | null;
}

/** The committee the plan's newest reviewed version was put before (null: never put before one). */
function committeeOfPlan(plan: TrainingPlanRecord): string | null {
  return plan.versions.findLast((version) => version.reviewRound > 0)?.committeeId ?? null;
}

/** A plan put before a committee `actor` sits on (or any, for a platform admin); otherwise not found. */
async function requireReviewedPlan(
  repositories: Repositories,
  planId: string,
  actor: Actor,
): Promise<TrainingPlanRecord> {
  const plan = await repositories.trainingPlans.find(planId);
  if (!plan || committeeOfPlan(plan) === null || !mayReadCommitteeMatter(actor, committeeOfPlan(plan))) {
    throw new DomainError('TRAINING_PLAN_NOT_FOUND', 'No such training plan before the committee.', { planId });
  }
  return plan;
}

/** Every plan with a version put before a committee `actor` may read, with its newest version's state. */
export async function listCommitteePlans(
  context: ServiceContext,
  actor: Actor,
): Promise<{ items: CommitteePlanSummary[] }> {
  const repositories = context.store.repositories;
  const items: CommitteePlanSummary[] = [];
  for (const plan of await repositories.trainingPlans.listReviewed()) {
    if (!mayReadCommitteeMatter(actor, committeeOfPlan(plan))) continue;
    const latest = plan.versions.at(-1)!;
    const organisation = await repositories.organisations.findById(plan.organisationId);
    items.push({
      id: plan.id,
      organisationId: plan.organisationId,
      organisationName: organisation?.nameZh ?? '',
      organisationNameEn: organisation?.nameEn ?? '',
      titleZh: plan.titleZh,
      number: latest.number,
      status: latest.status,
      underReview: latest.status === 'draft' && latest.submittedAt !== null,
      submittedAt: latest.submittedAt,
    });
  }
  return { items };
}

/** One plan as the committee reads it (every version, and the live review of the newest). */
export async function getCommitteePlan(
  context: ServiceContext,
  actor: Actor,
  planId: string,
): Promise<TrainingPlanDto> {
  const repositories = context.store.repositories;
  return present(repositories, await requireReviewedPlan(repositories, planId, actor), actor);
}

/**
 * A committee member's vote on the plan's newest version under review; the decision, once the quorum and majority
 * hold, approves the version (named after the committee and the count) or gives it back to the college.
 */
export async function voteOnTrainingPlan(
  context: ServiceContext,
  actor: Actor,
  planId: string,
  request: VoteRequest,
): Promise<TrainingPlanDto> {
  await context.store.transaction(async (repositories) => {
    await repositories.trainingPlans.lock(planId);
    const plan = await requireReviewedPlan(repositories, planId, actor);
    const matter = await planMatter(repositories, plan);
    if (!matter) throw new DomainError('VOTING_CLOSED', 'The plan is not before the committee.', { planId });
    const now = context.clock();
    const who = await snapshotActor(repositories, actor, matter.committeeId);
    const tally = await castVoteIn(repositories, actor, who.name, matter, request, now);
    if (tally.outcome === 'pending') return;
    const version = plan.versions.at(-1)!;
    const decision = decidePlanVersion(version, tally.outcome);
    if (decision.status === 'approved') {
      const committee = await repositories.committees.find(matter.committeeId);
      const account = describeTally(tally);
      await repositories.trainingPlans.approve(
        version.id,
        null,
        `${committee?.nameZh ?? '专业建设指导委员会'}（${account.zh}）`,
        now,
      );
    } else {
      await repositories.trainingPlans.returnToDraft(version.id, now);
    }
  });
  return getCommitteePlan(context, actor, planId);
}
