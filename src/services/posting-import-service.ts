import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { NearDuplicateIndex, textFingerprint } from '../core/demand/near-duplicates.js';
import { linkDemand } from '../core/demand/link-demand.js';
import { classifyPosting } from '../core/demand/post-classifier.js';
import type { PostingRecord } from '../core/demand/posting.js';
import { DomainError } from '../core/errors/domain-error.js';
import { importFailure } from '../core/errors/import-failure.js';
import { readPostingsFile } from '../interchange/postings/read-postings-file.js';
import type {
  DemandCountIncrement,
  DemandEnterpriseRow,
  PostingImportOrigin,
  PostingImportRow,
  PostingInsert,
} from '../storage/repositories/demand.repository.js';
import { loadLinker, type LoadedLinker } from './linker-cache.js';
import type { ServiceContext } from './service-context.js';

export type PostingImportPhase = 'checksum' | 'dictionary' | 'link';

export interface PostingImportOptions {
  /** Name used in messages and stored with the import (default: the file's base name). */
  readonly fileName?: string;
  /** `exact` (default): exact mentions only, the fast path; `full`: implicit mentions too. */
  readonly mode?: 'exact' | 'full';
  readonly createdBy?: string | null;
  /** The organisation the import is made for (it alone, with the platform, may delete it). */
  readonly organisationId?: string | null;
  readonly onProgress?: (phase: PostingImportPhase, done: number, total: number) => void;
  /** Stop after this many records have been written (tests simulate an interrupted import with it). */
  readonly stopAfter?: number;
  /** Records per chunk (one transaction and one checkpoint each); default 5,000. */
  readonly batchSize?: number;
  /**
   * `server` for uploads: a server-side import that stops moving is marked failed by the server's sweep; a CLI
   * import (the default) killed mid-way stays resumable.
   */
  readonly origin?: PostingImportOrigin;
  /** Aborts the import between chunks (the server shutting down); it is then marked failed. */
  readonly signal?: AbortSignal;
}

export interface PostingImportOutcome {
  readonly status: 'created' | 'resumed' | 'unchanged' | 'interrupted';
  readonly import: PostingImportRow;
}

/** Competencies ranked per posting (best first; the decided ones are kept), and character spans kept per competency. */
export const LINKS_PER_POSTING = 20;
const SPANS_PER_LINK = 8;

/**
 * Imports one postings file (CSV, JSONL or XLSX), all or nothing: it is read in chunks, each chunk deduplicated,
 * linked, classified and written in one transaction that also advances the import's checkpoint. The import stays
 * `running` — invisible to every count and list — until its last chunk; the first bad record anywhere
 * (FILE:LINE:FIELD), or any other failure, marks the import `failed` with that reason and deletes every chunk
 * written so far. A process killed mid-way leaves a `running` import: importing the same file again (same SHA-256)
 * resumes after the checkpoint, a failed one starts again from the beginning, and a complete one is `unchanged`. Near-duplicates (same enterprise; identical normalised text or SimHash distance ≤ 3, within the
 * file or against stored postings) are dropped and counted.
 */
