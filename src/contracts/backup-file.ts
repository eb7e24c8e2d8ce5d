import { z } from 'zod';

/**
 * The header of a `zerodock backup` file. The file is this header (the magic line, then this object as JSON,
 * padded with spaces to `BACKUP_HEADER_BYTES`) followed by the payload: the embedded database's data directory
 * as a gzipped tarball (PGlite's own dump), or a `pg_dump --format=custom` archive. `bytes` and `sha256` describe
 * the payload, so a restore checks the whole file before it replaces anything.
 */
export const backupManifestSchema = z.object({
  format: z.literal(1),
  backend: z.enum(['pglite', 'postgres']),
  payload: z.enum(['pglite-datadir-tar-gzip', 'pg_dump-custom']),
  createdAt: z.string(),
  zerodockVersion: z.string(),
  /** Where it was taken, without credentials (a directory, or host:port/database). */
  source: z.string(),
  /** PostgreSQL server major version, and the major version of the pg_dump that wrote the archive. */
  serverMajor: z.number().int().nullable(),
  toolMajor: z.number().int().nullable(),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

export const BACKUP_MAGIC = 'ZERODOCK-BACKUP\n';
export const BACKUP_HEADER_BYTES = 4096;
