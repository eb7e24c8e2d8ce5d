import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, zerodockEntry } from './run-zerodock.js';

/**
 * `zerodock serve --demo-if-empty` (what `npm start` runs after its build) as a newcomer sees it at the default log
 * level: every phase announced, no raw JSON among the friendly lines, one line per API request and none per
 * static file; JSON lines only when asked for.
 */
let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-start-'));
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  stop: () => Promise<void>;
}

async function serve(name: string, env: Record<string, string>): Promise<Started> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ZERODOCK_DATA_DIR: path.join(root, name), ...env };
  delete childEnv.DATABASE_URL;
  delete childEnv.LOG_LEVEL;
  delete childEnv.LOG_FORMAT;
  delete childEnv.NODE_ENV;
  Object.assign(childEnv, env);
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
    const timer = setTimeout(() => reject(new Error(`no URL in time:\n${output}`)), 200_000);
    child.stdout.on('data', () => {
      const match = /Zerodock listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1] && output.includes('Demo accounts')) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
  return {
    child,
    baseUrl,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** One file of the built web app, when it is built. */
function staticAsset(): string | null {
  const assets = path.join(PROJECT_ROOT, 'dist', 'web', 'assets');
  const file = fs.existsSync(assets) ? fs.readdirSync(assets).find((name) => name.endsWith('.js')) : undefined;
  return file ? `/assets/${file}` : null;
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 500));
}

describe('the start of zerodock serve --demo-if-empty', () => {
  it('announces every phase, prints no JSON, logs API requests once and static files not at all', async () => {
    const server = await serve('friendly', { ZERODOCK_DEMO_POSTINGS: '60' });
    try {
      const asset = staticAsset();
      if (asset) await (await fetch(`${server.baseUrl}${asset}`)).text();
      await (await fetch(`${server.baseUrl}/`)).text();
      await (await fetch(`${server.baseUrl}/api/health`)).text();
      await settle();
    } finally {
      await server.stop();
    }
    const lines = server.output().split('\n');
    const order = [
      'Opening the embedded database',
      'applying migration 0001-foundation',
      'Zerodock database: pglite',
      'Loading the demo organisations and people',
      'Demo dataset loaded: 9 organisations, 89 people.',
      'Loading the curated competency catalogue',
      'Generating and importing 60 demo postings',
      'Demo postings loaded:',
      'Grouping the demo college’s posts into specialty groups',
      'Demo specialty groups loaded:',
      'Planning the demo course system',
      'Demo course system loaded:',
      'Demo roster loaded:',
      'Zerodock listening on',
      'Demo accounts',
    ].map((text) => lines.findIndex((line) => line.includes(text)));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(lines.filter((line) => line.trimStart().startsWith('{'))).toEqual([]);
    expect(lines.some((line) => /INFO {2}GET \/api\/health → 200/.test(line))).toBe(true);
    expect(lines.filter((line) => line.includes('/assets/') || line.includes('GET / →'))).toEqual([]);
    expect(lines.some((line) => /INFO {2}shutting down signal=SIGTERM/.test(line))).toBe(true);
  });

  it('writes pino JSON lines with LOG_FORMAT=json', async () => {
    const server = await serve('json', { ZERODOCK_DEMO_POSTINGS: '0', LOG_FORMAT: 'json' });
    try {
      await (await fetch(`${server.baseUrl}/api/health`)).text();
      await settle();
    } finally {
      await server.stop();
    }
    const records = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; req?: { url?: string } });
    expect(records.some((record) => record.msg === 'request completed' && record.req?.url === '/api/health')).toBe(
      true,
    );
  });
});
