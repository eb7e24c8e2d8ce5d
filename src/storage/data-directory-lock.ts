import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DomainError } from '../core/errors/domain-error.js';

const LOCK_FILE = 'zerodock.lock';
const SOCKET_FILE = 'zerodock.sock';
/** sun_path holds 108 bytes on Linux (104 on macOS), the terminating NUL included. */
const MAX_SOCKET_PATH_BYTES = 100;

/**
 * Who holds a data directory: the process (pid, its start time in clock ticks since boot from /proc/<pid>/stat,
 * the boot id and the host name), a random token only the owner and readers of the lock file know (the control
 * socket asks for it), and where that socket listens.
 */
const lockOwnerSchema = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  bootId: z.string().nullable(),
  startTime: z.string().nullable(),
  token: z.string().min(16),
  socketPath: z.string().nullable(),
});
export type LockOwner = z.infer<typeof lockOwnerSchema>;

export interface DataDirectoryLock {
  readonly owner: LockOwner;
  release(): void;
}

/**
 * PGlite is one process's database: a second process opening the same directory would corrupt it. The lock file
 * turns that into a clear error. It is taken over when its owner is not a live process of this machine: a crashed
 * server's, and also a lock that came with a copied directory or a restored backup, whose pid may by chance be a
 * live, unrelated process here — the host name, boot id and process start time tell them apart.
 */
export function lockDataDirectory(dataDir: string): DataDirectoryLock {
  const lockPath = path.join(dataDir, LOCK_FILE);
  const owner: LockOwner = {
    ...processIdentity(process.pid),
    pid: process.pid,
    hostname: os.hostname(),
    token: randomBytes(24).toString('hex'),
    socketPath: controlSocketPath(dataDir),
  };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockPath, `${JSON.stringify(owner)}\n`, { flag: 'wx', mode: 0o600 });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        // Only our own lock: a restore may have replaced the directory's content meanwhile.
        if (readLockOwner(lockPath)?.token === owner.token) fs.rmSync(lockPath, { force: true });
      };
      process.on('exit', release);
      return { owner, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const state = inspectDataDirectoryLock(dataDir);
      if (state.live) {
        throw new DomainError(
          'DATABASE_UNAVAILABLE',
          `The embedded database in ${dataDir} is in use by process ${state.pid}. Stop it first, or use PostgreSQL (DATABASE_URL) for several processes.`,
          { location: dataDir, pid: state.pid },
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DomainError('DATABASE_UNAVAILABLE', `Cannot lock the data directory ${dataDir}`, { location: dataDir });
}

/** The lock of a data directory, if any, and whether its owner is a live process of this machine. */
export function inspectDataDirectoryLock(dataDir: string): {
  owner: LockOwner | null;
  pid: number | null;
  live: boolean;
} {
  const lockPath = path.join(dataDir, LOCK_FILE);
  if (!fs.existsSync(lockPath)) return { owner: null, pid: null, live: false };
  const owner = readLockOwner(lockPath);
  if (!owner) {
    // A lock of an older version (the pid alone): live when that pid is.
    const pid = Number(readText(lockPath).trim());
    const valid = Number.isInteger(pid) && pid > 0;
    return { owner: null, pid: valid ? pid : null, live: valid && pid !== process.pid && isProcessAlive(pid) };
  }
  return { owner, pid: owner.pid, live: isLiveOwner(owner) };
}

function isLiveOwner(owner: LockOwner): boolean {
  if (owner.hostname !== os.hostname()) return false;
  if (owner.pid === process.pid || !isProcessAlive(owner.pid)) return false;
  const current = processIdentity(owner.pid);
  if (owner.bootId !== null && current.bootId !== null && owner.bootId !== current.bootId) return false;
  if (owner.startTime !== null && current.startTime !== null) return owner.startTime === current.startTime;
  // Without /proc nothing tells a reused pid apart: be safe.
  return true;
}

/** The boot id and the start time of a process (Linux /proc); nulls elsewhere. */
export function processIdentity(pid: number): { bootId: string | null; startTime: string | null } {
  const bootId = readText('/proc/sys/kernel/random/boot_id').trim() || null;
  const stat = readText(`/proc/${pid}/stat`);
  // The command name (field 2) may hold spaces and parentheses: count the fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const startTime = fields[19] ?? null;
  return { bootId, startTime: startTime && /^\d+$/.test(startTime) ? startTime : null };
}

/**
 * Where the server of a data directory answers backup requests: `zerodock.sock` inside it, or — when that path
 * is too long for a unix socket — a name derived from it in the temporary directory. Recorded in the lock file.
 */
export function controlSocketPath(dataDir: string): string {
  const inside = path.join(dataDir, SOCKET_FILE);
  if (Buffer.byteLength(inside) <= MAX_SOCKET_PATH_BYTES) return inside;
  const digest = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 24);
  return path.join(os.tmpdir(), `zerodock-${digest}.sock`);
}

function readLockOwner(lockPath: string): LockOwner | null {
  try {
    const parsed = lockOwnerSchema.safeParse(JSON.parse(readText(lockPath)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
