import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ZerodockProcess {
  readonly baseUrl: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts the built platform exactly as `npm start` does (`node dist/src/cli/main.js serve --demo-if-empty`) in a
 * fresh data directory on a free port, and waits for it to print its URL and the demo accounts.
 */
export async function startZerodockProcess(): Promise<ZerodockProcess> {
  const entry = path.join(PROJECT_ROOT, 'dist', 'src', 'cli', 'main.js');
  if (!fs.existsSync(entry) || !fs.existsSync(path.join(PROJECT_ROOT, 'dist', 'web', 'index.html'))) {
    throw new Error('Build first: npm run build (npm run test:e2e does it)');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [entry, 'serve', '--demo-if-empty', '--port', '0'], {
    cwd: PROJECT_ROOT,
    // No demo postings: the journeys import their own files and check the empty states first.
    env: {
      ...process.env,
      ZERODOCK_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      ZERODOCK_DEMO_POSTINGS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Zerodock did not start in time:\n${output}`)), 170_000);
    const check = () => {
      const match = /Zerodock listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1] && output.includes('Demo accounts')) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Zerodock exited with ${code}:\n${output}`));
    });
  });
  return {
    baseUrl,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
