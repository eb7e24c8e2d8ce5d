import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../contracts/common.js';
import { DomainError, isDomainError, type ErrorCode } from '../core/errors/domain-error.js';
import { statusOfErrorCode } from './map-error-code.js';

/**
 * Turns any error into the stable `{ error: { code, message, details } }` body. Bad input is always a 4xx
 * naming the field; only a genuine bug becomes a 500, and its internals are logged, not sent.
 */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  const domainError = toDomainError(error);
  const status = statusOfErrorCode(domainError.code);
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed');
  } else {
    request.log.info({ code: domainError.code, details: domainError.details }, domainError.message);
  }
  if (
    (domainError.code === 'RATE_LIMITED' || domainError.code === 'IMPORT_BUSY') &&
    typeof domainError.details.retryAfterSeconds === 'number'
  ) {
    void reply.header('retry-after', String(domainError.details.retryAfterSeconds));
  }
  const body: ErrorBody = {
    error: { code: domainError.code, message: domainError.message, details: domainError.details },
  };
  void reply.status(status).type('application/json; charset=utf-8').send(body);
}

function toDomainError(error: FastifyError | Error): DomainError {
  if (isDomainError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError).validationContext ?? 'body';
    const issues = error.validation.map((issue) => {
      const unknownKeys = (issue.params as { keys?: unknown }).keys;
      const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const field =
        Array.isArray(unknownKeys) && unknownKeys.length > 0
          ? [path, String(unknownKeys[0])].filter(Boolean).join('.')
          : path;
      return { field, message: issue.message, keyword: issue.keyword };
    });
    const first = issues[0];
    const field = first?.field || context;
    return new DomainError('VALIDATION_FAILED', `${context} field ${field}: ${first?.message ?? 'invalid'}`, {
      field,
      location: context,
      issues,
    });
  }
  const code = (error as FastifyError).code;
  const mapped = FASTIFY_CODES[code ?? ''];
  if (mapped) return new DomainError(mapped, error.message, {});
  if ((error as FastifyError).statusCode === 429) return new DomainError('RATE_LIMITED', error.message, {});
  if (error instanceof SyntaxError) return new DomainError('MALFORMED_JSON', error.message, {});
  const statusCode = (error as FastifyError).statusCode;
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    return new DomainError('VALIDATION_FAILED', error.message, {});
  }
  return new DomainError('INTERNAL', 'Internal error; it has been logged', {});
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_NOT_FOUND: 'NOT_FOUND',
};
