import type { RevisionProposal } from './derive-revision-proposals.js';

export interface RevisablePost {
  readonly id: string;
  readonly competencies: readonly { readonly id: string; readonly weight: number; readonly level?: number }[];
}

export interface ProposalDecision {
  readonly rank: number;
  readonly decision: 'accepted' | 'rejected' | 'amended';
  /** An amended weight (new requirement, weight change); otherwise the proposal's suggestion stands. */
  readonly amendedWeight?: number | null;
}

/** What applying needs of a proposal (the stored views of the product carry more). */
export type ApplicableProposal = Pick<RevisionProposal, 'rank' | 'kind' | 'post' | 'competencies'> & {
  readonly evidence: { readonly suggestedWeight?: number | null | undefined };
};

export interface AppliedRevision<P extends RevisablePost> {
  readonly posts: P[];
  /** Proposals that changed the posts' requirements (accepted or amended requirement proposals). */
  readonly applied: number[];
  /**
   * Accepted proposals about courses and enrolment: they are carried by re-building the course system from the new
   * requirements (the diff shows what actually changed), or are notes for the admissions office.
   */
  readonly carried: number[];
}

/** A new requirement's level when the post gives none for it (the catalogue's middle level). */
const DEFAULT_LEVEL = 3;

/**
 * The posts' requirements after the accepted and amended proposals of a revision: a new requirement is added at
 * the amended or suggested weight, a weight change sets it, a dropped requirement goes. Rejected and undecided
 * proposals change nothing; a group-level candidate (no post) needs a post before it can be applied, so it is
 * carried, not applied. Pure: the input is not modified.
 */
export function applyRevision<P extends RevisablePost>(
  posts: readonly P[],
  proposals: readonly ApplicableProposal[],
  decisions: readonly ProposalDecision[],
): AppliedRevision<P> {
  const decided = new Map(decisions.map((decision) => [decision.rank, decision]));
  const next = new Map(
    posts.map((post) => [post.id, new Map(post.competencies.map((c) => [c.id, { ...c }]))] as const),
  );
  const applied: number[] = [];
  const carried: number[] = [];
  for (const proposal of proposals) {
    const decision = decided.get(proposal.rank);
    if (!decision || decision.decision === 'rejected') continue;
    const requirements = proposal.post === null ? undefined : next.get(proposal.post);
    const competency = proposal.competencies[0];
    const weight = decision.amendedWeight ?? proposal.evidence.suggestedWeight ?? null;
    if (
      !requirements ||
      competency === undefined ||
      !['new-requirement', 'weight-change', 'requirement-dropped'].includes(proposal.kind)
    ) {
      carried.push(proposal.rank);
      continue;
    }
    if (proposal.kind === 'requirement-dropped') {
      requirements.delete(competency);
    } else {
      const existing = requirements.get(competency);
      requirements.set(competency, {
        id: competency,
        weight: weight ?? existing?.weight ?? 0.5,
        level: existing?.level ?? DEFAULT_LEVEL,
      });
    }
    applied.push(proposal.rank);
  }
  return {
    posts: posts.map((post) => ({ ...post, competencies: [...next.get(post.id)!.values()] })),
    applied,
    carried,
  };
}
