import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemandPipelineFigures } from './demand-pipeline-run.js';

export type { DemandPipelineFigures };

const runner = fileURLToPath(new URL('./demand-pipeline-run.ts', import.meta.url));
const packageRoot = path.dirname(path.dirname(runner));

/**
 * Runs `demand-pipeline-run.ts` in a child process (its peak RSS is then its own, not the benchmark's) and returns
 * the figures it prints; its progress lines are passed to `log`.
 */
export function measureDemandPipeline(count: number, log: (line: string) => void): Promise<DemandPipelineFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', runner, '--count', String(count)], {
      cwd: packageRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    let pending = '';
    child.stderr.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim() && !line.includes('ExperimentalWarning')) log(line);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`demand pipeline run exited with ${code}`));
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as DemandPipelineFigures);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}
