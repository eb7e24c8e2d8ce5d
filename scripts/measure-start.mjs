// Measures `npm start` as a newcomer meets it: runs it (under `/usr/bin/time -v` when present) on a fresh data
// directory, stamps every output line, stops it once it prints its URL and the demo accounts, and reports the wall
// time to the URL and the longest silent stretch between two output lines.
// Usage: node scripts/measure-start.mjs [--keep-build]   (without --keep-build, dist/ is rebuilt as on a fresh clone)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-start-'));
if (!process.argv.includes('--keep-build')) fs.rmSync(path.join('dist', '.build-stamp'), { force: true });
const timeBinary = fs.existsSync('/usr/bin/time') ? ['/usr/bin/time', '-v'] : [];
const [command, ...args] = [...timeBinary, 'npm', 'start'];
const started = performance.now();
const child = spawn(command, args, {
  env: { ...process.env, ZERODOCK_DATA_DIR: dataDir, PORT: '0' },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
const lines = [];
let listening = null;
let stopping = false;
function take(stream, name) {
  let rest = '';
  stream.on('data', (chunk) => {
    rest += chunk.toString('utf8');
    const parts = rest.split(/\r|\n/);
    rest = parts.pop() ?? '';
    for (const text of parts) {
      const at = (performance.now() - started) / 1000;
      lines.push({ at, name, text });
      process.stdout.write(`${at.toFixed(1).padStart(6)} s ${name} ${text}\n`);
      if (listening === null && /listening on http/.test(text)) listening = at;
      if (listening !== null && !stopping && (/^\s*$/.test(text) || /No administrator yet/.test(text))) {
        // The demo-account list follows the URL; give it a moment, then stop the server (SIGINT to its group).
        stopping = true;
        setTimeout(() => process.kill(-child.pid, 'SIGINT'), 1500);
      }
    }
  });
}
take(child.stdout, 'out');
take(child.stderr, 'err');
child.on('close', () => {
  const upTo = lines.filter((line) => listening === null || line.at <= listening);
  let longest = { gap: upTo[0]?.at ?? 0, after: '(start)' };
  for (let index = 1; index < upTo.length; index++) {
    const gap = upTo[index].at - upTo[index - 1].at;
    if (gap > longest.gap) longest = { gap, after: upTo[index - 1].text };
  }
  const json = lines.filter((line) => /^\s*\{"level"/.test(line.text)).length;
  process.stdout.write(
    `\nURL printed after ${listening?.toFixed(1) ?? '(never)'} s; longest silence before it ${longest.gap.toFixed(1)} s, after: ${longest.after}\n` +
      `${upTo.length} output lines up to the URL; raw JSON log lines: ${json}\n`,
  );
  fs.rmSync(dataDir, { recursive: true, force: true });
});
