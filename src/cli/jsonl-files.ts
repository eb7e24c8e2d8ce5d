import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { z } from 'zod';
import { importFailure } from '../core/errors/import-failure.js';

/**
 * Reads a JSON Lines file, one validated object per non-blank line, streaming. The first malformed line stops the
 * reading with IMPORT_FAILED naming FILE:LINE:FIELD.
 */
export async function* readJsonlFile<T extends z.ZodType>(
  path: string,
  schema: T,
  onProgress?: (bytesRead: number, totalBytes: number) => void,
): AsyncGenerator<{ line: number; value: z.infer<T> }> {
  const file = basename(path);
  let totalBytes: number;
  try {
    totalBytes = (await stat(path)).size;
  } catch {
    throw importFailure({ file, line: 0, field: '(file)' }, 'file not found');
  }
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  let bytesRead = 0;
  for await (const text of lines) {
    line += 1;
    bytesRead += Buffer.byteLength(text) + 1;
    if (line % 1000 === 0) onProgress?.(Math.min(bytesRead, totalBytes), totalBytes);
    if (text.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw importFailure({ file, line, field: '(json)' }, `not valid JSON (${(error as Error).message})`);
    }
    const result = schema.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw importFailure({ file, line, field: issue.path.join('.') || '(line)' }, issue.message);
    }
    yield { line, value: result.data };
  }
  onProgress?.(totalBytes, totalBytes);
}

/**
 * Writes JSON Lines to `path` atomically: into `path.partial`, renamed over `path` only when `work` finishes, so
 * a failed run never leaves a half-written output. `-` writes to stdout.
 */
export async function writeJsonlFile(
  path: string,
  work: (write: (value: unknown) => Promise<void>) => Promise<void>,
): Promise<void> {
  if (path === '-') {
    await work(async (value) => {
      if (!process.stdout.write(`${JSON.stringify(value)}\n`)) await once(process.stdout, 'drain');
    });
    return;
  }
  const partial = `${path}.partial`;
  const out = createWriteStream(partial, { encoding: 'utf8' });
  // A write still in flight when `work` fails errors once the stream is destroyed: that error is expected, and an
  // error of the file itself (disk full) reaches `work` through `drain`/`finish` below.
  let streamError: Error | undefined;
  out.on('error', (error) => (streamError ??= error));
  try {
    await work(async (value) => {
      if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
    });
    out.end();
    if (!out.writableFinished) await once(out, 'finish');
    if (streamError) throw streamError;
    await rename(partial, path);
  } catch (error) {
    out.destroy();
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
    await rm(partial, { force: true });
    throw error;
  }
}
