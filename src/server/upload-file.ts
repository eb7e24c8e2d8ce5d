import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors/domain-error.js';
import { ImportSlots } from './import-slots.js';

/** Content types an upload route accepts as a raw file body. */
export const UPLOAD_CONTENT_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Every upload folder starts so; the sweep removes only these. */
const FOLDER_PREFIX = 'upload-';

/** A request body streamed to a private temporary file (the body of a route whose scope `accept`s uploads). */
export class UploadedFile {
  constructor(
    readonly dir: string,
    readonly path: string,
    readonly size: number,
  ) {}
}

export interface UploadAreaOptions {
  /** Folder holding one private folder (0700) per upload in progress. */
  readonly root: string;
  /** Heavy imports parsing at once. */
  readonly importConcurrency: number;
  /** How long an import waits for a slot before 503 `IMPORT_BUSY`. */
  readonly importQueueMs: number;
}

/**
 * Where uploads go: each request body is streamed straight to a file of its own in a private folder under `root`
 * (never held in memory), bounded while it streams (413 `PAYLOAD_TOO_LARGE` at the first byte past the limit; a
 * Content-Length above it is refused before reading), and removed whatever happens: after the handler, before any
 * answer is sent (a request refused after its body was read included), when the client aborts mid-way, when the
 * server closes, and — for a process that died — by `sweep`. Heavy imports then run in one of `slots`.
 */
export class UploadArea {
  readonly slots: ImportSlots;
  private readonly live = new Set<string>();

  constructor(readonly options: UploadAreaOptions) {
    this.slots = new ImportSlots(options.importConcurrency, options.importQueueMs);
  }

  /** Registers the raw-body parser on an encapsulated scope (elsewhere the API stays JSON-only). */
  accept(scope: FastifyInstance, options: { contentTypes: readonly string[]; limitBytes: number }): void {
    scope.addContentTypeParser(
      [...options.contentTypes],
      (request: FastifyRequest, payload: Readable): Promise<UploadedFile> =>
        this.receive(payload, options.limitBytes, request.headers['content-length']),
    );
    // Before any answer leaves (a refused request never reaches the handler, which removes its own).
    scope.addHook('onSend', async (request, _reply, payload) => {
      if (request.body instanceof UploadedFile) await this.discard(request.body);
      return payload;
    });
  }

  /** Streams one body to a new private file; on any failure (too large, aborted) nothing is left behind. */
  async receive(payload: Readable, limitBytes: number, contentLength?: string): Promise<UploadedFile> {
    if (contentLength !== undefined && Number(contentLength) > limitBytes) {
      throw tooLarge(limitBytes);
    }
    await mkdir(this.options.root, { recursive: true, mode: 0o700 });
    const dir = await mkdtemp(join(this.options.root, FOLDER_PREFIX));
    this.live.add(dir);
    const path = join(dir, 'body');
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > limitBytes) callback(tooLarge(limitBytes));
        else callback(null, chunk);
      },
    });
    try {
      await pipeline(payload, counter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
      return new UploadedFile(dir, path, size);
    } catch (error) {
      await this.removeFolder(dir);
      if (error instanceof DomainError) throw error;
      throw new DomainError('VALIDATION_FAILED', 'The upload was interrupted before the whole file arrived', {
        field: 'body',
      });
    }
  }

  /**
   * The uploaded file, renamed to the extension of `nameOf()` (the name messages use, checked by it; the readers go
   * by the extension), handed to `work` inside an import slot, and removed afterwards.
   */
  async withUpload<T>(
    body: unknown,
    nameOf: () => string,
    work: (path: string, name: string, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    if (!(body instanceof UploadedFile) || body.size === 0) {
      if (body instanceof UploadedFile) await this.discard(body);
      throw new DomainError('VALIDATION_FAILED', 'Send the file as the request body (application/octet-stream)', {
        field: 'body',
      });
    }
    try {
      const name = nameOf();
      const path = join(body.dir, `upload${extname(name).toLowerCase()}`);
      await rename(body.path, path);
      return await this.slots.run((signal) => work(path, name, signal));
    } finally {
      await this.discard(body);
    }
  }

  async discard(upload: UploadedFile): Promise<void> {
    await this.removeFolder(upload.dir);
  }

  /**
   * Removes upload folders older than `olderThanMs` that no request of this process holds: what a killed server
   * left behind. Returns how many were removed.
   */
  async sweep(olderThanMs: number, now = Date.now()): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.options.root);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      if (!name.startsWith(FOLDER_PREFIX)) continue;
      const dir = join(this.options.root, name);
      if (this.live.has(dir)) continue;
      try {
        const info = await stat(dir);
        if (now - info.mtimeMs < olderThanMs) continue;
        await rm(dir, { recursive: true, force: true });
        removed++;
      } catch {
        // gone meanwhile
      }
    }
    return removed;
  }

  /** At shutdown: aborts and waits for running imports, then removes every upload of this process. */
  async close(): Promise<void> {
    await this.slots.close();
    await Promise.all([...this.live].map((dir) => this.removeFolder(dir)));
  }

  /** Upload folders of this process still on disk (tests check that failures leave none). */
  get pending(): number {
    return this.live.size;
  }

  private async removeFolder(dir: string): Promise<void> {
    this.live.delete(dir);
    await rm(dir, { recursive: true, force: true });
  }
}

/** Where uploads go when the server is not told otherwise: `<tmp>/zerodock-uploads`, two imports at once. */
export function defaultUploadArea(): UploadArea {
  return new UploadArea({ root: join(tmpdir(), 'zerodock-uploads'), importConcurrency: 2, importQueueMs: 10_000 });
}

function tooLarge(limitBytes: number): DomainError<'PAYLOAD_TOO_LARGE'> {
  return new DomainError('PAYLOAD_TOO_LARGE', `The file is larger than ${limitBytes / 1024 / 1024} MiB`, {
    field: 'body',
    limitBytes,
  });
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
