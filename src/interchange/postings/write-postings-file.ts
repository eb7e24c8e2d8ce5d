import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { PostingRecord } from '../../core/demand/posting.js';

export interface WritePostingsOptions {
  /** Called about every 10,000 postings and at the end. */
  onProgress?: (written: number, bytes: number) => void;
}

export interface WrittenPostings {
  count: number;
  bytes: number;
}

/** The columns written, in order: the names `readPostingsFile` reads first. */
export const POSTING_FILE_COLUMNS = ['id', 'title', 'text', 'enterprise', 'province', 'city', 'date', 'post'] as const;

/**
 * Writes postings as JSON Lines (one object per line with the keys of `POSTING_FILE_COLUMNS`), streaming with
 * back-pressure, so a generator of a million postings never sits in memory.
 */
export async function writePostingsJsonl(
  path: string,
  records: Iterable<PostingRecord> | AsyncIterable<PostingRecord>,
  options: WritePostingsOptions = {},
): Promise<WrittenPostings> {
  return writeLines(path, records, null, (record) => JSON.stringify(fileRow(record)), options);
}

/** Writes postings as RFC 4180 CSV (UTF-8, header row, values quoted when needed), streaming with back-pressure. */
export async function writePostingsCsv(
  path: string,
  records: Iterable<PostingRecord> | AsyncIterable<PostingRecord>,
  options: WritePostingsOptions = {},
): Promise<WrittenPostings> {
  return writeLines(
    path,
    records,
    POSTING_FILE_COLUMNS.join(','),
    (record) => Object.values(fileRow(record)).map(csvValue).join(','),
    options,
  );
}

function fileRow(record: PostingRecord) {
  return {
    id: record.sourceId,
    title: record.title,
    text: record.text,
    enterprise: record.enterprise,
    province: record.province ?? '',
    city: record.city ?? '',
    date: record.postedOn,
    post: record.postId ?? '',
  };
}

function csvValue(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const FLUSH_AT = 1 << 20;

/** Resolves on 'drain' or 'error' (the error itself is kept by the permanent listener) and removes both listeners. */
function drained(stream: WriteStream): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
  });
}

async function writeLines(
  path: string,
  records: Iterable<PostingRecord> | AsyncIterable<PostingRecord>,
  header: string | null,
  line: (record: PostingRecord) => string,
  options: WritePostingsOptions,
): Promise<WrittenPostings> {
  const stream = createWriteStream(path);
  const state: { error: Error | null } = { error: null };
  stream.on('error', (error) => (state.error = error));
  const throwIfFailed = () => {
    if (state.error) throw state.error;
  };
  let pending = header === null ? '' : `${header}\n`;
  let count = 0;
  let bytes = 0;
  const flush = async () => {
    throwIfFailed();
    bytes += Buffer.byteLength(pending);
    const ok = stream.write(pending);
    pending = '';
    if (!ok) await drained(stream);
    throwIfFailed();
  };
  try {
    for await (const record of records) {
      pending += `${line(record)}\n`;
      count++;
      if (pending.length >= FLUSH_AT) await flush();
      if (count % 10_000 === 0) options.onProgress?.(count, bytes + Buffer.byteLength(pending));
    }
    await flush();
    stream.end();
    await once(stream, 'finish');
  } catch (error) {
    stream.destroy();
    throw error;
  }
  options.onProgress?.(count, bytes);
  return { count, bytes };
}
