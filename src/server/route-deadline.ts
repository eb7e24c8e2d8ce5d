import type { FastifyReply, FastifyRequest, RouteHandlerMethod, RouteOptions } from 'fastify';
import { isDomainError } from '../core/errors/domain-error.js';
import { deadlineExceeded, runWithDeadline, type Deadline } from '../storage/deadline-scope.js';
import type { ZodApp } from './route-dependencies.js';

/** What a route answers within unless it declares otherwise (`ZERODOCK_REQUEST_DEADLINE_SECONDS`). */
export const DEFAULT_REQUEST_DEADLINE_SECONDS = 30;

/**
 * Longer deadlines that routes declare in `config.deadlineSeconds`: uploads and imports read, link and write
 * whole files; exports and draft copies walk a whole framework; course systems run the MIP solver (a node limit, 40 s safety net).
 */
export const LONG_DEADLINE_SECONDS = {
  solve: 120,
  copy: 300,
  export: 300,
  upload: 600,
  postings: 1800,
} as const;

/** The deadline a route answers within (its own, else the server's default). */
export function deadlineSecondsOf(config: { deadlineSeconds?: number } | undefined, fallback: number): number {
  return config?.deadlineSeconds ?? fallback;
}

const receivedAt = new WeakMap<FastifyRequest, number>();

/**
 * Every route's handler runs under a deadline counted from the request's arrival: when it passes, the request
 * answers 503 DEADLINE_EXCEEDED at once (the connection is free again), and the abandoned work is told so — its
 * AbortSignal fires, the storage layer starts no further statement for it (so its transaction rolls back, which
 * on PGlite frees the only connection), and on PostgreSQL its transaction's statement_timeout ends a statement
 * still running. Install before any route is registered.
 */
export function installRouteDeadlines(app: ZodApp, defaultSeconds: number): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    // Our API's handlers (all async); the documentation and the web app are static files, streamed by plugins.
    const url = route.url ?? '';
    if (!url.startsWith('/api') || url.startsWith('/api/docs')) return;
    const seconds = deadlineSecondsOf(route.config, defaultSeconds);
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function deadlineBound(this: unknown, request: FastifyRequest, reply: FastifyReply) {
      const controller = new AbortController();
      const deadline: Deadline = {
        signal: controller.signal,
        at: (receivedAt.get(request) ?? Date.now()) + seconds * 1000,
      };
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(
          () => {
            controller.abort(deadlineExceeded());
            reject(deadlineExceeded());
          },
          Math.max(0, deadline.at - Date.now()),
        );
      });
      const work = runWithDeadline(deadline, async (): Promise<unknown> => handler.call(this as never, request, reply));
      try {
        return await Promise.race([work, expired]);
      } catch (error) {
        if (isDomainError(error) && error.code === 'DEADLINE_EXCEEDED' && reply.sent) return reply;
        throw error;
      } finally {
        clearTimeout(timer);
        if (controller.signal.aborted) {
          // The abandoned handler may still settle later; what it then says is only worth a debug line.
          work.then(
            () => request.log.debug('abandoned handler finished after its deadline'),
            (error: unknown) => request.log.debug({ err: error }, 'abandoned handler failed after its deadline'),
          );
        }
      }
    };
  });
  app.addHook('onRequest', async (request) => {
    receivedAt.set(request, Date.now());
  });
}
