import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { xlsxBomb } from '../src/interchange/zip/test-zip-files.js';

/**
 * The resident memory of a real `zerodock serve` child process while ZIP bombs (an XLSX of 3 MB whose worksheet
 * expands to 3 GB, as in issue 14) are uploaded to every XLSX upload route, one after the other. RSS is sampled
 * from /proc every 20 ms; the peak of each request and of the whole run are reported with the idle figure.
 *
 * Runs against any checkout: `npx tsx bench/measure-upload-memory.ts --root DIR` measures the code in DIR (with
 * its own node_modules), e.g. an older commit for a before/after comparison.
 */
export interface UploadMemoryRequest {
  readonly route: string;
  readonly status: number | null;
  readonly code: string | null;
  readonly seconds: number;
  readonly peakRssMiB: number;
}

export interface UploadMemoryFigures {
  readonly bombBytes: number;
  readonly expandedBytes: number;
  readonly idleRssMiB: number;
  /** The highest RSS sampled while the bombs were uploaded. */
  readonly peakDuringUploadsMiB: number;
  /** The process's own high-water mark (VmHWM), start-up included. */
  readonly highWaterMiB: number;
  readonly requests: readonly UploadMemoryRequest[];
}

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXPANDED_BYTES = 3_000_000_000;
const REQUEST_TIMEOUT_MS = 180_000;

export async function measureUploadMemory(
  options: { root?: string; log?: (line: string) => void } = {},
): Promise<UploadMemoryFigures> {
  const root = options.root ?? PROJECT_ROOT;
  const log = options.log ?? (() => {});
  const bomb = xlsxBomb(EXPANDED_BYTES);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-bomb-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'serve', '--port', '0', '--demo-if-empty'],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ZERODOCK_DATA_DIR: path.join(work, 'data'),
        ZERODOCK_UPLOAD_DIR: path.join(work, 'uploads'),
        ZERODOCK_DEMO_POSTINGS: '0',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    const baseUrl = await listeningUrl(child);
    const session = await signIn(baseUrl);
    const organisations = await organisationIds(baseUrl, session.cookie);
    const routes: [string, string][] = [
      ['POST /api/demand/imports', '/api/demand/imports?fileName=bomb.xlsx'],
      [
        'POST …/demand-declarations/import',
        `/api/organisations/${organisations.enterprise}/demand-declarations/import?fileName=bomb.xlsx`,
      ],
      ['POST …/courses/import', `/api/organisations/${organisations.college}/courses/import?fileName=bomb.xlsx`],
      ['POST /api/frameworks/import', '/api/frameworks/import?format=xlsx&fileName=bomb.xlsx'],
    ];
    const idleRssMiB = rssMiB(child.pid!);
    log(
      `server pid ${child.pid}: idle RSS ${idleRssMiB.toFixed(0)} MiB; bomb ${(bomb.length / 1e6).toFixed(1)} MB → ${EXPANDED_BYTES / 1e9} GB`,
    );
    const requests: UploadMemoryRequest[] = [];
    for (const [route, url] of routes) {
      let peak = rssMiB(child.pid!);
      const sampler = setInterval(() => {
        peak = Math.max(peak, rssMiB(child.pid!));
      }, 20);
      const started = performance.now();
      let status: number | null = null;
      let code: string | null = null;
      try {
        const response = await fetch(`${baseUrl}${url}`, {
          method: 'POST',
          headers: {
            cookie: session.cookie,
            'x-csrf-token': session.csrfToken,
            'content-type': 'application/octet-stream',
          },
          body: new Blob([new Uint8Array(bomb)]),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        status = response.status;
        const text = await response.text();
        try {
          code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null;
        } catch {
          code = null;
        }
      } catch (error) {
        code = `no answer (${error instanceof Error ? error.message : String(error)})`;
      } finally {
        clearInterval(sampler);
        peak = Math.max(peak, rssMiB(child.pid!));
      }
      const seconds = (performance.now() - started) / 1000;
      requests.push({ route, status, code, seconds, peakRssMiB: peak });
      log(`${route}: ${status ?? '-'} ${code ?? ''} in ${seconds.toFixed(2)} s, peak RSS ${peak.toFixed(0)} MiB`);
      if (child.exitCode !== null) break;
    }
    return {
      bombBytes: bomb.length,
      expandedBytes: EXPANDED_BYTES,
      idleRssMiB,
      peakDuringUploadsMiB: Math.max(idleRssMiB, ...requests.map((request) => request.peakRssMiB)),
      highWaterMiB: highWaterMiB(child.pid!),
      requests,
    };
  } finally {
    await stop(child);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function status(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
const rssMiB = (pid: number) => status(pid, 'VmRSS');
const highWaterMiB = (pid: number) => status(pid, 'VmHWM');

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${output.slice(-500)}`)), 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}): ${output.slice(-500)}`));
    });
  });
}

async function signIn(baseUrl: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.zerodock.local', password: 'zerodock-demo' }),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  const body = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!)
    .find((pair) => pair.startsWith('zd_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return { cookie, csrfToken: body.csrfToken };
}

async function organisationIds(baseUrl: string, cookie: string): Promise<{ enterprise: string; college: string }> {
  const response = await fetch(`${baseUrl}/api/organisations?limit=50`, { headers: { cookie } });
  const body = (await response.json()) as { items: { id: string; nameZh: string }[] };
  const dataset = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'data/demo/demo-dataset.json'), 'utf8')) as {
    organisations: { key: string; nameZh: string }[];
  };
  const idOf = (key: string) => {
    const nameZh = dataset.organisations.find((organisation) => organisation.key === key)?.nameZh;
    const found = body.items.find((item) => item.nameZh === nameZh);
    if (!found) throw new Error(`organisation ${key} not found`);
    return found.id;
  };
  return { enterprise: idOf('manufacturer'), college: idOf('college-a') };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const rootIndex = process.argv.indexOf('--root');
  const root = rootIndex === -1 ? PROJECT_ROOT : path.resolve(process.argv[rootIndex + 1] ?? '.');
  const figures = await measureUploadMemory({ root, log: (line) => process.stdout.write(`${line}\n`) });
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}
