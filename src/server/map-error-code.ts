import type { ErrorCode } from '../core/errors/domain-error.js';

/** The one place that turns an error code into an HTTP status. A new code that is not listed fails to compile. */
export function statusOfErrorCode(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'MALFORMED_JSON':
    case 'PASSWORD_TOO_WEAK':
    case 'PASSWORD_UNCHANGED':
    case 'ROLE_NOT_ALLOWED_FOR_ORGANISATION':
    case 'CANNOT_REMOVE_SELF':
    case 'IMPORT_FAILED':
    case 'UNKNOWN_REFERENCE':
    case 'COMMITTEE_REQUIRED':
    case 'GROUP_NOT_FOUND': // a group is only named in a request body (`toGroup`, `group`): bad input
    case 'ROSTER_FILE_INVALID': // details name the file, line and field
    case 'DEPARTMENT_CYCLE':
    case 'SSO_FAILED': // the identity provider's answer was refused (details.reason)
    case 'RESET_CODE_INVALID': // unknown, used or expired: one code for all three, so nothing leaks
      return 400;
    case 'NOT_AUTHENTICATED':
    case 'SESSION_EXPIRED':
    case 'INVALID_CREDENTIALS':
      return 401;
    case 'CSRF_TOKEN_INVALID':
    case 'FORBIDDEN':
    case 'NOT_A_MEMBER':
    case 'ROLE_NOT_GRANTABLE':
    case 'CANNOT_CHANGE_OWN_ROLES':
    case 'CONFLICT_OF_INTEREST':
    case 'NOT_ON_COMMITTEE':
    case 'IMPORT_NOT_OWNED':
    case 'PASSWORD_CHANGE_REQUIRED': // a password set by someone else: only the new password is accepted
    case 'ACCOUNT_LEFT': // alumni read; they do not write
    case 'SSO_NO_PERSON': // the identity provider vouched for someone Zerodock does not know
      return 403;
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
    case 'ROSTER_IMPORT_NOT_FOUND':
    case 'DEPARTMENT_NOT_FOUND':
    case 'CLASS_NOT_FOUND':
    case 'SESSION_NOT_FOUND':
    case 'IDENTITY_PROVIDER_NOT_FOUND':
      return 404;
    case 'EMAIL_TAKEN':
    case 'ORGANISATION_NAME_TAKEN':
    case 'VERSION_RELEASED':
    case 'VERSION_LABEL_TAKEN':
    case 'COMPETENCY_ID_TAKEN':
    case 'PROPOSAL_NOT_EDITABLE':
    case 'VOTING_CLOSED':
    case 'TRAINING_PLAN_EXISTS':
    case 'PLAN_VERSION_NOT_EDITABLE':
    case 'REVISION_OPEN': // the group already has a draft or submitted revision
    case 'REVISION_NOT_EDITABLE':
    case 'REVISION_UNDECIDED':
    case 'REVISION_NOT_APPROVED':
    case 'REVISION_APPLIED':
    case 'REVISION_CONFLICT': // the revised course system was revised meanwhile by another revision
    case 'REVISION_NO_DEMAND': // the stored postings hold no posting of the group's posts in a year asked for
    case 'ROSTER_IMPORT_STALE': // the roster changed since the preview: preview again
    case 'ROSTER_IMPORT_CLOSED': // applied or discarded already
    case 'ROSTER_ID_TAKEN': // a 学号/工号 held by a person of another organisation
    case 'DEPARTMENT_IN_USE':
    case 'ACCOUNT_SHARED': // the person belongs to other organisations too: remove them here instead
    case 'NOT_ON_ROSTER': // leaving and returning are roster states: a member never on the roster is removed instead
    case 'CONFLICT': // a database constraint refused the write (details name it)
    case 'CONCURRENT_WRITE': // still losing to concurrent writers after the transaction's retries
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'RATE_LIMITED':
      return 429;
    case 'DATABASE_UNAVAILABLE':
    case 'DATA_DIR_NOT_WRITABLE':
    case 'EXPORT_UNAVAILABLE': // the server lacks a CJK font for PDF: its configuration, not the request
    case 'IMPORT_BUSY': // every import slot is taken: retry after the Retry-After seconds
      return 503;
    case 'DEADLINE_EXCEEDED': // the route did not answer within its deadline; its work was abandoned
      return 503;
    case 'BACKUP_INVALID': // backups are a CLI matter; listed so that every code has a status
      return 400;
    case 'RESTORE_TARGET_NOT_EMPTY':
      return 409;
    case 'INTERNAL':
      return 500;
  }
}
