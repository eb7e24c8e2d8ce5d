/** A failed API call: the server's stable error code, or NETWORK_ERROR / BAD_RESPONSE from the client. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, status: number, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** Codes that mean "there is no usable session": the app drops back to the login page. */
export const SESSION_LOST_CODES: readonly string[] = ['NOT_AUTHENTICATED', 'SESSION_EXPIRED'];

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
