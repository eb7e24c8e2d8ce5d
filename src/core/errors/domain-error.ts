/**
 * Every failure the product can explain to a user has a stable code. Core and services throw
 * `DomainError`; the HTTP layer maps each code to a status in one exhaustive switch
 * (`src/server/map-error-code.ts`) and the CLI maps it to an exit code.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_AUTHENTICATED',
  'SESSION_EXPIRED',
  'INVALID_CREDENTIALS',
  'CSRF_TOKEN_INVALID',
  'FORBIDDEN',
  'RATE_LIMITED',
  'NOT_FOUND',
  'ORGANISATION_NOT_FOUND',
  'PERSON_NOT_FOUND',
  'EMAIL_TAKEN',
  'ORGANISATION_NAME_TAKEN',
  'ROLE_NOT_ALLOWED_FOR_ORGANISATION',
  'NOT_A_MEMBER',
  'PASSWORD_TOO_WEAK',
  'PASSWORD_UNCHANGED',
  'CANNOT_REMOVE_SELF',
  'ROLE_NOT_GRANTABLE',
  'CANNOT_CHANGE_OWN_ROLES',
  'CONFLICT_OF_INTEREST',
  'NOT_ON_COMMITTEE',
  'VOTING_CLOSED',
  'COMMITTEE_NOT_FOUND',
  'COMMITTEE_REQUIRED',
  'INVITATION_NOT_FOUND',
  'IMPORT_NOT_OWNED',
  'DATABASE_UNAVAILABLE',
  'DATA_DIR_NOT_WRITABLE',
  'IMPORT_FAILED',
  'IMPORT_BUSY',
  'FRAMEWORK_NOT_FOUND',
  'COMPETENCY_NOT_FOUND',
  'POST_NOT_FOUND',
  'VERSION_RELEASED',
  'VERSION_LABEL_TAKEN',
  'COMPETENCY_ID_TAKEN',
  'UNKNOWN_REFERENCE',
  'POSTING_NOT_FOUND',
  'POSTING_IMPORT_NOT_FOUND',
  'DECLARATION_NOT_FOUND',
  'SPECIALTY_NOT_FOUND',
  'PROPOSAL_NOT_FOUND',
  'PROPOSAL_NOT_EDITABLE',
  'GROUP_NOT_FOUND',
  'COURSE_SYSTEM_NOT_FOUND',
  'COURSE_NOT_FOUND',
  'TRAINING_PLAN_NOT_FOUND',
  'TRAINING_PLAN_EXISTS',
  'PLAN_VERSION_NOT_EDITABLE',
  'REVISION_NOT_FOUND',
  'REVISION_PROPOSAL_NOT_FOUND',
  'REVISION_OPEN',
  'REVISION_NOT_EDITABLE',
  'REVISION_UNDECIDED',
  'REVISION_NOT_APPROVED',
  'REVISION_APPLIED',
  'REVISION_CONFLICT',
  'REVISION_NO_DEMAND',
  'EXPORT_UNAVAILABLE',
  'CONFLICT',
  'CONCURRENT_WRITE',
  'DEADLINE_EXCEEDED',
  'BACKUP_INVALID',
  'RESTORE_TARGET_NOT_EMPTY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly details: Record<string, unknown>;

  constructor(code: C, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
