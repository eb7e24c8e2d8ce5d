import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runZerodock } from './run-zerodock.js';
import { signInStatus, startServe } from './start-serve.js';

let root: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-backup-'));
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

async function stats(env: Record<string, string>): Promise<Record<string, number>> {
  const result = await runZerodock(['stats', '--json'], { env });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Record<string, number>;
}

describe('zerodock backup / restore, embedded database', () => {
  it('has help for both commands', async () => {
    const backup = await runZerodock(['backup', '--help']);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('--out <file>');
    const restore = await runZerodock(['restore', '--help']);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('--force');
    const missing = await runZerodock(['backup']);
    expect(missing.code).toBe(2);
  });

  it('backs up while the server runs, restores into a fresh directory: same counts, and one can sign in', async () => {
    const live = { ZERODOCK_DATA_DIR: path.join(root, 'live') };
    const copy = { ZERODOCK_DATA_DIR: path.join(root, 'copy') };
    const file = path.join(root, 'live.zdb');
    const server = await startServe(live);
    let restoredIntoLive;
    try {
      const backup = await runZerodock(['backup', '--out', file, '--json'], { env: live });
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stderr).toContain(`Asking the running server (process ${server.pid})`);
      expect(JSON.parse(backup.stdout)).toMatchObject({ backend: 'pglite', payload: 'pglite-datadir-tar-gzip' });
      // The server is still serving.
      expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
      restoredIntoLive = await runZerodock(['restore', file, '--force'], { env: live });
    } finally {
      await server.stop();
    }
    expect(restoredIntoLive.code).toBe(69);
    expect(restoredIntoLive.stderr).toContain('is in use by a running Zerodock process');

    const restored = await runZerodock(['restore', file], { env: copy });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toContain('checksum correct');
    const counts = await stats(copy);
    expect(counts.people).toBeGreaterThan(10);
    expect(counts).toEqual(await stats(live));

    const again = await runZerodock(['restore', file], { env: copy });
    expect(again.code).toBe(73);
    expect(again.stderr).toContain('already holds a database');
    expect(again.stderr).toContain('--force');

    const restoredServer = await startServe(copy);
    try {
      expect(await signInStatus(restoredServer.baseUrl)).toBe(200);
    } finally {
      await restoredServer.stop();
    }
    const forced = await runZerodock(['restore', file, '--force'], { env: copy });
    expect(forced.code, forced.stderr).toBe(0);
    expect((await stats(copy)).people).toBe(counts.people);
  });

  it('backs up a directory no server holds; refuses damaged or foreign files before touching anything', async () => {
    const data = { ZERODOCK_DATA_DIR: path.join(root, 'idle') };
    expect((await runZerodock(['migrate'], { env: data })).code).toBe(0);
    const file = path.join(root, 'idle.zdb');
    const backup = await runZerodock(['backup', '--out', file], { env: data });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toContain('No server holds');
    expect(fs.readdirSync(root).filter((name) => name.includes('.partial-'))).toEqual([]);

    const target = { ZERODOCK_DATA_DIR: path.join(root, 'target') };
    const damaged = path.join(root, 'damaged.zdb');
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    fs.writeFileSync(damaged, bytes);
    const truncated = path.join(root, 'truncated.zdb');
    fs.writeFileSync(truncated, bytes.subarray(0, bytes.length - 1000));
    const foreign = path.join(root, 'foreign.zdb');
    fs.writeFileSync(foreign, 'PGDMP not ours');
    for (const [bad, reason] of [
      [damaged, 'checksum does not match'],
      [truncated, 'truncated'],
      [foreign, 'not a Zerodock backup file'],
    ] as const) {
      const result = await runZerodock(['restore', bad], { env: target });
      expect(result.code, result.stderr).toBe(65);
      expect(result.stderr).toContain(reason);
      expect(fs.existsSync(path.join(root, 'target', 'pgdata'))).toBe(false);
    }
    const postgresTarget = await runZerodock(['restore', file], {
      env: { DATABASE_URL: 'postgres://zerodock@127.0.0.1:1/none' },
    });
    expect(postgresTarget.code).toBe(65);
    expect(postgresTarget.stderr).toContain('is a backup of the embedded database');
  });

  it('takes over the lock of a copied data directory whose pid is a live, unrelated process here', async () => {
    const data = path.join(root, 'copied');
    expect((await runZerodock(['migrate'], { env: { ZERODOCK_DATA_DIR: data } })).code).toBe(0);
    // As if copied from a server elsewhere: its pid is this test's parent here, with another start time.
    fs.writeFileSync(
      path.join(data, 'zerodock.lock'),
      JSON.stringify({
        pid: process.ppid,
        hostname: os.hostname(),
        bootId: null,
        startTime: '1',
        token: randomBytes(24).toString('hex'),
        socketPath: path.join(data, 'zerodock.sock'),
      }),
    );
    const result = await runZerodock(['stats', '--json'], { env: { ZERODOCK_DATA_DIR: data } });
    expect(result.code, result.stderr).toBe(0);
  });
});

const adminUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!adminUrl)('zerodock backup / restore, PostgreSQL (TEST_DATABASE_URL)', () => {
  const names = [`zd_backup_${randomBytes(4).toString('hex')}`, `zd_restore_${randomBytes(4).toString('hex')}`];
  const urlOf = (name: string) => {
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  beforeAll(async () => {
    for (const name of names) await admin(`create database ${name}`);
  });
  afterAll(async () => {
    for (const name of names) await admin(`drop database if exists ${name} with (force)`);
  });

  it('pg_dump while the server runs, pg_restore into an empty database: same counts, and one can sign in', async () => {
    const source = { DATABASE_URL: urlOf(names[0]!) };
    const target = { DATABASE_URL: urlOf(names[1]!) };
    const file = path.join(root, 'postgres.zdb');
    const server = await startServe(source);
    try {
      const backup = await runZerodock(['backup', '--out', file], { env: source });
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stderr).toMatch(/Dumping PostgreSQL \d+ at .* with .*pg_dump/);
      const restored = await runZerodock(['restore', file], { env: target });
      expect(restored.code, restored.stderr).toBe(0);
      expect(await stats(target)).toEqual(await stats(source));
    } finally {
      await server.stop();
    }
    const again = await runZerodock(['restore', file], { env: target });
    expect(again.code).toBe(73);
    expect(again.stderr).toContain('already holds');
    const restoredServer = await startServe(target);
    try {
      expect(await signInStatus(restoredServer.baseUrl)).toBe(200);
    } finally {
      await restoredServer.stop();
    }
    const forced = await runZerodock(['restore', file, '--force'], { env: target });
    expect(forced.code, forced.stderr).toBe(0);
  });
});
