import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Provider, type KoaLikeContext } from 'oidc-provider';

/** A person the test OpenID provider knows: the name typed at its login form, a password, and their claims. */
export interface TestOidcAccount {
  readonly username: string;
  readonly password: string;
  /** Claims besides `sub` (= username): e.g. `{ student_id: '2024001', email: …, name: … }`. */
  readonly claims: Readonly<Record<string, unknown>>;
}

export interface TestOidcClient {
  readonly clientId: string;
  /** Null: a public client (token_endpoint_auth_method none, PKCE only). */
  readonly clientSecret: string | null;
  readonly redirectUris: readonly string[];
}

export interface TestOidcProvider {
  /** The issuer to configure (`http://127.0.0.1:<port>`); discovery at /.well-known/openid-configuration. */
  readonly issuer: string;
  /** Token requests received (each sign-in makes one). */
  readonly stats: { tokenRequests: number; discoveries: number };
  close(): Promise<void>;
}

/** Custom claims the test provider releases with the `profile` scope (学号 / 工号). */
export const TEST_OIDC_PROFILE_CLAIMS = ['name', 'preferred_username', 'student_id', 'employee_id'];

/**
 * A real OpenID Connect provider for tests: `oidc-provider` 8 (certified) on a loopback port, with static clients,
 * an in-memory account store and a minimal login page of our own (`/interaction/:uid`: a form posting user name and
 * password, or "cancel" answering access_denied). Consent is implied (a first-party client), so a sign-in is: the
 * authorization request, the login form, the redirect back with a code. PKCE is required of every client.
 * `conformIdTokenClaims` (default false) puts the scope's claims in the ID token; true leaves them to UserInfo.
 */
export async function startTestOidcProvider(options: {
  accounts: readonly TestOidcAccount[];
  clients: readonly TestOidcClient[];
  conformIdTokenClaims?: boolean;
}): Promise<TestOidcProvider> {
  const accounts = new Map(options.accounts.map((account) => [account.username, account]));
  const stats = { tokenRequests: 0, discoveries: 0 };
  let provider: Provider | null = null;
  let providerHandler: ((request: IncomingMessage, response: ServerResponse) => void) | null = null;

  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path === '/token' && request.method === 'POST') stats.tokenRequests += 1;
    if (path === '/.well-known/openid-configuration') stats.discoveries += 1;
    if (path.startsWith('/interaction/')) {
      interaction(request, response).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      });
      return;
    }
    providerHandler?.(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const interaction = async (request: IncomingMessage, response: ServerResponse) => {
    const oidc = provider!;
    const details = await oidc.interactionDetails(request, response);
    const path = (request.url ?? '/').split('?')[0] ?? '';
    if (request.method === 'POST' && path.endsWith('/abort')) {
      await oidc.interactionFinished(
        request,
        response,
        { error: 'access_denied', error_description: 'The person cancelled the sign-in' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (request.method === 'POST' && path.endsWith('/login')) {
      const form = new URLSearchParams(await readBody(request));
      const account = accounts.get(form.get('username') ?? '');
      if (!account || account.password !== form.get('password')) {
        response.writeHead(401, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid, true));
        return;
      }
      await oidc.interactionFinished(
        request,
        response,
        { login: { accountId: account.username } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid, false));
  };

  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  provider = new Provider(issuer, {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      ...(client.clientSecret
        ? { client_secret: client.clientSecret, token_endpoint_auth_method: 'client_secret_post' }
        : { token_endpoint_auth_method: 'none' }),
      redirect_uris: [...client.redirectUris],
      response_types: ['code'],
      grant_types: ['authorization_code'],
    })),
    jwks: { keys: [{ ...keys, kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: {
      openid: ['sub'],
      profile: TEST_OIDC_PROFILE_CLAIMS,
      email: ['email', 'email_verified'],
    },
    conformIdTokenClaims: options.conformIdTokenClaims ?? false,
    ttl: { AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    pkce: { methods: ['S256'], required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_context: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_context: unknown, id: string) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({ ...account.claims, sub: id }),
      };
    },
    // A first-party client: consent is implied, the grant made at the first sign-in.
    loadExistingGrant: async (context: KoaLikeContext) => {
      const { oidc } = context;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
    renderError: (context: { type: string; body: string }, out: Record<string, unknown>) => {
      context.type = 'text/plain; charset=utf-8';
      context.body = JSON.stringify(out);
    },
  });
  providerHandler = provider.callback();

  return {
    issuer,
    stats,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function loginPage(uid: string, failed: boolean): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>统一身份认证 (test OpenID provider)</title></head>
<body>
<h1>统一身份认证</h1>
${failed ? '<p id="error">用户名或密码错误 / Wrong user name or password</p>' : ''}
<form method="post" action="/interaction/${encodeURIComponent(uid)}/login">
  <label>学号/工号 <input id="username" name="username" autocomplete="username"></label>
  <label>密码 <input id="password" name="password" type="password" autocomplete="current-password"></label>
  <button id="submit" type="submit">登录</button>
</form>
<form method="post" action="/interaction/${encodeURIComponent(uid)}/abort"><button id="cancel" type="submit">取消</button></form>
</body></html>`;
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > 64 * 1024) throw new Error('form too large');
  }
  return body;
}
