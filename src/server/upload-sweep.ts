import type { FastifyBaseLogger } from 'fastify';
import { failStalePostingImports } from '../services/posting-import-service.js';
import type { ServiceContext } from '../services/service-context.js';
import type { UploadArea } from './upload-file.js';

/** How often the sweep runs after the one at start. */
export const UPLOAD_SWEEP_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Cleans up after processes that died mid-upload, at start and every ten minutes: upload folders older than
 * `staleMs` that no request holds are removed, and server-side posting imports whose heartbeat is older than
 * `staleMs` are marked failed (their postings deleted). Returns a function that stops the timer.
 */
export function startUploadSweep(
  uploads: UploadArea,
  services: ServiceContext,
  staleMs: number,
  log: FastifyBaseLogger,
): () => void {
  const sweep = async () => {
    const files = await uploads.sweep(staleMs);
    const imports = await failStalePostingImports(services, new Date(services.clock().getTime() - staleMs));
    if (files > 0 || imports > 0) log.info({ files, imports }, 'removed orphaned uploads and stopped imports');
  };
  const run = () => {
    sweep().catch((error: unknown) => log.error({ err: error }, 'upload sweep failed'));
  };
  run();
  const timer = setInterval(run, UPLOAD_SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
