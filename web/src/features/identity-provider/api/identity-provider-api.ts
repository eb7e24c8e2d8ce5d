import { api } from '../../../api/api-client.js';
import type { IdentityProviderView, PutIdentityProviderInput, SsoTestStart } from '../../../api/contracts.js';

const providerPath = (organisationId: string) =>
  `/api/organisations/${encodeURIComponent(organisationId)}/identity-provider`;

/** The organisation's identity provider; IDENTITY_PROVIDER_NOT_FOUND (404) when it has none. */
export function fetchIdentityProvider(organisationId: string, signal?: AbortSignal) {
  return api.get<IdentityProviderView>(providerPath(organisationId), { signal });
}

export function saveIdentityProvider(organisationId: string, input: PutIdentityProviderInput) {
  return api.put<IdentityProviderView>(providerPath(organisationId), input);
}

export function deleteIdentityProvider(organisationId: string) {
  return api.delete<{ ok: true }>(providerPath(organisationId));
}

/** Starts an admin's test sign-in: the browser goes to `redirectUrl`, and comes back with the result in the URL. */
export function startIdentityProviderTest(organisationId: string) {
  return api.post<SsoTestStart>(`${providerPath(organisationId)}/test`);
}
