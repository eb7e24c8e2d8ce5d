const SESSION_COOKIE = 'zd_session';

export interface Credentials {
  readonly email: string;
  readonly password: string;
}

/** The demo platform administrator (data/demo/demo-dataset.json). */
export const DEMO_ADMIN: Credentials = { email: 'admin@demo.zerodock.local', password: 'zerodock-demo' };

/** Signs in through the API and returns the `cookie` header value that carries the session. */
export async function signIn(baseUrl: string, credentials: Credentials): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
    signal: AbortSignal.timeout(15_000),
  });
  const body = await response.text();
  if (response.status !== 200) {
    throw new Error(`sign-in as ${credentials.email} answered ${response.status}: ${body.slice(0, 300)}`);
  }
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(';')[0] ?? '';
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === SESSION_COOKIE) {
      return `${SESSION_COOKIE}=${pair.slice(separator + 1).trim()}`;
    }
  }
  throw new Error(`sign-in as ${credentials.email} set no ${SESSION_COOKIE} cookie`);
}
