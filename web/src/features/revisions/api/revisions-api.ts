import { api } from '../../../api/api-client.js';
import type { CreateRevisionBody, DecideProposalInput, RevisionList, RevisionView } from '../../../api/contracts.js';

const segment = encodeURIComponent;

function organisationPath(organisationId: string): string {
  return `/api/organisations/${segment(organisationId)}`;
}

function groupRevisionsPath(organisationId: string, groupId: string): string {
  return `${organisationPath(organisationId)}/specialty-groups/${segment(groupId)}/revisions`;
}

function revisionPath(organisationId: string, revisionId: string): string {
  return `${organisationPath(organisationId)}/revisions/${segment(revisionId)}`;
}

/** The group's yearly revisions, newest first as the server orders them. */
export function listRevisions(organisationId: string, groupId: string, signal?: AbortSignal): Promise<RevisionList> {
  return api.get<RevisionList>(groupRevisionsPath(organisationId, groupId), { signal });
}

/**
 * Group directors and college admins: compares the two years' postings and drafts the proposals. 409
 * REVISION_OPEN while another revision of the group is open; 400 REVISION_NO_DEMAND when a year has no postings.
 */
export function startRevision(
  organisationId: string,
  groupId: string,
  body: CreateRevisionBody,
): Promise<RevisionView> {
  return api.post<RevisionView>(groupRevisionsPath(organisationId, groupId), body);
}

export function getRevision(organisationId: string, revisionId: string, signal?: AbortSignal): Promise<RevisionView> {
  return api.get<RevisionView>(revisionPath(organisationId, revisionId), { signal });
}

/** While the revision is a draft: accept, reject or amend the proposal of this rank. */
export function decideProposal(
  organisationId: string,
  revisionId: string,
  rank: number,
  body: DecideProposalInput,
): Promise<RevisionView> {
  return api.post<RevisionView>(`${revisionPath(organisationId, revisionId)}/proposals/${rank}/decision`, body);
}

/** Hands the decided revision to the steering committee. */
export function submitRevision(organisationId: string, revisionId: string): Promise<RevisionView> {
  return api.post<RevisionView>(`${revisionPath(organisationId, revisionId)}/submit`, {});
}

/** Takes a submitted revision back before the committee decides. */
export function withdrawRevision(organisationId: string, revisionId: string): Promise<RevisionView> {
  return api.post<RevisionView>(`${revisionPath(organisationId, revisionId)}/withdraw`, {});
}

/**
 * Group directors and college admins, once the committee approved the revision: builds the new course system
 * version from the revised requirements (the revised version stays as it was). 409 REVISION_NOT_APPROVED,
 * REVISION_APPLIED, or REVISION_CONFLICT (`details.courseSystemId`: the newer version that revised it meanwhile).
 */
export function applyRevision(organisationId: string, revisionId: string): Promise<RevisionView> {
  return api.post<RevisionView>(`${revisionPath(organisationId, revisionId)}/apply`, {});
}
