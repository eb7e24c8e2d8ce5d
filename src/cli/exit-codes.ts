import type { ErrorCode } from '../core/errors/domain-error.js';

/** sysexits-style exit codes, so scripts can tell bad data from an unreachable database. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  dataError: 65,
  unavailable: 69,
  tempFailure: 75,
  cannotCreate: 73,
  noPermission: 77,
} as const;

export function exitCodeOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'MALFORMED_JSON':
    case 'PAYLOAD_TOO_LARGE':
    case 'UNSUPPORTED_MEDIA_TYPE':
    case 'IMPORT_FAILED':
    case 'PASSWORD_TOO_WEAK':
    case 'PASSWORD_UNCHANGED':
    case 'ROLE_NOT_ALLOWED_FOR_ORGANISATION':
    case 'EMAIL_TAKEN':
    case 'ORGANISATION_NAME_TAKEN':
    case 'CANNOT_REMOVE_SELF':
    case 'VERSION_RELEASED':
    case 'VERSION_LABEL_TAKEN':
    case 'COMPETENCY_ID_TAKEN':
    case 'UNKNOWN_REFERENCE':
    case 'COMMITTEE_REQUIRED':
    case 'PROPOSAL_NOT_EDITABLE':
    case 'VOTING_CLOSED':
    case 'GROUP_NOT_FOUND':
    case 'TRAINING_PLAN_EXISTS':
    case 'PLAN_VERSION_NOT_EDITABLE':
    case 'REVISION_OPEN':
    case 'REVISION_NOT_EDITABLE':
    case 'REVISION_UNDECIDED':
    case 'REVISION_NOT_APPROVED':
    case 'REVISION_APPLIED':
    case 'REVISION_CONFLICT':
    case 'REVISION_NO_DEMAND':
    case 'CONFLICT':
      return EXIT.dataError;
    case 'NOT_AUTHENTICATED':
    case 'SESSION_EXPIRED':
    case 'INVALID_CREDENTIALS':
    case 'CSRF_TOKEN_INVALID':
    case 'FORBIDDEN':
    case 'NOT_A_MEMBER':
    case 'ROLE_NOT_GRANTABLE':
    case 'CANNOT_CHANGE_OWN_ROLES':
    case 'CONFLICT_OF_INTEREST':
    case 'NOT_ON_COMMITTEE':
    case 'IMPORT_NOT_OWNED':
    case 'RATE_LIMITED':
      return EXIT.noPermission;
    case 'NOT_FOUND':
    case 'ORGANISATION_NOT_FOUND':
    case 'PERSON_NOT_FOUND':
    case 'FRAMEWORK_NOT_FOUND':
    case 'COMPETENCY_NOT_FOUND':
    case 'POST_NOT_FOUND':
    case 'POSTING_NOT_FOUND':
    case 'POSTING_IMPORT_NOT_FOUND':
    case 'DECLARATION_NOT_FOUND':
    case 'SPECIALTY_NOT_FOUND':
    case 'PROPOSAL_NOT_FOUND':
    case 'COMMITTEE_NOT_FOUND':
    case 'COURSE_SYSTEM_NOT_FOUND':
    case 'COURSE_NOT_FOUND':
    case 'TRAINING_PLAN_NOT_FOUND':
    case 'INVITATION_NOT_FOUND':
    case 'REVISION_NOT_FOUND':
    case 'REVISION_PROPOSAL_NOT_FOUND':
      return EXIT.dataError;
    case 'DATABASE_UNAVAILABLE':
    case 'EXPORT_UNAVAILABLE':
    case 'IMPORT_BUSY':
      return EXIT.unavailable;
    case 'DATA_DIR_NOT_WRITABLE':
    case 'RESTORE_TARGET_NOT_EMPTY':
      return EXIT.cannotCreate;
    case 'CONCURRENT_WRITE':
    case 'DEADLINE_EXCEEDED':
      return EXIT.tempFailure;
    case 'BACKUP_INVALID':
      return EXIT.dataError;
    case 'INTERNAL':
      return EXIT.failure;
  }
}
