// `npm start` builds only when a source file is newer than the last build, so restarts are quick.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const stamp = path.join('dist', '.build-stamp');
const sources = ['src', 'web', 'data', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];

function newest(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) latest = Math.max(latest, newest(path.join(entry, child)));
  return latest;
}

const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
if (sources.some((source) => newest(source) > built)) {
  console.log('Building Zerodock (server and web app)…');
  execSync('npm run build --silent', { stdio: 'inherit' });
  fs.writeFileSync(stamp, new Date().toISOString());
}
