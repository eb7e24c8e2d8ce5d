import { DomainError, isDomainError, type ErrorCode } from '../core/errors/domain-error.js';

/**
 * The one place where a database's refusal becomes a DomainError, for both backends (PGlite and `pg` raise the
 * same SQLSTATE fields). Every statement passes through it (see guarded-dialect.ts), so a race that a service's
 * own check cannot see (two requests creating the same thing at once) is a 409 with a code, never a 500.
 */

/** Constraints (and trigger-raised pseudo-constraints) that a repository knows a better code for. */
const CONSTRAINT_CODES: Readonly<Record<string, { code: ErrorCode; message: string; field?: string }>> = {
  people_email_unique: { code: 'EMAIL_TAKEN', message: 'An account with this e-mail exists already', field: 'email' },
  organisations_name_zh_unique: {
    code: 'ORGANISATION_NAME_TAKEN',
    message: 'An organisation with this name exists already',
    field: 'nameZh',
  },
  framework_versions_framework_key_label_key: {
    code: 'VERSION_LABEL_TAKEN',
    message: 'A version of this framework with this label exists already',
    field: 'label',
  },
  competencies_pkey: { code: 'COMPETENCY_ID_TAKEN', message: 'This competency id exists already', field: 'id' },
  training_plans_subject_idx: {
    code: 'TRAINING_PLAN_EXISTS',
    message: 'This course system already has that training plan.',
    field: 'specialtyCode',
  },
  // Raised by the trigger of migration 0006: roles belong to organisation kinds.
  membership_role_fits_kind: {
    code: 'ROLE_NOT_ALLOWED_FOR_ORGANISATION',
    message: 'An organisation of this kind cannot hold that role',
    field: 'roles',
  },
  // Raised by the triggers of migration 0008: the database's own guard of the lifecycle rules.
  framework_version_released: {
    code: 'VERSION_RELEASED',
    message: 'A released version is immutable; derive a new draft version to edit',
  },
  training_plan_version_approved: {
    code: 'PLAN_VERSION_NOT_EDITABLE',
    message: 'An approved training plan version is immutable; start a new version.',
  },
};

/** Transaction outcomes worth retrying: another transaction won (serialization failure, deadlock). */
const RETRYABLE = new Set(['40001', '40P01']);

const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);

interface DatabaseErrorFields {
  code: string;
  severity?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

function sqlStateOf(error: unknown): DatabaseErrorFields | null {
  if (typeof error !== 'object' || error === null) return null;
  const fields = error as Partial<DatabaseErrorFields>;
  if (typeof fields.code !== 'string' || !/^[0-9A-Z]{5}$/.test(fields.code) || typeof fields.severity !== 'string') {
    return null;
  }
  return fields as DatabaseErrorFields;
}

/** True for a DomainError that a whole-transaction retry may cure. */
export function isRetryable(error: unknown): boolean {
  return isDomainError(error) && error.code === 'CONCURRENT_WRITE' && error.details.retryable === true;
}

/** The DomainError a database error stands for; anything else is returned unchanged. */
export function translateDatabaseError(error: unknown): unknown {
  if (isDomainError(error)) return error;
  const database = sqlStateOf(error);
  if (!database) {
    const errno = (error as NodeJS.ErrnoException | null)?.code;
    if (typeof errno === 'string' && CONNECTION_ERRNOS.has(errno)) {
      return new DomainError('DATABASE_UNAVAILABLE', `The database cannot be reached (${errno})`, {});
    }
    return error;
  }
  const constraint = database.constraint ?? null;
  const table = database.table ?? null;
  const known = constraint ? CONSTRAINT_CODES[constraint] : undefined;
  if (known && (database.code.startsWith('23') || database.code === 'P0001')) {
    return new DomainError(known.code, known.message, {
      constraint,
      ...(known.field ? { field: known.field } : {}),
    });
  }
  const sqlState = database.code;
  if (sqlState === '23505' || sqlState === '23P01') {
    return new DomainError('CONFLICT', 'This conflicts with data that exists already (someone was faster?)', {
      constraint,
      table,
    });
  }
  if (sqlState === '23503') {
    return new DomainError('CONFLICT', 'This refers to data that does not exist (any more), or is still referred to', {
      constraint,
      table,
    });
  }
  if (sqlState === '23502' || sqlState === '23514') {
    return new DomainError('VALIDATION_FAILED', 'A value is missing or out of range', {
      constraint,
      table,
      column: database.column ?? null,
    });
  }
  if (RETRYABLE.has(sqlState)) {
    return new DomainError('CONCURRENT_WRITE', 'Concurrent changes to the same data; try again', {
      retryable: true,
      sqlState,
    });
  }
  if (sqlState === '57014') {
    return new DomainError('DEADLINE_EXCEEDED', 'The database statement was cancelled (deadline or timeout).', {});
  }
  // Class 22, data exception: a NUL byte, a lone surrogate in JSON, a value out of range of its type.
  if (sqlState.startsWith('22')) {
    return new DomainError('VALIDATION_FAILED', 'A value cannot be stored (invalid text or out of range)', {
      sqlState,
      column: database.column ?? null,
    });
  }
  if (sqlState.startsWith('08') || sqlState === '57P01' || sqlState === '57P03' || sqlState === '53300') {
    return new DomainError('DATABASE_UNAVAILABLE', 'The database is not available right now', { sqlState });
  }
  return error;
}
