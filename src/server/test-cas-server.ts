import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A person the test CAS server knows: the CAS user name (学号/工号), a password and CAS 3.0 attributes. */
export interface TestCasAccount {
  readonly user: string;
  readonly password: string;
  readonly attributes?: Readonly<Record<string, string | readonly string[]>>;
}

export interface TestCasServer {
  /** The CAS base URL to configure (`http://127.0.0.1:<port>/cas`): /login, /serviceValidate, /p3/serviceValidate. */
  readonly serverUrl: string;
  /**
   * A CAS base URL whose login works but whose validation answers are not XML (`…/broken`): a malformed answer
   * from a real flow.
   */
  readonly brokenServerUrl: string;
  /** Tickets issued so far, and validation requests received. */
  readonly stats: { ticketsIssued: number; validations: number };
  close(): Promise<void>;
}

interface Ticket {
  readonly service: string;
  readonly account: TestCasAccount;
  readonly expiresAt: number;
  used: boolean;
}

const TICKET_MS = 60_000;

/**
 * A small CAS 2.0 / 3.0 server for tests (a real protocol server over HTTP, not a mock of our client):
 * `GET /cas/login?service=…` shows a login form (or signs in at once with `&username=…&password=…`, for API tests),
 * then redirects to the service with a single-use service ticket bound to that exact service URL;
 * `/cas/serviceValidate` (2.0) and `/cas/p3/serviceValidate` (3.0, with `cas:attributes`) answer the protocol's XML,
 * `cas:authenticationFailure` with INVALID_REQUEST, INVALID_TICKET or INVALID_SERVICE when they must.
 */
export async function startTestCasServer(accounts: readonly TestCasAccount[]): Promise<TestCasServer> {
  const byUser = new Map(accounts.map((account) => [account.user, account]));
  const tickets = new Map<string, Ticket>();
  const stats = { ticketsIssued: 0, validations: 0 };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://cas.test');
    const broken = url.pathname.startsWith('/broken/');
    const path = url.pathname.replace(/^\/(cas|broken)\//u, '/');
    if (path === '/login') {
      const form = request.method === 'POST' ? new URLSearchParams(await readBody(request)) : url.searchParams;
      const service = form.get('service') ?? url.searchParams.get('service');
      if (!service) return send(response, 400, 'text/plain', 'service is required');
      const username = form.get('username');
      const password = form.get('password');
      if (username === null || password === null) return send(response, 200, 'text/html', loginPage(service, null));
      const account = byUser.get(username);
      if (!account || account.password !== password) {
        return send(response, 401, 'text/html', loginPage(service, '用户名或密码错误 / Wrong user name or password'));
      }
      const ticket = `ST-${randomBytes(18).toString('base64url')}`;
      tickets.set(ticket, { service, account, expiresAt: Date.now() + TICKET_MS, used: false });
      stats.ticketsIssued += 1;
      const target = new URL(service);
      target.searchParams.set('ticket', ticket);
      response.writeHead(302, { location: target.href }).end();
      return;
    }
    if (path === '/serviceValidate' || path === '/p3/serviceValidate') {
      stats.validations += 1;
      if (broken) return send(response, 200, 'text/xml', '<html><body>Service temporarily unavailable</body');
      const service = url.searchParams.get('service');
      const ticketId = url.searchParams.get('ticket');
      if (!service || !ticketId)
        return send(response, 200, 'text/xml', failure('INVALID_REQUEST', 'service and ticket are required'));
      const ticket = tickets.get(ticketId);
      if (!ticket || ticket.used || ticket.expiresAt < Date.now()) {
        if (ticket) ticket.used = true;
        return send(response, 200, 'text/xml', failure('INVALID_TICKET', `Ticket ${ticketId} not recognized`));
      }
      // Single use, whatever the outcome (CAS protocol 3.0, section 3.1.1).
      ticket.used = true;
      if (ticket.service !== service) {
        return send(
          response,
          200,
          'text/xml',
          failure('INVALID_SERVICE', `Ticket ${ticketId} does not match the service`),
        );
      }
      return send(response, 200, 'text/xml', success(ticket.account, path === '/p3/serviceValidate'));
    }
    send(response, 404, 'text/plain', 'not found');
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain', String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serverUrl: `http://127.0.0.1:${port}/cas`,
    brokenServerUrl: `http://127.0.0.1:${port}/broken`,
    stats,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function success(account: TestCasAccount, withAttributes: boolean): string {
  const attributes = withAttributes
    ? `\n    <cas:attributes>\n${Object.entries(account.attributes ?? {})
        .flatMap(([name, value]) =>
          (typeof value === 'string' ? [value] : value).map(
            (item) => `      <cas:${name}>${escapeXml(item)}</cas:${name}>`,
          ),
        )
        .join('\n')}\n    </cas:attributes>`
    : '';
  return `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
  <cas:authenticationSuccess>
    <cas:user>${escapeXml(account.user)}</cas:user>${attributes}
  </cas:authenticationSuccess>
</cas:serviceResponse>
`;
}

function failure(code: string, message: string): string {
  return `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
  <cas:authenticationFailure code="${code}">${escapeXml(message)}</cas:authenticationFailure>
</cas:serviceResponse>
`;
}

function loginPage(service: string, error: string | null): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>统一身份认证 (test CAS)</title></head>
<body>
<h1>统一身份认证</h1>
${error ? `<p id="error">${escapeXml(error)}</p>` : ''}
<form method="post" action="login">
  <input type="hidden" name="service" value="${escapeXml(service)}">
  <label>学号/工号 <input id="username" name="username" autocomplete="username"></label>
  <label>密码 <input id="password" name="password" type="password" autocomplete="current-password"></label>
  <button id="submit" type="submit">登录</button>
</form>
</body></html>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/gu, (character) => `&#${character.charCodeAt(0)};`);
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > 64 * 1024) throw new Error('form too large');
  }
  return body;
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8` }).end(body);
}
