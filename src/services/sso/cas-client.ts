import { parseCasResponse, type CasValidation } from '../../interchange/cas/parse-cas-response.js';
import { boundedFetch, type OutboundLimits } from './bounded-fetch.js';

/** A CAS server's base URL without a trailing slash (`https://cas.example.edu.cn/cas`). */
function baseOf(serverUrl: string): string {
  return serverUrl.replace(/\/+$/u, '');
}

/** Where the browser goes to sign in at the CAS server; it comes back to `service` with `ticket=ST-…`. */
export function casLoginUrl(serverUrl: string, service: string): string {
  const url = new URL(`${baseOf(serverUrl)}/login`);
  url.searchParams.set('service', service);
  return url.href;
}

/**
 * Validates a service ticket server to server: CAS 2.0 `/serviceValidate`, CAS 3.0 `/p3/serviceValidate` (which
 * answers the attributes too). `service` must be exactly the URL the ticket was issued for.
 */
export async function validateCasTicket(
  serverUrl: string,
  version: '2.0' | '3.0',
  service: string,
  ticket: string,
  limits: OutboundLimits,
): Promise<CasValidation & { status?: number }> {
  const url = new URL(`${baseOf(serverUrl)}/${version === '3.0' ? 'p3/' : ''}serviceValidate`);
  url.searchParams.set('service', service);
  url.searchParams.set('ticket', ticket);
  const response = await boundedFetch(url, { headers: { accept: 'application/xml, text/xml' } }, limits);
  const text = await response.text();
  if (response.status !== 200) {
    return { kind: 'malformed', problem: `the CAS server answered HTTP ${response.status}`, status: response.status };
  }
  return parseCasResponse(text);
}
