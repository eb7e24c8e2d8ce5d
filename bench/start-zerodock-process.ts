import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { RunningServer } from './start-bare-server.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

export interface ZerodockProcess extends RunningServer {
  readonly backend: 'pglite' | 'postgres';
  readonly pid: number;
  /** Resident set size of the server process now, in bytes (Linux /proc). */
  rssBytes(): number;
  /** Everything the process printed so far. */
  output(): string;
}

/**
 * A real `zerodock serve --demo-if-empty` child process (from source, through tsx) on a free loopback port, with
 * the demo dataset: PGlite in a fresh temporary data directory, or a fresh database created on the PostgreSQL
 * server of `databaseUrl` (dropped again on close; the URL's own database when the user may not create one).
 */
export async function startZerodockProcess(
  options: { databaseUrl?: string; env?: Record<string, string> } = {},
): Promise<ZerodockProcess> {
  const dataDir = options.databaseUrl ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-bench-'));
  const database = options.databaseUrl ? await createScratchDatabase(options.databaseUrl) : null;
  const cleanUp = async () => {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    if (database) await database.drop();
  };
  // A minimal environment so that the caller's PORT, LOG_LEVEL or DATABASE_URL cannot change what is measured.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LOG_LEVEL: 'warn',
    ZERODOCK_LOGIN_RATE_LIMIT: '10000',
    ...(process.env.ZERODOCK_SHARED_DATA ? { ZERODOCK_SHARED_DATA: process.env.ZERODOCK_SHARED_DATA } : {}),
    ...(database ? { DATABASE_URL: database.url } : { ZERODOCK_DATA_DIR: dataDir ?? '' }),
    ...(options.env ?? {}),
  };
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(packageRoot, 'src', 'cli', 'main.ts'), 'serve', '--demo-if-empty', '--port', '0'],
    { cwd: packageRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let baseUrl: string;
  try {
    baseUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`zerodock serve did not start in 5 minutes:\n${output}`)),
        300_000,
      );
      const check = () => {
        const match = /Zerodock listening on (http:\/\/\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1].replace('localhost', '127.0.0.1'));
        }
      };
      child.stdout.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`zerodock serve exited with ${code}:\n${output}`));
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    await cleanUp();
    throw error;
  }
  const pid = child.pid!;
  return {
    baseUrl,
    backend: database ? 'postgres' : 'pglite',
    pid,
    rssBytes: () => readRssBytes(pid),
    output: () => output,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exited;
        clearTimeout(timer);
      }
      await cleanUp();
    },
  };
}

function readRssBytes(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

async function createScratchDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `zd_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } catch {
    // No right to create databases: use the URL's own database as it is.
    return { url, drop: async () => undefined };
  } finally {
    await admin.end();
  }
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
