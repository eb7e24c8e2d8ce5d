// `npm start` builds only when a source file is newer than the last build, so restarts are quick. A build says
// what it is doing, step by step, and that it is still working every few seconds (a first build takes a minute
// or two on a small machine).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { exitOnOldNode } from '../bin/check-node-version.js';

exitOnOldNode();

const stamp = path.join('dist', '.build-stamp');
const sources = ['src', 'web', 'data', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
const HEARTBEAT_MS = 5000;

function newest(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) latest = Math.max(latest, newest(path.join(entry, child)));
  return latest;
}

/**
 * Runs one build step (the commands of `npm run build`; vite at log level error, its chunk-size advice is for
 * `npm run build`), printing a line every few seconds while it runs.
 */
function step(title, command, args) {
  const started = Date.now();
  console.log(`  ${title}…`);
  const heartbeat = setInterval(
    () => console.log(`  ${title}: still working (${Math.round((Date.now() - started) / 1000)} s)`),
    HEARTBEAT_MS,
  );
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(heartbeat);
      if (code === 0) {
        console.log(`  ${title}: done in ${Math.round((Date.now() - started) / 1000)} s`);
        resolve();
      } else reject(new Error(`${title} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
if (sources.some((source) => newest(source) > built)) {
  console.log('Building Zerodock (server and web app; the first build takes a minute or two)…');
  const bin = (name) => path.join('node_modules', '.bin', name);
  try {
    await step('Compiling the server (tsc)', bin('tsc'), ['-p', 'tsconfig.build.json']);
    await step('Bundling the web app (vite)', bin('vite'), [
      'build',
      '--config',
      'web/vite.config.ts',
      '--logLevel',
      'error',
    ]);
  } catch (error) {
    console.error(`Build failed: ${error.message}`);
    process.exit(1);
  }
  fs.writeFileSync(stamp, new Date().toISOString());
}
console.log('Starting Zerodock…');
