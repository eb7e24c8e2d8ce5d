import { describe, expect, it } from 'vitest';
import { ImportSlots } from './import-slots.js';

const later = () => {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

describe('ImportSlots', () => {
  it('runs at most its capacity at once; a waiter gets the next free slot', async () => {
    const slots = new ImportSlots(2, 5_000);
    const gates = [later(), later(), later()];
    const order: string[] = [];
    const runs = gates.map((gate, index) =>
      slots.run(async () => {
        order.push(`start ${index}`);
        await gate.promise;
        order.push(`end ${index}`);
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(slots.active).toBe(2);
    expect(order).toEqual(['start 0', 'start 1']);
    gates[1]!.resolve();
    await runs[1];
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['start 0', 'start 1', 'end 1', 'start 2']);
    gates[0]!.resolve();
    gates[2]!.resolve();
    await Promise.all(runs);
    expect(slots.active).toBe(0);
  });

  it('refuses with IMPORT_BUSY and a retry time when no slot frees in time, and keeps counting right', async () => {
    const slots = new ImportSlots(1, 0);
    const gate = later();
    const held = slots.run(() => gate.promise);
    await expect(slots.run(async () => 'never')).rejects.toMatchObject({
      code: 'IMPORT_BUSY',
      details: { retryAfterSeconds: 5 },
    });
    gate.resolve();
    await held;
    expect(await slots.run(async () => 'after')).toBe('after');
    expect(slots.active).toBe(0);
  });

  it('a failing import frees its slot', async () => {
    const slots = new ImportSlots(1, 1_000);
    await expect(slots.run(() => Promise.reject(new Error('bad file')))).rejects.toThrow('bad file');
    expect(await slots.run(async () => 1)).toBe(1);
  });

  it('at close, aborts what runs, waits for it and refuses new work', async () => {
    const slots = new ImportSlots(1, 1_000);
    let aborted = false;
    const gate = later();
    const first = slots.run(() => gate.promise);
    gate.resolve();
    await first;
    const running = slots.run(
      (signal) =>
        new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve();
          }),
        ),
    );
    await new Promise((resolve) => setImmediate(resolve));
    await slots.close();
    expect(aborted).toBe(true);
    await running;
    // A job asked for just before the close never starts.
    const early = new ImportSlots(1, 1_000);
    let started = false;
    const refused = early.run(async () => {
      started = true;
    });
    await early.close();
    await expect(refused).rejects.toMatchObject({ code: 'IMPORT_BUSY' });
    expect(started).toBe(false);
    await expect(slots.run(async () => 1)).rejects.toMatchObject({ code: 'IMPORT_BUSY' });
  });
});
