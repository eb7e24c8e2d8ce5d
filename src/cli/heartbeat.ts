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
