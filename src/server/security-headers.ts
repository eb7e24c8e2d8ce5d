import fastifyHelmet from '@fastify/helmet';
import type { RouteOptions } from 'fastify';
import type { ZodApp } from './route-dependencies.js';

type Directives = Record<string, string[]>;

/**
 * The web app (dist/web): its own scripts only (Vite emits no inline script), styles inline too (antd's CSS-in-JS
 * and index.html's <style>), the data: favicon, API calls to the same origin; never framed, no plugins.
 */
export const WEB_APP_CSP: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Swagger UI at /api/docs: the same, as its bundle is also self-hosted (inline SVG icons as data: images). */
export const API_DOCS_CSP: Directives = { ...WEB_APP_CSP };

/** JSON answers and file downloads of the API: nothing in them may load or run anything. */
export const API_CSP: Directives = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** Browser features the product never uses, switched off for every page. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

const DOCUMENTATION_PREFIX = '/api/docs';

function policyText(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');
}

/**
 * Security headers on every response (helmet's well-kept set: CSP, frame-ancestors + X-Frame-Options, nosniff,
 * Referrer-Policy, Cross-Origin-Opener/Resource-Policy…, plus a Permissions-Policy), with a CSP per kind of
 * response: the web app, the API documentation, and the API itself. HSTS only when the server is reached over
 * HTTPS (Secure cookies), where it also asks browsers to upgrade insecure requests. Register before any route.
 */
export async function registerSecurityHeaders(app: ZodApp, options: { readonly https: boolean }): Promise<void> {
  const withUpgrade = (directives: Directives): Directives =>
    options.https ? { ...directives, 'upgrade-insecure-requests': [] } : directives;
  app.addHook('onRoute', (route: RouteOptions) => {
    if ((route.url ?? '').startsWith(DOCUMENTATION_PREFIX)) {
      route.helmet = { contentSecurityPolicy: { useDefaults: false, directives: withUpgrade(API_DOCS_CSP) } };
    }
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: withUpgrade(WEB_APP_CSP) },
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
  });
  const apiPolicy = policyText(API_CSP);
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('permissions-policy', PERMISSIONS_POLICY);
    // Every API answer, an unknown /api path's 404 included (it has no route options to carry a policy).
    if (request.url.startsWith('/api') && !request.url.startsWith(DOCUMENTATION_PREFIX)) {
      reply.raw.setHeader('content-security-policy', apiPolicy);
    }
  });
}
