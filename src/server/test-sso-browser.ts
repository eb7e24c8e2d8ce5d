/**
 * A browser-like HTTP client for sign-in flows in API tests: follows redirects itself (fetch with redirect: 'manual'),
 * keeps every cookie it is given (one jar for 127.0.0.1, as a browser does: cookies ignore ports) and fills the test
 * identity providers' login forms.
 */
export class SsoBrowser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly credentials: { username: string; password: string } | null = null) {}

  /** The `zd_session=…` cookie header of the Zerodock session, if one was set. */
  get sessionCookie(): string | null {
    const token = this.cookies.get('zd_session');
    return token ? `zd_session=${token}` : null;
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const equals = pair.indexOf('=');
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', argument = ''] = attribute.split('=');
        const lower = key.trim().toLowerCase();
        return (
          (lower === 'max-age' && Number(argument) <= 0) || (lower === 'expires' && Date.parse(argument) < Date.now())
        );
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /**
   * Navigates to `url` and follows redirects — logging in at a test identity provider's form on the way — until a
   * redirect leaves for `stopAt` (Zerodock's own pages: not /api and not the provider). Returns the final location
   * (path and query) and the callback URL the provider sent the browser to.
   */
  async navigate(
    url: string,
    stopAt: string,
  ): Promise<{ location: string; callbackUrl: string | null; status: number; body?: string }> {
    let current = url;
    let callbackUrl: string | null = null;
    for (let hop = 0; hop < 20; hop += 1) {
      if (current.includes('/api/auth/sso/') && current.includes('/callback')) callbackUrl = current;
      const response = await this.fetch(current);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        const next = new URL(location, current);
        await response.body?.cancel();
        if (next.origin === new URL(stopAt).origin && !next.pathname.startsWith('/api/')) {
          return { location: `${next.pathname}${next.search}`, callbackUrl, status: response.status };
        }
        current = next.href;
        continue;
      }
      const body = await response.text();
      const form = /<form method="post" action="([^"]+)">/u.exec(body);
      if (response.status === 200 && form?.[1] && this.credentials) {
        // The test providers' login forms: post the credentials as a person would.
        const action = new URL(form[1], current);
        const fields = new URLSearchParams({ ...this.credentials });
        const service = /name="service" value="([^"]*)"/u.exec(body)?.[1];
        if (service)
          fields.set(
            'service',
            service.replace(/&#(\d+);/gu, (_match, code: string) => String.fromCharCode(Number(code))),
          );
        const posted = await this.fetch(action.href, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: fields.toString(),
        });
        const postedLocation = posted.headers.get('location');
        await posted.body?.cancel();
        if (!postedLocation) return { location: '', callbackUrl, status: posted.status };
        current = new URL(postedLocation, action).href;
        continue;
      }
      return { location: '', callbackUrl, status: response.status, body };
    }
    throw new Error(`too many redirects from ${url}`);
  }
}
