import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { DomainError } from '../../core/errors/domain-error.js';

/** What a ZIP archive (an XLSX workbook, …) may hold before anything in it is inflated. */
export interface ZipLimits {
  /** Entries in the central directory. */
  readonly maxEntries: number;
  /** Expanded bytes of one entry, as declared and as really inflated. */
  readonly maxEntryBytes: number;
  /** Expanded bytes of all entries as declared, and of all entries really inflated. */
  readonly maxTotalBytes: number;
  /** Expanded ÷ compressed size, checked for entries that expand beyond `RATIO_FLOOR_BYTES`. */
  readonly maxRatio: number;
}

/** Below this an entry may have any ratio: small XML parts of real workbooks compress 100× and more. */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

/**
 * A whole-file problem (`FILE:0:(file)`): `file` when it cannot be read at all, `format` when the bytes are not a
 * readable ZIP archive (truncated, corrupt, another format), `limit` when the archive is refused by a limit.
 */
export type ZipFail = (reason: string, kind: 'file' | 'format' | 'limit') => DomainError<'IMPORT_FAILED'>;

/**
 * A ZIP archive read through its central directory (yauzl, from a file descriptor or a buffer), checked against
 * `ZipLimits` before any entry is inflated: the entry count, names (no absolute paths, no `..`, no backslashes, no
 * duplicates), no encryption, declared per-entry and total sizes, and the compression ratio. Entries are then
 * inflated one at a time, on demand, as streams whose real bytes are counted: the declared size is never trusted
 * (yauzl also fails an entry that inflates to more or fewer bytes than declared), and reading stops at the first
 * byte past a limit. A truncated or corrupt archive fails at once (no central directory, a bad local header, a
 * deflate error) — never a hang.
 */
export class BoundedZip {
  private inflatedTotal = 0;

  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: ReadonlyMap<string, Entry>,
    private readonly limits: ZipLimits,
    private readonly fail: ZipFail,
  ) {}

  static async open(source: string | Buffer, limits: ZipLimits, fail: ZipFail): Promise<BoundedZip> {
    const options = {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: true,
      validateEntrySizes: true,
      strictFileNames: true,
    };
    let zip: ZipFile;
    try {
      zip =
        typeof source === 'string'
          ? await yauzl.openPromise(source, options)
          : await yauzl.fromBufferPromise(source, options);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw fail('file not found', 'file');
      if (code === 'EISDIR') throw fail('a folder, not a file', 'file');
      if (typeof code === 'string' && code.startsWith('E')) throw fail(`cannot read the file (${code})`, 'file');
      throw fail(`not a ZIP archive: truncated, corrupt or another format: ${describe(error)}`, 'format');
    }
    try {
      if (zip.entryCount > limits.maxEntries) {
        throw fail(`the archive lists ${zip.entryCount} entries; at most ${limits.maxEntries} are read`, 'limit');
      }
      const entries = new Map<string, Entry>();
      let declaredTotal = 0;
      for (;;) {
        const entry = await nextEntry(zip, fail);
        if (entry === null) break;
        const name = entry.fileName;
        if (entries.size >= limits.maxEntries) {
          throw fail(`the archive holds more than ${limits.maxEntries} entries`, 'limit');
        }
        if (entries.has(name)) throw fail(`the entry "${shown(name)}" appears twice`, 'limit');
        if (entry.isEncrypted()) throw fail(`the entry "${shown(name)}" is encrypted`, 'limit');
        if (
          entry.uncompressedSize > RATIO_FLOOR_BYTES &&
          entry.uncompressedSize > Math.max(1, entry.compressedSize) * limits.maxRatio
        ) {
          throw fail(
            `the entry "${shown(name)}" expands ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))}× ` +
              `(${sizeText(entry.compressedSize)} to ${sizeText(entry.uncompressedSize)}); at most ` +
              `${limits.maxRatio}× (a ZIP bomb?)`,
            'limit',
          );
        }
        if (entry.uncompressedSize > limits.maxEntryBytes) {
          throw fail(
            `the entry "${shown(name)}" expands to ${sizeText(entry.uncompressedSize)}; at most ` +
              `${sizeText(limits.maxEntryBytes)} per entry`,
            'limit',
          );
        }
        declaredTotal += entry.uncompressedSize;
        if (declaredTotal > limits.maxTotalBytes) {
          throw fail(`the entries expand to more than ${sizeText(limits.maxTotalBytes)} in all`, 'limit');
        }
        entries.set(name, entry);
      }
      return new BoundedZip(zip, entries, limits, fail);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The expanded size the central directory declares for an entry (0 when absent); checked against the limits. */
  declaredSize(name: string): number {
    return this.entries.get(name)?.uncompressedSize ?? 0;
  }

  /**
   * The inflated bytes of one entry, in chunks, counted as they come: more than `maxBytes` (default: the
   * per-entry limit), more than the ratio allows, or more than the archive's total fails the reading.
   */
  async *read(name: string, maxBytes = this.limits.maxEntryBytes): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) throw this.fail(`the entry "${shown(name)}" is missing`, 'format');
    const limit = Math.min(maxBytes, this.limits.maxEntryBytes);
    const ratioLimit = Math.max(RATIO_FLOOR_BYTES, Math.max(1, entry.compressedSize) * this.limits.maxRatio);
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch (error) {
      throw this.fail(`cannot read the entry "${shown(name)}": ${describe(error)}`, 'format');
    }
    let inflated = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        this.inflatedTotal += chunk.length;
        if (inflated > limit) {
          throw this.fail(`the entry "${shown(name)}" expands to more than ${sizeText(limit)}`, 'limit');
        }
        if (inflated > ratioLimit) {
          throw this.fail(
            `the entry "${shown(name)}" expands more than ${this.limits.maxRatio}× its compressed size (a ZIP bomb?)`,
            'limit',
          );
        }
        if (this.inflatedTotal > this.limits.maxTotalBytes) {
          throw this.fail(
            `the entries read expand to more than ${sizeText(this.limits.maxTotalBytes)} in all`,
            'limit',
          );
        }
        yield chunk;
      }
    } catch (error) {
      if (isImportFailure(error)) throw error;
      if (/too many bytes in the stream/.test(describe(error))) {
        // yauzl's check of the declared size: the header lies about how far the entry expands.
        throw this.fail(
          `the entry "${shown(name)}" expands beyond the ${entry.uncompressedSize} bytes its header declares (a ZIP bomb?)`,
          'limit',
        );
      }
      throw this.fail(`the entry "${shown(name)}" is corrupt or truncated: ${describe(error)}`, 'format');
    } finally {
      stream.destroy();
    }
  }

  close(): void {
    if (this.zip.isOpen) this.zip.close();
  }
}

function nextEntry(zip: ZipFile, fail: ZipFail): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: Entry) => {
      cleanup();
      resolve(entry);
    };
    const onEnd = () => {
      cleanup();
      resolve(null);
    };
    const onError = (error: unknown) => {
      cleanup();
      reject(fail(`a truncated or corrupt ZIP archive: ${describe(error)}`, 'format'));
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

function isImportFailure(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'IMPORT_FAILED';
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function shown(name: string): string {
  return name.length > 100 ? `${name.slice(0, 100)}…` : name;
}

/** `2860 MiB`, `1.5 MiB`, `48.8 KiB`, `100 bytes`. */
export function sizeText(bytes: number): string {
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'MiB'] : bytes >= 1024 ? [bytes / 1024, 'KiB'] : [bytes, 'bytes'];
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} ${unit}`;
}
