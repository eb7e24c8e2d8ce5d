import { isApiError } from './api-error.js';

export type FieldPath = (string | number)[];

/**
 * A field as the API names it, as a path: `requirements[2].level` (a service's check) and `requirements.2.level`
 * (schema validation) both become `['requirements', 2, 'level']`, which is antd's name of that form item.
 */
export function toFieldPath(field: string): FieldPath {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

export interface ErrorFieldMatch<Field extends string> {
  /** The entry of `fields` that matched. */
  field: Field;
  /** Where to show the error: the reported path, cut to the length of the matched entry. */
  path: FieldPath;
}

/**
 * The form field an API error is about (`details.field`), when it is one of `fields` or lies inside one of them
 * (`aliasesZh.3` is shown at `aliasesZh`). A `*` in an entry matches a list index (`requirements.*.level`).
 */
export function errorField<Field extends string>(
  error: unknown,
  fields: readonly Field[],
): ErrorFieldMatch<Field> | undefined {
  if (!isApiError(error)) return undefined;
  const reported = error.details.field;
  if (typeof reported !== 'string') return undefined;
  const path = toFieldPath(reported);
  let best: ErrorFieldMatch<Field> | undefined;
  for (const field of fields) {
    const pattern = field.split('.');
    if (pattern.length > path.length) continue;
    const matches = pattern.every((segment, index) =>
      segment === '*' ? typeof path[index] === 'number' : String(path[index]) === segment,
    );
    if (matches && (!best || pattern.length > best.path.length)) best = { field, path: path.slice(0, pattern.length) };
  }
  return best;
}