export async function importPostingsFile(
  context: ServiceContext,
  path: string,
  options: PostingImportOptions = {},
): Promise<PostingImportOutcome> {
  const fileName = options.fileName ?? basename(path);
  const progress = options.onProgress ?? (() => {});
  const demand = context.store.repositories.demand;
  const checksum = await sha256File(path, (done, total) => progress('checksum', done, total));
  const existing = await demand.findImportByChecksum(checksum);
  if (existing?.status === 'complete') return { status: 'unchanged', import: existing };

  progress('dictionary', 0, 1);
  const loaded = await loadLinker(context);
  progress('dictionary', 1, 1);
  const resuming = existing?.status === 'running' ? existing : null;
  const mode = resuming?.linkMode ?? options.mode ?? 'exact';
  const origin = options.origin ?? 'cli';
  const values = {
    fileName,
    linkMode: mode,
    dictionary: loaded.frameworks.join(', '),
    createdBy: options.createdBy ?? null,
    organisationId: options.organisationId ?? null,
    origin,
  };
  let importId: string;
  if (existing?.status === 'failed') {
    await demand.restartImport(existing.id, values);
    importId = existing.id;
  } else {
    importId = resuming?.id ?? (await demand.createImport({ ...values, checksum, records: 0 }));
  }
  let processed = resuming?.processed ?? 0;
  let stored = resuming?.stored ?? 0;
  let duplicates = resuming?.duplicates ?? 0;
  // Demand counts of this run, written once with the completion (counting per chunk would upsert the same rows
  // again and again); a resumed import recounts its postings in SQL instead.
  const counts = new Map<string, DemandCountIncrement>();
  const enterprises = new Map<string, DemandEnterpriseRow>();
  const duplicatesIndex = new NearDuplicateIndex();
  for (const row of await demand.allFingerprints()) {
    duplicatesIndex.add(row.enterpriseKey, { hi: row.hi >>> 0, lo: row.lo >>> 0 }, row.id);
  }

  try {
    for await (const batch of readPostingsFile(path, {
      skip: processed,
      file: fileName,
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    })) {
      if (options.signal?.aborted) {
        throw new DomainError('IMPORT_BUSY', 'The server shut down during the import; upload the file again', {});
      }
      if (batch.records.length === 0) continue;
      checkPosts(loaded, batch.records, fileName);

      const postings: PostingInsert[] = [];
      for (const { record } of batch.records) {
        const key = enterpriseKey(record.enterprise);
        const fingerprint = textFingerprint(`${record.title}\n${record.text}`);
        if (duplicatesIndex.add(key, fingerprint, `${importId}:${record.sourceId}`) !== null) {
          duplicates += 1;
          continue;
        }
        const posting = linkPosting(loaded, record, mode, key, fingerprint);
        postings.push(posting);
        countPosting(counts, enterprises, posting);
      }
      processed += batch.records.length;
      stored += postings.length;
      await context.store.transaction(async (repositories) => {
        await repositories.demand.insertPostings(importId, postings);
        await repositories.demand.advanceImport(importId, { processed, stored, duplicates });
      });
      progress('link', batch.bytesRead, batch.totalBytes);
      if (options.stopAfter !== undefined && processed >= options.stopAfter) {
        return { status: 'interrupted', import: (await demand.findImport(importId))! };
      }
    }
    if (processed === 0)
      throw importFailure({ file: fileName, line: 1, field: '(file)' }, 'the file holds no postings');
  } catch (error) {
    // A bad record anywhere makes the whole file fail: the chunks written so far go (they were never visible, the
    // import being unfinished) and the import is kept as failed, with its reason.
    const reason = error instanceof Error ? error.message : String(error);
    await context.store
      .transaction((repositories) => repositories.demand.failImport(importId, reason, context.clock()))
      .catch(() => {
        // The database went away (shutdown): the server's sweep marks the import failed later.
      });
    throw error;
  }
  await context.store.transaction(async (repositories) => {
    if (resuming) {
      await repositories.demand.recount(importId);
    } else {
      await repositories.demand.addCounts(importId, [...counts.values()]);
      await repositories.demand.addEnterprises(importId, [...enterprises.values()]);
    }
    await repositories.demand.completeImport(importId, processed, context.clock());
  });
  return { status: resuming ? 'resumed' : 'created', import: (await demand.findImport(importId))! };
}

/**
 * Marks failed every server-side import that has stopped moving (no chunk written since `before`): its server
 * stopped during the import. Returns how many. CLI imports stay resumable.
 */
export async function failStalePostingImports(context: ServiceContext, before: Date): Promise<number> {
  const ids = await context.store.repositories.demand.staleServerImports(before);
  for (const id of ids) {
    await context.store.transaction((repositories) =>
      repositories.demand.failImport(
        id,
        'the server stopped during the import (restarted or killed); upload the file again',
        context.clock(),
      ),
    );
  }
  return ids.length;
}

