import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { DomainError } from '../core/errors/domain-error.js';

/** Content types an upload route accepts as a raw file body (parsed as a Buffer). */
export const UPLOAD_CONTENT_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

export function uploadedBody(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new DomainError('VALIDATION_FAILED', 'Send the file as the request body (application/octet-stream)', {
      field: 'body',
    });
  }
  return body;
}

/** The upload's base name (no folders), which must end in one of `allowed`. */
export function checkedName(fileName: string, allowed: ReadonlySet<string>): string {
  const name = basename(fileName);
  if (!allowed.has(extname(name).toLowerCase())) {
    throw new DomainError('VALIDATION_FAILED', `The file name must end in ${[...allowed].join(', ')}`, {
      field: 'fileName',
    });
  }
  return name;
}

/** Uploads are written to a private temporary folder (the readers stream from files), removed afterwards. */
export async function withTemporaryFile<T>(name: string, body: Buffer, work: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'zerodock-upload-'));
  try {
    const path = join(dir, name);
    await writeFile(path, body, { mode: 0o600 });
    return await work(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
