import { api } from '../../../api/api-client.js';
import type { AddMemberRequest, Member, MemberList, Role } from '../../../api/contracts.js';

export interface MemberListQuery {
  role?: Role;
  search?: string;
  limit: number;
  offset: number;
}

function membersPath(organisationId: string): string {
  return `/api/organisations/${encodeURIComponent(organisationId)}/members`;
}

export function listMembers(organisationId: string, query: MemberListQuery, signal?: AbortSignal): Promise<MemberList> {
  return api.get<MemberList>(membersPath(organisationId), { query: { ...query }, signal });
}

export function addMember(organisationId: string, request: AddMemberRequest): Promise<Member> {
  return api.post<Member>(membersPath(organisationId), request);
}

export function removeMember(organisationId: string, personId: string): Promise<{ ok: true }> {
  return api.delete<{ ok: true }>(`${membersPath(organisationId)}/${encodeURIComponent(personId)}`);
}
