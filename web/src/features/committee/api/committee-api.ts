import { api } from '../../../api/api-client.js';
import type {
  CommitteeChoiceListDto,
  CommitteePlanList,
  CommitteeRevisionList,
  RevisionView,
  TrainingPlanDto,
  VoteRequest,
} from '../../../api/contracts.js';

const segment = encodeURIComponent;
const PLANS = '/api/committee/training-plans';

function planPath(planId: string): string {
  return `${PLANS}/${segment(planId)}`;
}

/** Committee members and platform admins: the Talent Training Plans whose newest version went before a committee. */
export function listCommitteePlans(signal?: AbortSignal): Promise<CommitteePlanList> {
  return api.get<CommitteePlanList>(PLANS, { signal });
}

/** One plan before the committee: its versions (sections, rules checked) and the committee's live tally. */
export function getCommitteePlan(planId: string, signal?: AbortSignal): Promise<TrainingPlanDto> {
  return api.get<TrainingPlanDto>(planPath(planId), { signal });
}

/** A seated member votes (or changes their vote) on the plan's newest version; returns the plan with the new tally. */
export function voteOnPlan(planId: string, request: VoteRequest): Promise<TrainingPlanDto> {
  return api.post<TrainingPlanDto>(`${planPath(planId)}/votes`, request);
}

const REVISIONS = '/api/committee/revisions';

/** Committee members and platform admins: the yearly revisions put before a committee, newest submission first. */
export function listCommitteeRevisions(signal?: AbortSignal): Promise<CommitteeRevisionList> {
  return api.get<CommitteeRevisionList>(REVISIONS, { signal });
}

/** One revision before the committee: its changes, ranked proposals with the director's decisions, the live vote. */
export function getCommitteeRevision(revisionId: string, signal?: AbortSignal): Promise<RevisionView> {
  return api.get<RevisionView>(`${REVISIONS}/${segment(revisionId)}`, { signal });
}

/**
 * A seated member votes (or changes their vote) on a submitted revision; returns it with the new tally. 409
 * VOTING_CLOSED once decided or withdrawn, 403 CONFLICT_OF_INTEREST for its authors and its college's members.
 */
export function voteOnRevision(revisionId: string, request: VoteRequest): Promise<RevisionView> {
  return api.post<RevisionView>(`${REVISIONS}/${segment(revisionId)}/votes`, request);
}

/** A college's directors: the committees a proposal or plan may be put before (names only). */
export function listCommitteeChoices(organisationId: string, signal?: AbortSignal): Promise<CommitteeChoiceListDto> {
  return api.get<CommitteeChoiceListDto>(`/api/organisations/${segment(organisationId)}/committee-choices`, { signal });
}
