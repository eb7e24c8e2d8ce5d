import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { DomainError } from '../../core/errors/domain-error.js';

const run = promisify(execFile);

export interface PostgresTool {
  readonly path: string;
  readonly major: number;
  readonly version: string;
}

/**
 * The newest `pg_dump` / `pg_restore` on PATH or in Debian's /usr/lib/postgresql/<major>/bin whose major version
 * is at least `minimumMajor` (pg_dump refuses a newer server; pg_restore must read what pg_dump wrote).
 */
export async function findPostgresTool(name: 'pg_dump' | 'pg_restore', minimumMajor: number): Promise<PostgresTool> {
  const candidates = new Set<string>();
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir) candidates.add(path.join(dir, name));
  }
  const debian = '/usr/lib/postgresql';
  for (const version of safeReaddir(debian)) candidates.add(path.join(debian, version, 'bin', name));
  const found: PostgresTool[] = [];
  for (const candidate of candidates) {
    if (!isExecutable(candidate)) continue;
    try {
      const { stdout } = await run(candidate, ['--version'], { timeout: 10_000 });
      const match = /(\d+)(?:\.(\d+))?/.exec(stdout);
      if (match) found.push({ path: candidate, major: Number(match[1]), version: match[0] });
    } catch {
      // Not runnable here: try the others.
    }
  }
  const usable = found.filter((tool) => tool.major >= minimumMajor).sort((a, b) => b.major - a.major);
  const best = usable[0];
  if (!best) {
    const seen = found.length > 0 ? ` (found ${found.map((tool) => `${tool.path} ${tool.version}`).join(', ')})` : '';
    throw new DomainError(
      'DATABASE_UNAVAILABLE',
      `${name} ${minimumMajor} or newer is needed and was not found on PATH or in ${debian}/*/bin${seen}. ` +
        `Install the PostgreSQL client tools (e.g. apt-get install postgresql-client-${minimumMajor}).`,
      { tool: name, minimumMajor },
    );
  }
  return best;
}

/** A libpq connection for the tools: the URL without its password (the password goes in PGPASSWORD, not argv). */
export function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: parsed.toString(), env };
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
