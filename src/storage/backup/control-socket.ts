import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DomainError } from '../../core/errors/domain-error.js';

const MAX_REQUEST_BYTES = 4096;

export interface ControlServer {
  close(): Promise<void>;
}

/**
 * The running server's private control socket (a unix socket, mode 0600, path recorded in the data directory's
 * lock file): `zerodock backup` asks it for a dump of the embedded database while the server keeps serving.
 * A request is one JSON line `{"token", "command": "backup"}` with the lock file's token; the answer one JSON line
 * `{"ok": true, "bytes": N}` followed by the N bytes of the dump, or `{"ok": false, "error"}`.
 */
export async function startControlSocket(options: {
  socketPath: string;
  token: string;
  dump: () => Promise<Blob>;
  onError?: (error: unknown) => void;
}): Promise<ControlServer> {
  removeStaleSocket(options.socketPath);
  const expected = Buffer.from(options.token);
  const server = net.createServer((socket) => {
    socket.setTimeout(600_000, () => socket.destroy());
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf(0x0a);
      if (end < 0 && received.length <= MAX_REQUEST_BYTES) return;
      socket.off('data', onData);
      void answer(socket, end < 0 ? null : received.subarray(0, end).toString('utf8'));
    };
    socket.on('data', onData);
    socket.on('error', () => socket.destroy());
  });
  const answer = async (socket: net.Socket, line: string | null) => {
    const refuse = (error: string) => socket.end(`${JSON.stringify({ ok: false, error })}\n`);
    let request: { token?: unknown; command?: unknown };
    try {
      request = line === null ? {} : (JSON.parse(line) as typeof request);
    } catch {
      return refuse('malformed request');
    }
    const token = Buffer.from(typeof request.token === 'string' ? request.token : '');
    if (token.length !== expected.length || !timingSafeEqual(token, expected)) return refuse('wrong token');
    if (request.command !== 'backup') return refuse('unknown command');
    try {
      const dump = await options.dump();
      socket.write(`${JSON.stringify({ ok: true, bytes: dump.size })}\n`);
      Readable.fromWeb(dump.stream() as WebReadableStream<Uint8Array>).pipe(socket);
    } catch (error) {
      options.onError?.(error);
      refuse(`the dump failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
  fs.chmodSync(options.socketPath, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        fs.rmSync(options.socketPath, { force: true });
      }),
  };
}

/** Asks a running server for a dump of its embedded database; yields the dump's bytes as they arrive. */
export async function* requestDump(socketPath: string, token: string): AsyncGenerator<Buffer> {
  const socket = net.connect(socketPath);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', (error) =>
      reject(
        new DomainError(
          'DATABASE_UNAVAILABLE',
          `Cannot reach the running server's control socket ${socketPath}: ${error.message}`,
          { socketPath },
        ),
      ),
    );
  });
  socket.write(`${JSON.stringify({ token, command: 'backup' })}\n`);
  let header = null as DumpHeader | null;
  let pending = Buffer.alloc(0);
  let received = 0;
  try {
    for await (const chunk of socket as AsyncIterable<Buffer>) {
      if (header === null) {
        pending = Buffer.concat([pending, chunk]);
        const end = pending.indexOf(0x0a);
        if (end < 0) continue;
        header = JSON.parse(pending.subarray(0, end).toString('utf8')) as DumpHeader;
        if (!header?.ok) {
          throw new DomainError(
            'DATABASE_UNAVAILABLE',
            `The running server refused the backup: ${header?.error ?? '?'}`,
          );
        }
        const rest = pending.subarray(end + 1);
        received += rest.length;
        if (rest.length > 0) yield rest;
      } else {
        received += chunk.length;
        yield chunk;
      }
    }
  } finally {
    socket.destroy();
  }
  if (header === null || received !== header.bytes) {
    throw new DomainError(
      'DATABASE_UNAVAILABLE',
      `The running server's dump ended early (${received} of ${header?.bytes ?? '?'} bytes)`,
    );
  }
}

interface DumpHeader {
  ok: boolean;
  bytes?: number;
  error?: string;
}

function removeStaleSocket(socketPath: string): void {
  try {
    if (fs.lstatSync(socketPath).isSocket()) fs.rmSync(socketPath);
  } catch {
    // Nothing there.
  }
}
