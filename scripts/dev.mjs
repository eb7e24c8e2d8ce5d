// `npm run dev`: the API (tsx watch, demo data on first start) and the Vite dev server with hot reload,
// which proxies /api to the API. Ctrl-C stops both.
import { spawn } from 'node:child_process';

const apiPort = process.env.ZERODOCK_API_PORT ?? '3000';
const children = [
  spawn(
    'npx',
    ['tsx', 'watch', '--clear-screen=false', 'src/cli/main.ts', 'serve', '--demo-if-empty', '--port', apiPort],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    },
  ),
  spawn('npx', ['vite', '--config', 'web/vite.config.ts'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
    env: { ...process.env, ZERODOCK_API_PORT: apiPort },
  }),
];
// Each child leads its own process group (npx → shell → tool), so the whole group is stopped.
const stop = () => {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) {
  child.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
}
