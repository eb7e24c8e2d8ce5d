import { Worker } from 'node:worker_threads';

// A worker thread of its own, writing straight to fd 1: PGlite creating a fresh data directory keeps the main
// thread busy for seconds at a time, so a timer there would not fire until it is over.
const HEARTBEAT_SOURCE = `
const { writeSync } = require('node:fs');
const { workerData } = require('node:worker_threads');
const started = Date.now();
setInterval(() => {
  writeSync(1, '  still ' + workerData.what + ' (' + Math.round((Date.now() - started) / 1000) + ' s)\\n');
}, workerData.everyMs);
`;

/** Prints `  still <what> (N s)` every few seconds until the returned function is called. */
export function startHeartbeat(what: string, everyMs = 5000): () => Promise<void> {
  const worker = new Worker(HEARTBEAT_SOURCE, { eval: true, workerData: { what, everyMs } });
  worker.unref();
  return async () => {
    await worker.terminate();
  };
}

const IDLE_HEARTBEAT_SOURCE = `
const { writeSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const started = Date.now();
let last = started;
parentPort.on('message', () => { last = Date.now(); });
setInterval(() => {
  if (Date.now() - last < workerData.everyMs) return;
  last = Date.now();
  writeSync(1, '  still ' + workerData.what + ' (' + Math.round((last - started) / 1000) + ' s)\\n');
}, 500);
`;

/**
 * Like `startHeartbeat`, but only when nothing else was printed for `everyMs`: `touch()` after each line of output.
 * For long phases whose own progress lines may pause (a solver, a blocking database step).
 */
export function startIdleHeartbeat(what: string, everyMs = 5000): { touch(): void; stop(): Promise<void> } {
  const worker = new Worker(IDLE_HEARTBEAT_SOURCE, { eval: true, workerData: { what, everyMs } });
  worker.unref();
  return {
    touch: () => worker.postMessage(0),
    stop: async () => {
      await worker.terminate();
    },
  };
}
