import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { importFailure } from '../core/errors/import-failure.js';
import { formatJsonPath, lineOfJsonPath } from './json-location.js';

/**
 * Reads and validates one JSON file; any problem becomes `IMPORT_FAILED` naming FILE:LINE:FIELD.
 * `displayName` is what the message calls the file (a path relative to what the user passed).
 */
export async function readJsonFile<T extends z.ZodType>(
  path: string,
  schema: T,
  displayName = path,
): Promise<z.infer<T>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw importFailure(
      { file: displayName, line: 0, field: '(file)' },
      `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  return parseJsonText(text, schema, displayName);
}

export function parseJsonText<T extends z.ZodType>(text: string, schema: T, displayName: string): z.infer<T> {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : 0;
    throw importFailure({ file: displayName, line, field: '(json)' }, `not valid JSON: ${message}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.filter((step): step is string | number => typeof step !== 'symbol');
    throw importFailure(
      { file: displayName, line: lineOfJsonPath(text, path), field: formatJsonPath(path) },
      issue.message,
    );
  }
  return parsed.data;
}
