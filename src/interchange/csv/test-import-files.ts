import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { isDomainError } from '../../core/errors/domain-error.js';

const created: string[] = [];

/** Writes files (name → text or bytes) into a new folder under the OS temp dir; `removeTempFolders` deletes them. */
export async function writeTempFolder(files: Readonly<Record<string, string | Uint8Array>>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'zerodock-import-'));
  created.push(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

export async function removeTempFolders(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/**
 * Awaits an import that must fail with IMPORT_FAILED at `where` (`FILE:LINE:FIELD`); returns the reason.
 */
export async function expectImportFailure(promise: Promise<unknown>, where: string): Promise<string> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!isDomainError(error)) throw new Error(`expected IMPORT_FAILED at ${where}, got ${String(error)}`);
  expect(error.code).toBe('IMPORT_FAILED');
  expect(error.message.startsWith(`${where}: `), `${error.message} should start with ${where}`).toBe(true);
  return error.message.slice(where.length + 2);
}
