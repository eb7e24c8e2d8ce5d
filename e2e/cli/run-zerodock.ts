import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The node arguments that run the zerodock CLI: the built one when the suite has just built it (`npm test` sets
 * ZERODOCK_CLI_BUILT=1 after `npm run build`: what `bin/zerodock.js` runs, and no TypeScript to compile at every
 * start), otherwise from source through tsx.
 */
export function zerodockEntry(): string[] {
  return process.env.ZERODOCK_CLI_BUILT === '1'
    ? [path.join(PROJECT_ROOT, 'dist/src/cli/main.js')]
    : ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/cli/main.ts')];
}

/** Runs the zerodock CLI as a black box: arguments in; exit code, stdout and stderr out. */
export function runZerodock(
  args: string[],
  options: {
    env?: Record<string, string | undefined>;
    input?: string;
    timeoutMs?: number;
    /** Stop the command (SIGTERM) once its stdout matches: for `serve`, which runs until stopped. */
    until?: RegExp;
  } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    for (const [key, value] of Object.entries(options.env ?? {})) {
      if (value === undefined) delete env[key];
      else env[key] = value;
    }
    const child = spawn(process.execPath, [...zerodockEntry(), ...args], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (options.until?.test(stdout) && child.exitCode === null) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
