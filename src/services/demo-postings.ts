import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PostingRecord } from '../core/demand/posting.js';
import { generatePostings, loadPostingCorpus } from '../interchange/postings/generate-postings.js';
import { writePostingsJsonl } from '../interchange/postings/write-postings-file.js';
import { importPostingsFile, type PostingImportOutcome, type PostingImportPhase } from './posting-import-service.js';
import type { ServiceContext } from './service-context.js';

/** The file name the generated demo postings are imported under (what tells them apart from real imports). */
export const DEMO_POSTINGS_FILE = 'demo-postings.jsonl';

/** Postings generated for the demo on a fresh installation (`ZERODOCK_DEMO_POSTINGS` overrides; 0 = none). */
export const DEFAULT_DEMO_POSTINGS = 3000;

const DEMO_POSTINGS_BATCH = 250;
const DEMO_PHASE_LABELS: Record<PostingImportPhase, string> = {
  checksum: 'checking the file',
  dictionary: 'building the linking dictionary',
  link: 'linking and storing',
};

/** The seed of the demo postings. */
const DEMO_POSTINGS_SEED = 2026;

/**
 * The demo's postings: from the bundled catalogue alone (its scenes, tasks and competencies, the built-in cities),
 * never from the shared datasets a checkout may have beside it. Those would change the English postings, so the
 * demand counts, the post weights and the course system (105 courses with them, 103 without, on one commit): a
 * demo must be the same wherever it is loaded.
 */
export function generateDemoPostings(count: number): Generator<PostingRecord> {
  return generatePostings({ count, seed: DEMO_POSTINGS_SEED, corpus: loadPostingCorpus({ sharedData: false }) });
}

/**
 * Generates `count` demo postings (deterministic, the same on every installation: `generateDemoPostings`) and
 * imports them like any file, so the demand pages have something to show on the first start.
 */
export async function loadDemoPostings(
  context: ServiceContext,
  count: number,
  onProgress: (phase: string, percent: number, total: 100) => void = () => undefined,
): Promise<PostingImportOutcome> {
  const dir = await mkdtemp(join(tmpdir(), 'zerodock-demo-postings-'));
  try {
    const file = join(dir, DEMO_POSTINGS_FILE);
    onProgress('generating', 0, 100);
    await writePostingsJsonl(file, generateDemoPostings(count));
    return await importPostingsFile(context, file, {
      fileName: DEMO_POSTINGS_FILE,
      mode: 'exact',
      // Small chunks, so that progress moves while the postings are linked and stored.
      batchSize: DEMO_POSTINGS_BATCH,
      onProgress: (phase, done, total) =>
        onProgress(DEMO_PHASE_LABELS[phase], Math.round((100 * done) / Math.max(total, 1)), 100),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
