// Refuses a Node.js older than package.json's `engines.node` (a `>=X.Y.Z` floor) with a message instead of a
// failure deep inside a dependency: `cookie` and `content-disposition` are ES modules that CommonJS packages load
// with require(), which Node runs by default from 20.19 on (README, "Node versions").
import { readFileSync } from 'node:fs';

/** The floor of package.json's `engines.node`, e.g. `20.19.0`. */
export function requiredNodeVersion() {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const match = /^>=\s*(\d+\.\d+\.\d+)$/.exec(manifest.engines?.node ?? '');
  if (!match) throw new Error(`package.json engines.node must be ">=X.Y.Z", not ${manifest.engines?.node}`);
  return match[1];
}

/** A message when `version` is below `required`, null when it is enough. */
export function nodeVersionProblem(version, required = requiredNodeVersion()) {
  const parts = (text) => text.replace(/^v/, '').split('.').map(Number);
  const [have, need] = [parts(version), parts(required)];
  for (let index = 0; index < 3; index++) {
    if ((have[index] ?? 0) > (need[index] ?? 0)) return null;
    if ((have[index] ?? 0) < (need[index] ?? 0))
      return `Zerodock needs Node.js ${required} or later (this is ${version.replace(/^v?/, 'v')}): install a newer Node.js (20.19+, 22 or 24).`;
  }
  return null;
}

/** Exits with the message when this Node is too old. */
export function exitOnOldNode() {
  const problem = nodeVersionProblem(process.versions.node);
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
}