/** Every post a record names must exist in the curated framework (else the file fails). */
function checkPosts(
  loaded: LoadedLinker,
  records: readonly { line: number; record: PostingRecord }[],
  fileName: string,
): void {
  for (const { line, record } of records) {
    if (record.postId !== null && !loaded.posts.has(record.postId)) {
      throw importFailure({ file: fileName, line, field: 'post' }, `unknown post id "${record.postId}"`);
    }
  }
}

/** The text a posting is linked on: title, newline, body. Spans index into this string. */
export function linkedTextOf(title: string, body: string): string {
  return `${title}\n${body}`;
}

function linkPosting(
  loaded: LoadedLinker,
  record: PostingRecord,
  mode: 'exact' | 'full',
  key: string,
  fingerprint: { hi: number; lo: number },
): PostingInsert {
  // Only the linker's decided links are stored, so every count, trend, grouping and course built on postings sees
  // demand alone: never benefits, pay, schedule, the company's blurb, contact details or degree subjects.
  const linked = linkDemand(loaded.linker, linkedTextOf(record.title, record.text), {
    mode,
    top: LINKS_PER_POSTING,
  }).filter((link) => link.linked);
  const links: PostingInsert['links'] = linked.map((link) => [
    loaded.entries[link.entry]!.key,
    Math.round(link.score * 1000) / 1000,
    link.evidence === 'exact' ? 'e' : 'i',
    link.spans.slice(0, SPANS_PER_LINK).flatMap(([start, end]) => [start, end]),
  ]);
  const guess =
    record.postId === null
      ? classifyPosting(
          loaded.classifier,
          record.title,
          linked.map((link) => ({ key: loaded.entries[link.entry]!.key, score: link.score })),
        )
      : null;
  return {
    sourceId: record.sourceId,
    title: record.title,
    body: record.text,
    enterprise: record.enterprise,
    enterpriseKey: key,
    province: record.province,
    city: record.city,
    postedOn: record.postedOn,
    year: Number(record.postedOn.slice(0, 4)),
    postId: record.postId ?? guess?.postId ?? null,
    postConfidence: record.postId !== null ? 1 : (guess?.confidence ?? null),
    // Stored as signed 32-bit integers; read back with `>>> 0`.
    fingerprintHi: fingerprint.hi | 0,
    fingerprintLo: fingerprint.lo | 0,
    links,
  };
}

function countPosting(
  counts: Map<string, DemandCountIncrement>,
  enterprises: Map<string, DemandEnterpriseRow>,
  posting: PostingInsert,
): void {
  const postId = posting.postId ?? '';
  const province = posting.province ?? '';
  for (const competencyKey of ['', ...posting.links.map(([key]) => key)]) {
    const key = `${competencyKey}\u0000${postId}\u0000${province}\u0000${posting.year}`;
    const row = counts.get(key);
    if (row) row.postings += 1;
    else counts.set(key, { competencyKey, postId, province, year: posting.year, postings: 1 });
  }
  const enterprise = `${postId}\u0000${province}\u0000${posting.year}\u0000${posting.enterpriseKey}`;
  if (!enterprises.has(enterprise)) {
    enterprises.set(enterprise, { postId, province, year: posting.year, enterpriseKey: posting.enterpriseKey });
  }
}

/** Enterprise names compared without case, spaces and punctuation ("ABC 科技（无锡）有限公司" = "abc科技无锡有限公司"). */
export function enterpriseKey(name: string): string {
  return name.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

async function sha256File(path: string, progress: (done: number, total: number) => void): Promise<string> {
  const hash = createHash('sha256');
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  let done = 0;
  const { size } = await import('node:fs/promises').then((fs) => fs.stat(path));
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    done += chunk.length;
    progress(done, size);
  }
  return hash.digest('hex');
}
