import { api } from '../../../api/api-client.js';
import type {
  CollegeSpecialtyDto,
  CollegeSpecialtyList,
  CollegeSpecialtyPut,
  CommentRequest,
  CreateProposalInput,
  VoteRequest,
  MovePreviewDto,
  MovePreviewRequest,
  MoveRequest,
  PairExplanationDto,
  ProposalDetailDto,
  ProposalList,
  RenameGroupRequest,
  SpecialtySuggestions,
} from '../../../api/contracts.js';

const segment = encodeURIComponent;

function specialtiesPath(organisationId: string): string {
  return `/api/organisations/${segment(organisationId)}/specialties`;
}

/** Readers of the college (admins, group directors, teachers, committee members). */
export function listSpecialties(organisationId: string, signal?: AbortSignal): Promise<CollegeSpecialtyList> {
  return api.get<CollegeSpecialtyList>(specialtiesPath(organisationId), { signal });
}

/** Group directors and college admins: adds or replaces the specialty with this catalogue code. */
export function putSpecialty(
  organisationId: string,
  code: string,
  input: CollegeSpecialtyPut,
): Promise<CollegeSpecialtyDto> {
  return api.put<CollegeSpecialtyDto>(`${specialtiesPath(organisationId)}/${segment(code)}`, input);
}

export function deleteSpecialty(organisationId: string, code: string): Promise<void> {
  return api.delete<void>(`${specialtiesPath(organisationId)}/${segment(code)}`);
}

/** The curated posts a catalogue specialty probably serves, best first, with why. */
export function suggestPosts(
  organisationId: string,
  code: string,
  name: string,
  signal?: AbortSignal,
): Promise<SpecialtySuggestions> {
  return api.get<SpecialtySuggestions>(`${specialtiesPath(organisationId)}/${segment(code)}/suggestions`, {
    query: { name },
    signal,
  });
}

/**
 * Where a proposal lives: the college's own pages (`/api/organisations/:id/specialty-groups`) or the steering
 * committee's (`/api/committee/specialty-groups`). The detail, pair and move calls are the same on both.
 */
export type ProposalScope = { kind: 'college'; organisationId: string } | { kind: 'committee' };

export function proposalsPath(scope: ProposalScope): string {
  return scope.kind === 'college'
    ? `/api/organisations/${segment(scope.organisationId)}/specialty-groups`
    : '/api/committee/specialty-groups';
}

function proposalPath(scope: ProposalScope, proposalId: string): string {
  return `${proposalsPath(scope)}/${segment(proposalId)}`;
}

/** The college's proposals (every status), or the committee's: submitted and decided proposals of every college. */
export function listProposals(scope: ProposalScope, signal?: AbortSignal): Promise<ProposalList> {
  return api.get<ProposalList>(proposalsPath(scope), { signal });
}

/** Group directors and college admins: the system groups the posts and proposes a draft. */
export function createProposal(organisationId: string, request: CreateProposalInput): Promise<ProposalDetailDto> {
  return api.post<ProposalDetailDto>(proposalsPath({ kind: 'college', organisationId }), request);
}

export function fetchProposal(scope: ProposalScope, proposalId: string, signal?: AbortSignal) {
  return api.get<ProposalDetailDto>(proposalPath(scope, proposalId), { signal });
}

/** Why two posts are similar: the competencies they share, with weights. */
export function fetchPair(scope: ProposalScope, proposalId: string, a: string, b: string, signal?: AbortSignal) {
  return api.get<PairExplanationDto>(`${proposalPath(scope, proposalId)}/pair`, { query: { a, b }, signal });
}

/** What a move would do to the quality, without writing it. */
export function previewMove(
  scope: ProposalScope,
  proposalId: string,
  request: MovePreviewRequest,
  signal?: AbortSignal,
) {
  return api.post<MovePreviewDto>(`${proposalPath(scope, proposalId)}/moves/preview`, request, { signal });
}

export function moveItem(scope: ProposalScope, proposalId: string, request: MoveRequest): Promise<ProposalDetailDto> {
  return api.post<ProposalDetailDto>(`${proposalPath(scope, proposalId)}/moves`, request);
}

/** Drafts only, college writers. */
export function renameGroup(organisationId: string, proposalId: string, request: RenameGroupRequest) {
  return api.post<ProposalDetailDto>(
    `${proposalPath({ kind: 'college', organisationId }, proposalId)}/rename`,
    request,
  );
}

/** Drafts only, college writers: hands the proposal to the steering committee. */
export function submitProposal(
  organisationId: string,
  proposalId: string,
  body: { committeeId?: string } = {},
): Promise<ProposalDetailDto> {
  return api.post<ProposalDetailDto>(`${proposalPath({ kind: 'college', organisationId }, proposalId)}/submit`, body);
}

/** The steering committee, while the proposal is submitted. */
export function commentOnProposal(proposalId: string, request: CommentRequest): Promise<ProposalDetailDto> {
  return api.post<ProposalDetailDto>(`${proposalPath({ kind: 'committee' }, proposalId)}/comments`, request);
}

/** A seated committee member's vote (a later vote replaces the earlier one until the committee decides). */
export function voteOnProposal(proposalId: string, request: VoteRequest): Promise<ProposalDetailDto> {
  return api.post<ProposalDetailDto>(`${proposalPath({ kind: 'committee' }, proposalId)}/votes`, request);
}
