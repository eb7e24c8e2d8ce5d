import { describe, expect, it } from 'vitest';
import { createExpensiveQueryGate } from './expensive-query-gate.js';

describe('createExpensiveQueryGate', () => {
  it('runs at most `concurrency` works at once, the others in arrival order, and passes results and errors', async () => {
    const gate = createExpensiveQueryGate(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const work = (index: number) =>
      gate(async () => {
        started.push(index);
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        running -= 1;
        if (index === 3) throw new Error('three');
        return index;
      });
    const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map(work));
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value : 'error'))).toEqual([
      0,
      1,
      2,
      'error',
      4,
      5,
    ]);
  });
});
