import { DomainError } from '../core/errors/domain-error.js';
import type { ZodApp } from './route-dependencies.js';

/** A lone UTF-16 surrogate: a high one not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why PostgreSQL would refuse this text (and we refuse it first), or null when it is storable. */
export function unstorableText(value: string): string | null {
  if (value.includes('\u0000')) return 'contains a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(value)) return 'contains a lone UTF-16 surrogate (not valid Unicode)';
  return null;
}

/** Readable path segment for a key that may itself hold the offending character. */
function segment(key: string): string {
  return key
    .replaceAll('\u0000', '\\u0000')
    .replace(/[\uD800-\uDFFF]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16)}`);
}

/**
 * The first string (value or object key) anywhere in `root` that cannot be stored, with its path
 * (`body.requirements.0.competencyId`). Iterative, so a deeply nested JSON body cannot overflow the stack.
 */
export function findUnstorableText(root: unknown, location: string): { field: string; reason: string } | null {
  const stack: { value: unknown; path: string }[] = [{ value: root, path: location }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const reason = unstorableText(value);
      if (reason) return { field: path, reason };
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1)
        stack.push({ value: value[index], path: `${path}.${index}` });
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      const entries = Object.entries(value as Record<string, unknown>);
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [key, child] = entries[index]!;
        const reason = unstorableText(key);
        if (reason) return { field: `${path}.${segment(key)}`, reason: `its name ${reason}` };
        stack.push({ value: child, path: `${path}.${key}` });
      }
    }
  }
  return null;
}

/**
 * Text PostgreSQL cannot store (a NUL byte: "invalid byte sequence for encoding UTF8: 0x00"; a lone surrogate,
 * which JSON can spell as `\ud800`) is refused at the edge, before validation, in every route's path parameters,
 * query (upload file names travel there) and JSON body: 400 VALIDATION_FAILED naming the field, never a 500
 * from the database. Raw upload bodies are files; their readers judge their content.
 */
export function installTextGuard(app: ZodApp): void {
  app.addHook('preValidation', async (request) => {
    const found =
      findUnstorableText(request.params, 'params') ??
      findUnstorableText(request.query, 'query') ??
      findUnstorableText(request.body, 'body');
    if (found) {
      throw new DomainError('VALIDATION_FAILED', `${found.field} ${found.reason}`, {
        field: found.field,
        location: found.field.split('.')[0],
      });
    }
  });
}
