#!/usr/bin/env node
// The installed `zerodock` command: runs the built CLI (npm run build makes dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exitOnOldNode } from './check-node-version.js';

exitOnOldNode();

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write(
    'zerodock: not built yet. Run `npm run build` first (or `npm run zerodock -- …` from source).\n',
  );
  process.exit(1);
}
await import(entry.href);
