import { api } from '../../../api/api-client.js';
import type {
  CreatedInvitation,
  InvitationList,
  InviteMemberRequest,
  Member,
  MemberList,
  Role,
} from '../../../api/contracts.js';

export interface MemberListQuery {
  role?: Role;
  search?: string;
  limit: number;
  offset: number;
}

function organisationPath(organisationId: string): string {
  return `/api/organisations/${encodeURIComponent(organisationId)}`;
}

export function listMembers(organisationId: string, query: MemberListQuery, signal?: AbortSignal): Promise<MemberList> {
  return api.get<MemberList>(`${organisationPath(organisationId)}/members`, { query: { ...query }, signal });
}

/** The roles the signed-in person may hand out in this organisation (decided by the server). */
export function listGrantableRoles(organisationId: string, signal?: AbortSignal): Promise<{ roles: Role[] }> {
  return api.get<{ roles: Role[] }>(`${organisationPath(organisationId)}/grantable-roles`, { signal });
}

export function inviteMember(organisationId: string, request: InviteMemberRequest): Promise<CreatedInvitation> {
  return api.post<CreatedInvitation>(`${organisationPath(organisationId)}/invitations`, request);
}

export function listInvitations(
  organisationId: string,
  query: { limit: number; offset: number },
  signal?: AbortSignal,
): Promise<InvitationList> {
  return api.get<InvitationList>(`${organisationPath(organisationId)}/invitations`, { query: { ...query }, signal });
}

export function revokeInvitation(organisationId: string, invitationId: string): Promise<{ ok: true }> {
  return api.delete<{ ok: true }>(
    `${organisationPath(organisationId)}/invitations/${encodeURIComponent(invitationId)}`,
  );
}

export function setMemberRoles(organisationId: string, personId: string, roles: Role[]): Promise<Member> {
  return api.put<Member>(`${organisationPath(organisationId)}/members/${encodeURIComponent(personId)}/roles`, {
    roles,
  });
}

export function removeMember(organisationId: string, personId: string): Promise<{ ok: true }> {
  return api.delete<{ ok: true }>(`${organisationPath(organisationId)}/members/${encodeURIComponent(personId)}`);
}
