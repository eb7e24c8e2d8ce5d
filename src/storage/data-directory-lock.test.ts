import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { isDomainError } from '../core/errors/domain-error.js';
import {
  controlSocketPath,
  inspectDataDirectoryLock,
  lockDataDirectory,
  processIdentity,
  type LockOwner,
} from './data-directory-lock.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-lock-'));
let dataDir: string;
let counter = 0;

beforeEach(() => {
  dataDir = path.join(root, `data-${(counter += 1)}`);
  fs.mkdirSync(dataDir);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function writeLock(owner: Partial<LockOwner> | string): void {
  const full: LockOwner = {
    pid: process.ppid,
    hostname: os.hostname(),
    ...processIdentity(process.ppid),
    token: 'a'.repeat(48),
    socketPath: null,
    ...(typeof owner === 'string' ? {} : owner),
  };
  fs.writeFileSync(path.join(dataDir, 'zerodock.lock'), typeof owner === 'string' ? owner : JSON.stringify(full));
}

function lockedBy(): LockOwner {
  return JSON.parse(fs.readFileSync(path.join(dataDir, 'zerodock.lock'), 'utf8')) as LockOwner;
}

describe('data directory lock', () => {
  it('records its owner (pid, host, boot, process start, a token, the control socket) and removes it on release', () => {
    const lock = lockDataDirectory(dataDir);
    expect(lockedBy()).toEqual(lock.owner);
    expect(lock.owner).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    expect(lock.owner.token).toMatch(/^[0-9a-f]{48}$/);
    expect(lock.owner.socketPath).toBe(path.join(dataDir, 'zerodock.sock'));
    expect(fs.statSync(path.join(dataDir, 'zerodock.lock')).mode & 0o777).toBe(0o600);
    expect(inspectDataDirectoryLock(dataDir).owner?.token).toBe(lock.owner.token);
    lock.release();
    expect(fs.existsSync(path.join(dataDir, 'zerodock.lock'))).toBe(false);
  });

  it("refuses a directory its live owner holds (here: this test's parent process, as itself)", () => {
    writeLock({});
    expect(inspectDataDirectoryLock(dataDir).live).toBe(true);
    const refused = (() => {
      try {
        lockDataDirectory(dataDir);
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(isDomainError(refused) && refused.code).toBe('DATABASE_UNAVAILABLE');
    expect((refused as Error).message).toContain(`in use by process ${process.ppid}`);
  });

  it('takes over a copied lock whose pid is by chance a live, unrelated process here', () => {
    writeLock({ startTime: '1' }); // the parent's pid, but not the parent's start time: another process's lock
    expect(inspectDataDirectoryLock(dataDir).live).toBe(false);
    const lock = lockDataDirectory(dataDir);
    expect(lockedBy().pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock copied from another machine or written before a reboot', () => {
    writeLock({ hostname: `${os.hostname()}-elsewhere` });
    lockDataDirectory(dataDir).release();
    if (processIdentity(process.pid).bootId !== null) {
      writeLock({ bootId: '00000000-0000-0000-0000-000000000000' });
      lockDataDirectory(dataDir).release();
    }
  });

  it("reads an older version's lock (the pid alone): live pid refused, dead pid taken over", () => {
    writeLock(String(process.ppid));
    expect(() => lockDataDirectory(dataDir)).toThrow(/in use by process/);
    writeLock('2147483646');
    lockDataDirectory(dataDir).release();
  });

  it('puts the control socket in the temporary directory when the data directory path is too long for one', () => {
    const deep = path.join(root, 'x'.repeat(120));
    expect(controlSocketPath(deep)).toMatch(new RegExp(`^${os.tmpdir()}/zerodock-[0-9a-f]{24}\\.sock$`));
    expect(controlSocketPath(deep)).toBe(controlSocketPath(deep));
  });
});
