import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import {
  BACKUP_HEADER_BYTES,
  BACKUP_MAGIC,
  backupManifestSchema,
  type BackupManifest,
} from '../../contracts/backup-file.js';
import { DomainError } from '../../core/errors/domain-error.js';

/**
 * Writes a backup file: the payload is streamed (hashed on the way) after a reserved header, the header is
 * written last, and the file appears under its name only when complete (written as `FILE.partial-PID`, then
 * renamed), so a failed or interrupted backup never leaves something that looks like a backup.
 */
export async function writeBackupFile(
  out: string,
  manifest: Omit<BackupManifest, 'bytes' | 'sha256'>,
  payload: AsyncIterable<Uint8Array>,
  onProgress?: (bytes: number) => void,
): Promise<BackupManifest> {
  const partial = path.join(path.dirname(out), `.${path.basename(out)}.partial-${process.pid}`);
  const file = await open(partial, 'w', 0o600);
  try {
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of payload) {
      hash.update(chunk);
      await file.write(chunk, 0, chunk.length, BACKUP_HEADER_BYTES + bytes);
      bytes += chunk.length;
      onProgress?.(bytes);
    }
    const complete: BackupManifest = { ...manifest, bytes, sha256: hash.digest('hex') };
    await file.write(encodeHeader(complete), 0, BACKUP_HEADER_BYTES, 0);
    await file.sync();
    await file.close();
    fs.renameSync(partial, out);
    return complete;
  } catch (error) {
    await file.close().catch(() => undefined);
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

function encodeHeader(manifest: BackupManifest): Buffer {
  const text = `${BACKUP_MAGIC}${JSON.stringify(manifest)}\n`;
  const header = Buffer.alloc(BACKUP_HEADER_BYTES, ' ');
  if (Buffer.byteLength(text) > BACKUP_HEADER_BYTES) throw new Error('backup header too long');
  header.write(text, 0, 'utf8');
  return header;
}

/**
 * Reads and checks a backup file before anything is restored from it: the header (magic line, manifest), the
 * size, and the SHA-256 of the whole payload.
 */
export async function verifyBackupFile(file: string): Promise<BackupManifest> {
  const invalid = (reason: string) =>
    new DomainError('BACKUP_INVALID', `${file}: ${reason}; nothing was restored.`, { file });
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw invalid('not a regular file');
    size = stat.size;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw invalid(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const handle = await open(file, 'r');
  let manifest: BackupManifest;
  try {
    const header = Buffer.alloc(Math.min(BACKUP_HEADER_BYTES, size));
    await handle.read(header, 0, header.length, 0);
    const text = header.toString('utf8');
    if (size < BACKUP_HEADER_BYTES || !text.startsWith(BACKUP_MAGIC)) throw invalid('not a Zerodock backup file');
    let json: unknown;
    try {
      json = JSON.parse(text.slice(BACKUP_MAGIC.length, text.indexOf('\n', BACKUP_MAGIC.length)));
    } catch {
      throw invalid('its header is damaged');
    }
    const parsed = backupManifestSchema.safeParse(json);
    if (!parsed.success) throw invalid(`its header is not understood (${parsed.error.issues[0]?.message ?? ''})`);
    manifest = parsed.data;
  } finally {
    await handle.close();
  }
  if (size !== BACKUP_HEADER_BYTES + manifest.bytes) {
    throw invalid(
      `it is truncated or padded (${size - BACKUP_HEADER_BYTES} bytes of payload, ${manifest.bytes} expected)`,
    );
  }
  const hash = createHash('sha256');
  for await (const chunk of backupPayload(file) as AsyncIterable<Buffer>) hash.update(chunk);
  if (hash.digest('hex') !== manifest.sha256) throw invalid('its checksum does not match (the file is damaged)');
  return manifest;
}

/** The payload of a (verified) backup file, streamed. */
export function backupPayload(file: string): fs.ReadStream {
  return fs.createReadStream(file, { start: BACKUP_HEADER_BYTES, highWaterMark: 1 << 20 });
}
