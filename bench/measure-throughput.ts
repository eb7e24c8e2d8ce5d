import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface ThroughputTarget {
  /** Shown in the table and the JSON. */
  readonly name: string;
  readonly url: string;
  /** Sent with every request (e.g. the session cookie); never written to the results. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Paths each connection requests in turn (instead of the URL's own path), e.g. several search queries. */
  readonly paths?: readonly string[];
}

export interface ThroughputSettings {
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  readonly pipelining: number;
}

export interface ThroughputFigure {
  readonly name: string;
  readonly url: string;
  /** Completed responses of the measured run divided by its duration. */
  readonly requestsPerSecond: number;
  /** Spread of the counts of each whole second. */
  readonly requestsPerSecondStddev: number;
  readonly completedRequests: number;
  readonly latencyMeanMs: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  readonly latencyMaxMs: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly statusCodes: Readonly<Record<string, number>>;
  readonly seconds: number;
}

/** What the worker posts back: autocannon's result fields we use, plus every response time in ms. */
interface WorkerReport {
  /** Responses of any status completed in each whole second of the measured run. */
  readonly perSecond: number[];
  readonly completedRequests: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly duration: number;
  readonly statusCodes: Record<string, number>;
  readonly latencies: Float64Array;
  readonly warmupNon2xx: number;
  readonly warmupErrors: number;
}

/*
 * autocannon runs in a worker thread so that it has its own event loop: in the server's thread it would
 * steal the server's loop and depress every figure. It still shares the machine's cores with the server.
 * Latencies are collected from the 'response' event because autocannon's histogram keeps whole
 * milliseconds, which would print every sub-millisecond p50 as 0; and outside the main thread autocannon
 * returns its histograms encoded, so requests per second are counted here too. Plain CommonJS (eval) so
 * that no TypeScript loader is needed inside the worker.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const autocannon = require(workerData.autocannonPath);
const base = {
  url: workerData.url,
  headers: workerData.headers,
  connections: workerData.connections,
  pipelining: workerData.pipelining,
  renderProgressBar: false,
  renderResultsTable: false,
  renderLatencyTable: false,
  ...(workerData.paths ? { requests: workerData.paths.map((path) => ({ method: 'GET', path })) } : {}),
};
(async () => {
  const warmup = workerData.warmupSeconds > 0
    ? await autocannon({ ...base, duration: workerData.warmupSeconds })
    : { non2xx: 0, errors: 0 };
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const perSecond = new Array(Math.max(1, Math.floor(workerData.seconds))).fill(0);
  const started = performance.now();
  const instance = autocannon({ ...base, duration: workerData.seconds });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    const second = Math.floor((performance.now() - started) / 1000);
    if (second < perSecond.length) perSecond[second] += 1;
    if (statusCode < 200 || statusCode > 299) return;
    if (count === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[count++] = responseTime;
  });
  const result = await instance;
  const statusCodes = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats || {})) statusCodes[code] = stat.count || 0;
  const exact = latencies.slice(0, count);
  parentPort.postMessage({
    perSecond,
    completedRequests: result.totalCompletedRequests,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    duration: result.duration,
    statusCodes,
    latencies: exact,
    warmupNon2xx: warmup.non2xx,
    warmupErrors: warmup.errors,
  }, [exact.buffer]);
})().catch((error) => { throw error; });
`;

const autocannonPath = createRequire(import.meta.url).resolve('autocannon');

/** One autocannon case (warm-up, then the measured run) against a server listening on loopback. */
export async function measureThroughput(
  target: ThroughputTarget,
  settings: ThroughputSettings,
): Promise<ThroughputFigure> {
  const address = new URL(target.url);
  if (address.hostname !== '127.0.0.1') throw new Error(`benchmarks run on loopback only, not ${target.url}`);
  const limitMs = (settings.seconds + settings.warmupSeconds + 30) * 1000;
  const report = await runWorker(
    {
      autocannonPath,
      url: target.url,
      headers: { ...(target.headers ?? {}) },
      paths: target.paths ? [...target.paths] : undefined,
      connections: settings.connections,
      pipelining: settings.pipelining,
      seconds: settings.seconds,
      warmupSeconds: settings.warmupSeconds,
    },
    limitMs,
  );
  const sorted = Float64Array.from(report.latencies).sort();
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    name: target.name,
    url: target.url,
    requestsPerSecond: report.duration > 0 ? report.completedRequests / report.duration : Number.NaN,
    requestsPerSecondStddev: standardDeviation(report.perSecond),
    completedRequests: report.completedRequests,
    latencyMeanMs: sorted.length > 0 ? sum / sorted.length : Number.NaN,
    latencyP50Ms: percentile(sorted, 50),
    latencyP99Ms: percentile(sorted, 99),
    latencyMaxMs: sorted.length > 0 ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
    // Failures in the warm-up count too: a route that answers 401 while warming is broken.
    non2xx: report.non2xx + report.warmupNon2xx,
    errors: report.errors + report.warmupErrors,
    timeouts: report.timeouts,
    statusCodes: report.statusCodes,
    seconds: report.duration,
  };
}

/** Sample standard deviation; NaN with fewer than two samples (e.g. BENCH_SECONDS below 2). */
function standardDeviation(samples: readonly number[]): number {
  if (samples.length < 2) return Number.NaN;
  const mean = samples.reduce((total, value) => total + value, 0) / samples.length;
  const squares = samples.reduce((total, value) => total + (value - mean) ** 2, 0);
  return Math.sqrt(squares / (samples.length - 1));
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: Float64Array, rank: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function runWorker(workerData: Record<string, unknown>, limitMs: number): Promise<WorkerReport> {
  return new Promise<WorkerReport>((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(new Error(`autocannon did not finish within ${limitMs / 1000} s (${String(workerData.url)})`)),
        ),
      limitMs,
    );
    worker.once('message', (message: WorkerReport) => finish(() => resolve(message)));
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) =>
      finish(() => reject(new Error(`autocannon worker exited with code ${code} before reporting`))),
    );
  });
}
