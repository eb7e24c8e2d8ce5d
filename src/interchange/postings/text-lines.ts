import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import type { DomainError } from '../../core/errors/domain-error.js';

/** The text encodings a postings file may be in; decided from the first line that is not plain ASCII. */
export type TextEncodingName = 'utf-8' | 'gb18030';

/** One physical line of a text file, decoded, without its line break. */
export interface TextLine {
  /** 1-based. */
  readonly line: number;
  readonly text: string;
}

/** The lines decoded from one chunk read from disk, and how far into the file the reading is. */
export interface TextLineChunk {
  readonly lines: readonly TextLine[];
  readonly bytesRead: number;
}

type Fail = (line: number, field: string, reason: string) => DomainError<'IMPORT_FAILED'>;

/**
 * The longest line read (16 MiB): far above any real posting (the text field is capped lower, with a message naming
 * the field), low enough that a file without line breaks cannot exhaust memory.
 */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const gb18030 = new TextDecoder('gb18030', { fatal: true });

export const NOT_TEXT =
  'the line is neither UTF-8 nor GB18030 text (binary data, or another encoding such as Big5 or Windows-1252?)';

/**
 * Reads a text file line by line in 64 KiB chunks, never holding more than one chunk and one line.
 *
 * Encoding: a UTF-16 byte-order mark fails (save as UTF-8); a UTF-8 BOM is dropped. Otherwise the first line with a
 * byte above 0x7F decides: strict UTF-8 if it is valid UTF-8, else GB18030 (which includes GBK and GB2312) if
 * that decodes strictly, else the line fails. Every later line must be valid in the encoding decided, so a file
 * mixing encodings fails on the first line that does not fit. Splitting on the byte 0x0A before decoding is exact
 * in both encodings (neither uses it inside a multi-byte character), and gives exact line numbers for bad bytes.
 * A NUL byte fails its line as binary data.
 */
export async function* readTextLines(path: string, fail: Fail): AsyncGenerator<TextLineChunk> {
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  let encoding: TextEncodingName | null = null;
  let line = 1;
  let bytesRead = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let first = true;

  const decode = (bytes: Buffer): string => {
    if (bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN) bytes = bytes.subarray(0, bytes.length - 1);
    if (bytes.includes(0)) throw fail(line, '(line)', 'a NUL byte: this is binary data, not a text file');
    if (encoding === null) {
      if (isAscii(bytes)) return bytes.toString('latin1');
      encoding = isUtf8(bytes) ? 'utf-8' : decodesAsGb18030(bytes) ? 'gb18030' : null;
      if (encoding === null) throw fail(line, '(encoding)', NOT_TEXT);
    }
    if (encoding === 'utf-8') {
      if (!isUtf8(bytes)) {
        throw fail(line, '(encoding)', 'the line is not valid UTF-8, but the lines before it are (mixed encodings?)');
      }
      return bytes.toString('utf8');
    }
    try {
      return gb18030.decode(bytes);
    } catch {
      throw fail(line, '(encoding)', 'the line is not valid GB18030, but the lines before it are (mixed encodings?)');
    }
  };

  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let data = chunk;
      bytesRead += data.length;
      if (first) {
        first = false;
        if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) {
          throw fail(1, '(encoding)', 'the file is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8');
        }
        if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
          data = data.subarray(3);
          encoding = 'utf-8';
        }
      }
      const lines: TextLine[] = [];
      let start = 0;
      for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
        let bytes = data.subarray(start, end);
        if (pending.length > 0) {
          bytes = Buffer.concat([...pending, bytes]);
          pending = [];
          pendingBytes = 0;
        }
        if (bytes.length > MAX_LINE_BYTES) throw tooLong(fail, line);
        lines.push({ line, text: decode(bytes) });
        line++;
        start = end + 1;
      }
      if (start < data.length) {
        pending.push(data.subarray(start));
        pendingBytes += data.length - start;
        if (pendingBytes > MAX_LINE_BYTES) throw tooLong(fail, line);
      }
      yield { lines, bytesRead };
    }
    if (pendingBytes > 0) yield { lines: [{ line, text: decode(Buffer.concat(pending)) }], bytesRead };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw fail(0, '(file)', 'file not found');
    if (code === 'EISDIR') throw fail(0, '(file)', 'a folder, not a file');
    if (typeof code === 'string' && code.startsWith('E')) throw fail(0, '(file)', `cannot read the file (${code})`);
    throw error;
  } finally {
    stream.destroy();
  }
}

/**
 * Decodes a whole (small) file: the same rules as `readTextLines`, applied to the file at once, with the line of the
 * first bad byte named.
 */
export function decodeText(buffer: Buffer, fail: Fail): string {
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
    throw fail(1, '(encoding)', 'the file is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8');
  }
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) buffer = buffer.subarray(3);
  const nul = buffer.indexOf(0);
  if (nul !== -1) throw fail(lineOf(buffer, nul), '(line)', 'a NUL byte: this is binary data, not a text file');
  if (isUtf8(buffer)) return buffer.toString('utf8');
  if (decodesAsGb18030(buffer)) return gb18030.decode(buffer);
  // Name the first line that is neither.
  let line = 1;
  let start = 0;
  for (let end = buffer.indexOf(NEWLINE); ; end = buffer.indexOf(NEWLINE, start)) {
    const bytes = buffer.subarray(start, end === -1 ? buffer.length : end);
    if (!isUtf8(bytes) && !decodesAsGb18030(bytes)) break;
    if (end === -1) break;
    line++;
    start = end + 1;
  }
  throw fail(line, '(encoding)', NOT_TEXT);
}

function tooLong(fail: Fail, line: number): DomainError<'IMPORT_FAILED'> {
  return fail(line, '(line)', `the line is longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB (not a postings file?)`);
}

function isAscii(bytes: Buffer): boolean {
  for (let index = 0; index < bytes.length; index++) if (bytes[index]! > 0x7f) return false;
  return true;
}

function decodesAsGb18030(bytes: Buffer): boolean {
  try {
    gb18030.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function lineOf(buffer: Buffer, offset: number): number {
  let line = 1;
  for (let at = buffer.indexOf(NEWLINE); at !== -1 && at < offset; at = buffer.indexOf(NEWLINE, at + 1)) line++;
  return line;
}
