import { isApiError } from './api-error.js';

/** The form field an API error is about (`details.field`), when it is one of `fields`. */
export function errorField<Field extends string>(error: unknown, fields: readonly Field[]): Field | undefined {
  if (!isApiError(error)) return undefined;
  const field = error.details.field;
  return typeof field === 'string' && (fields as readonly string[]).includes(field) ? (field as Field) : undefined;
}
