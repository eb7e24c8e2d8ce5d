import { rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `value` as JSON to `out` atomically (a partial file renamed into place), or to stdout for "-". A target
 * that exists and is not a regular file (`/dev/null`, a named pipe) is written into directly: renaming over it
 * would replace the device with a plain file.
 */
export async function writeJsonOutput(out: string, value: unknown): Promise<void> {
  const text = `${JSON.stringify(value, null, 1)}\n`;
  if (out === '-') {
    process.stdout.write(text);
    return;
  }
  const target = path.resolve(out);
  const existing = await stat(target).catch(() => null);
  if (existing && !existing.isFile()) {
    await writeFile(target, text);
    return;
  }
  const partial = `${target}.partial-${process.pid}`;
  try {
    await writeFile(partial, text);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
