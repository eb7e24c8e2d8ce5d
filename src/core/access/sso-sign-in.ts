/**
 * Decisions of a sign-in through an identity provider (CAS / OpenID Connect) that need no I/O.
 */

/** Where a browser may be sent after signing in: a same-origin path, never another site. */
export function safeReturnPath(requested: string | undefined | null): string {
  if (!requested) return '/';
  // A path of this site only: one leading slash, no scheme-relative `//host`, no `/\host` (browsers read `\` as `/`),
  // no control characters (a header split or a stripped tab turning `/\t/host` into `//host`).
  if (!requested.startsWith('/') || requested.startsWith('//') || requested.startsWith('/\\')) return '/';
  for (const character of requested) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f || character === '\\') return '/';
  }
  // The API and its callbacks are not places to land on.
  if (requested === '/api' || requested.startsWith('/api/')) return '/';
  return requested;
}

export interface SsoCandidate {
  readonly personId: string;
  readonly disabled: boolean;
  /** Whether the person holds a role in the organisation whose identity provider vouched for them. */
  readonly isMember: boolean;
}

/**
 * Whether the person an identity provider vouched for may sign in through that organisation's provider: a provider
 * speaks only for its own organisation's people (a college's CAS cannot sign in an enterprise's engineer who happens
 * to hold the same 工号), and never for a disabled account.
 */
export function decideSsoPerson(
  candidate: SsoCandidate | undefined,
): { ok: true } | { ok: false; reason: 'unknown_person' | 'not_a_member' | 'disabled' } {
  if (!candidate) return { ok: false, reason: 'unknown_person' };
  if (!candidate.isMember) return { ok: false, reason: 'not_a_member' };
  if (candidate.disabled) return { ok: false, reason: 'disabled' };
  return { ok: true };
}

/**
 * Whether an identity provider's URL may be used: HTTPS, or plain HTTP to this machine only (a test identity provider,
 * a provider behind a local proxy). Tickets and codes are validated server to server; over plain HTTP across a network
 * anyone on the path could answer for the provider.
 */
export function isAcceptableProviderUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
}
