import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DomainError } from '../core/errors/domain-error.js';
import { databaseOptionsFromEnvironment, type DatabaseOptions } from '../storage/create-database.js';
import type { SmtpSettings } from '../services/mail-transport.js';
import { DEFAULT_REQUEST_DEADLINE_SECONDS } from './route-deadline.js';

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty`: one readable line per log record; `json`: pino's JSON lines (default when NODE_ENV=production). */
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  NODE_ENV: z.string().default('development'),
  /**
   * Whether the session cookie is Secure (and HSTS is sent). Default: true when NODE_ENV=production, false
   * otherwise; set `false` explicitly to test a production build over plain HTTP.
   */
  ZERODOCK_COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  /** Trust X-Forwarded-* from a reverse proxy (for client IPs in rate limits and the audit log). */
  ZERODOCK_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** Login attempts allowed per IP and e-mail per minute. */
  ZERODOCK_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Seconds a resolved session is remembered in process; 0 turns it off (see src/storage/session-cache.ts). */
  ZERODOCK_SESSION_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(5),
  /** Seconds a request may take before it answers 503 DEADLINE_EXCEEDED (imports and exports declare longer ones). */
  ZERODOCK_REQUEST_DEADLINE_SECONDS: z.coerce.number().min(1).max(3600).default(DEFAULT_REQUEST_DEADLINE_SECONDS),
  /** Folder for uploads being received and imported (one private folder each); default `<tmp>/zerodock-uploads`. */
  ZERODOCK_UPLOAD_DIR: z.string().min(1).optional(),
  /** Heavy imports (upload parsing) running at once; more wait, then get 503 IMPORT_BUSY. */
  ZERODOCK_IMPORT_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  /** Seconds an import waits for a free slot before 503 IMPORT_BUSY. */
  ZERODOCK_IMPORT_QUEUE_SECONDS: z.coerce.number().min(0).max(600).default(10),
  /** Minutes after which an orphaned upload file, or a server-side import that stopped moving, is cleaned up. */
  ZERODOCK_STALE_UPLOAD_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
  /**
   * The SMTP server that sends reset codes (`smtp://user:password@host:587`, `smtps://…:465`); without it a code is
   * shown once to the admin who issued it.
   */
  ZERODOCK_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** The sender of Zerodock's mail, e.g. `Zerodock <no-reply@college.edu.cn>`. */
  ZERODOCK_MAIL_FROM: z.string().min(3).max(254).default('Zerodock <no-reply@localhost>'),
  /**
   * The address people reach Zerodock at (`https://zerodock.example.edu.cn`), for the callback URL registered at
   * identity providers; default: the origin of each request (as the reverse proxy forwards it, with TRUST_PROXY).
   */
  ZERODOCK_PUBLIC_URL: z
    .url()
    .refine((value) => /^https?:\/\//u.test(value), 'must be an http(s) URL')
    .optional(),
});

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly logLevel: string;
  readonly logFormat: 'pretty' | 'json';
  readonly production: boolean;
  readonly cookieSecure: boolean;
  readonly trustProxy: boolean;
  readonly loginRateLimit: number;
  readonly sessionCacheSeconds: number;
  readonly requestDeadlineSeconds: number;
  readonly uploads: {
    readonly dir: string;
    readonly importConcurrency: number;
    readonly importQueueMs: number;
    readonly staleMs: number;
  };
  readonly database: DatabaseOptions;
  /** Outgoing mail (reset codes); null when `ZERODOCK_SMTP_URL` is not set. */
  readonly mail: SmtpSettings | null;
  /** ZERODOCK_PUBLIC_URL without a trailing slash, or null (the request's origin is used). */
  readonly publicUrl: string | null;
}

/** Reads and validates the environment once; a bad value is a clear error naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd: string): ServerConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = issue?.path.join('.') ?? '?';
    throw new DomainError('VALIDATION_FAILED', `Environment variable ${variable}: ${issue?.message ?? 'invalid'}`, {
      field: variable,
    });
  }
  const values = parsed.data;
  const production = values.NODE_ENV === 'production';
  return {
    port: values.PORT,
    host: values.HOST,
    logLevel: values.LOG_LEVEL,
    logFormat: values.LOG_FORMAT ?? (production ? 'json' : 'pretty'),
    production,
    cookieSecure: values.ZERODOCK_COOKIE_SECURE ? values.ZERODOCK_COOKIE_SECURE === 'true' : production,
    trustProxy: values.ZERODOCK_TRUST_PROXY === 'true',
    loginRateLimit: values.ZERODOCK_LOGIN_RATE_LIMIT,
    sessionCacheSeconds: values.ZERODOCK_SESSION_CACHE_SECONDS,
    requestDeadlineSeconds: values.ZERODOCK_REQUEST_DEADLINE_SECONDS,
    uploads: {
      dir: path.resolve(cwd, values.ZERODOCK_UPLOAD_DIR ?? path.join(tmpdir(), 'zerodock-uploads')),
      importConcurrency: values.ZERODOCK_IMPORT_CONCURRENCY,
      importQueueMs: values.ZERODOCK_IMPORT_QUEUE_SECONDS * 1000,
      staleMs: values.ZERODOCK_STALE_UPLOAD_MINUTES * 60_000,
    },
    database: databaseOptionsFromEnvironment(env, cwd),
    mail: values.ZERODOCK_SMTP_URL ? { url: values.ZERODOCK_SMTP_URL, from: values.ZERODOCK_MAIL_FROM } : null,
    publicUrl: values.ZERODOCK_PUBLIC_URL ? values.ZERODOCK_PUBLIC_URL.replace(/\/+$/u, '') : null,
  };
}
