import { spawn } from 'node:child_process';
import { PROJECT_ROOT, zerodockEntry } from './run-zerodock.js';

export interface ServeProcess {
  readonly baseUrl: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** `zerodock serve --demo-if-empty --port 0` (no demo postings), once it prints its URL. */
export async function startServe(env: Record<string, string>): Promise<ServeProcess> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ZERODOCK_DEMO_POSTINGS: '0', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, [...zerodockEntry(), 'serve', '--demo-if-empty', '--port', '0'], {
    cwd: PROJECT_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`zerodock serve did not start in time:\n${output}`)), 100_000);
    child.stdout.on('data', () => {
      const match = /Zerodock listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`zerodock serve exited with ${code}:\n${output}`));
    });
  });
  return {
    baseUrl,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Signs in as the demo platform administrator; the HTTP status. */
export async function signInStatus(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.zerodock.local', password: 'zerodock-demo' }),
  });
  await response.text();
  return response.status;
}
