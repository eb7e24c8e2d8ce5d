import { api } from '../../../api/api-client.js';
import type {
  CreateOrganisationRequest,
  Organisation,
  OrganisationKind,
  OrganisationList,
} from '../../../api/contracts.js';

export interface OrganisationListQuery {
  kind?: OrganisationKind;
  limit: number;
  offset: number;
}

export function listOrganisations(query: OrganisationListQuery, signal?: AbortSignal): Promise<OrganisationList> {
  return api.get<OrganisationList>('/api/organisations', { query: { ...query }, signal });
}

export function fetchOrganisation(organisationId: string, signal?: AbortSignal): Promise<Organisation> {
  return api.get<Organisation>(`/api/organisations/${encodeURIComponent(organisationId)}`, { signal });
}

/** Platform admins only. */
export function createOrganisation(request: CreateOrganisationRequest): Promise<Organisation> {
  return api.post<Organisation>('/api/organisations', request);
}
