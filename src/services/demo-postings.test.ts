import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoPostings } from './demo-postings.js';

const saved = process.env.ZERODOCK_SHARED_DATA;
afterEach(() => {
  if (saved === undefined) delete process.env.ZERODOCK_SHARED_DATA;
  else process.env.ZERODOCK_SHARED_DATA = saved;
});

describe('generateDemoPostings', () => {
  it('writes the same postings whether or not the shared datasets lie beside the checkout', () => {
    const here = [...generateDemoPostings(400)];
    process.env.ZERODOCK_SHARED_DATA = '/nonexistent/zerodock-shared-data';
    const elsewhere = [...generateDemoPostings(400)];
    expect(elsewhere).toEqual(here);
    expect(new Set(here.map((posting) => posting.city)).size).toBeGreaterThan(1);
  });
});
