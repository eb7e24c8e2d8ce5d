import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** Requests for the web app's files and the API documentation's assets, not API calls. */
export function isStaticRequest(url: string): boolean {
  return !url.startsWith('/api/') || url.startsWith('/api/docs/');
}

/**
 * One log line per request, when it completes (method, URL, status, time): at `info` for API calls, at `debug`
 * for the web app's files and the API documentation's assets (a page load fetches dozens of them); the
 * "incoming request" line only at `debug`. Failed requests stay at `error`.
 */
export class RequestLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return;
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error) {
      reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
      return;
    }
    const fields = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (isStaticRequest(request.url)) reply.log.debug(fields, 'request completed');
    else reply.log.info(fields, 'request completed');
  }
}
