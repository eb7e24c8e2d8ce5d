import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain JavaScript module of bin/, run before anything is compiled
import { nodeVersionProblem, requiredNodeVersion } from '../../bin/check-node-version.js';
import { PROJECT_ROOT } from './run-zerodock.js';

const problem = nodeVersionProblem as (version: string, required?: string) => string | null;

describe('the Node.js version Zerodock needs', () => {
  it('is the same in package.json, the README, the architecture notes and the start-up check', () => {
    const required = (requiredNodeVersion as () => string)();
    expect(required).toBe('20.19.0');
    const floor = required.replace(/\.0$/, '');
    const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`Needs Node.js ≥ ${floor}`);
    expect(fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8')).toContain(`Node ≥ ${floor}`);
    expect(problem(process.versions.node)).toBeNull();
  });

  it('refuses an older Node with a message naming the version needed', () => {
    expect(problem('v20.18.3', '20.19.0')).toContain('needs Node.js 20.19.0 or later (this is v20.18.3)');
    expect(problem('18.20.0', '20.19.0')).not.toBeNull();
    expect(problem('20.19.0', '20.19.0')).toBeNull();
    expect(problem('22.1.0', '20.19.0')).toBeNull();
    expect(problem('24.0.0', '20.19.0')).toBeNull();
  });
});
