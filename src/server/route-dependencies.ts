import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DemoAccountsResponse } from '../contracts/auth.js';
import { DomainError } from '../core/errors/domain-error.js';
import type { AuthenticatedSession, RequestOrigin } from '../services/auth-service.js';
import type { ServiceContext } from '../services/service-context.js';
import type { StorageBackend } from '../storage/create-database.js';
import type { UploadArea } from './upload-file.js';
import './fastify-augmentation.js';

export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What route handlers may use: the services' context and facts about this installation. */
export interface RouteDependencies {
  readonly services: ServiceContext;
  readonly backend: StorageBackend;
  readonly version: string;
  /** The demo accounts for the login page, read once at start; null when there is no demo data (or in production). */
  readonly demo: DemoAccountsResponse | null;
  readonly loginRateLimit: number;
  readonly cookieSecure: boolean;
  readonly checkDatabase: () => Promise<void>;
  /** Where upload bodies are streamed to (bounded, always removed) and the import slots that bound memory. */
  readonly uploads: UploadArea;
  /** ZERODOCK_PUBLIC_URL (no trailing slash): the base of SSO callback URLs; null or absent: the request's origin. */
  readonly publicUrl?: string | null;
}

export const SESSION_COOKIE = 'zd_session';

export function originOf(request: FastifyRequest): RequestOrigin {
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof userAgent === 'string' ? userAgent : null };
}

/** The caller's session on a route whose access is not public (the hook has already authenticated). */
export function requireAuth(request: FastifyRequest): AuthenticatedSession {
  if (!request.auth) throw new DomainError('NOT_AUTHENTICATED', 'Sign in first', {});
  return request.auth;
}
