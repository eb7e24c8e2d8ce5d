import { describe, expect, it } from 'vitest';
import { importFailure } from '../../core/errors/import-failure.js';
import { BoundedZip, type ZipLimits } from './bounded-zip.js';
import { bombSheet, buildZip } from './test-zip-files.js';

const LIMITS: ZipLimits = { maxEntries: 10, maxEntryBytes: 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024, maxRatio: 50 };
const fail = (reason: string, kind: string) =>
  importFailure({ file: 'x.zip', line: 0, field: '(file)' }, `${kind}: ${reason}`);

async function refusal(zip: Buffer, limits = LIMITS, read?: string): Promise<string> {
  try {
    const opened = await BoundedZip.open(zip, limits, fail);
    try {
      for await (const _ of opened.read(read ?? opened.names()[0]!)) {
        // inflate
      }
    } finally {
      opened.close();
    }
  } catch (error) {
    expect(error).toMatchObject({ code: 'IMPORT_FAILED', details: { file: 'x.zip', line: 0, field: '(file)' } });
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

async function contentOf(zip: BoundedZip, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of zip.read(name)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

describe('BoundedZip', () => {
  it('lists the entries and inflates the ones asked for', async () => {
    const zip = await BoundedZip.open(
      buildZip([
        { name: 'a.txt', data: 'hello' },
        { name: 'dir/b.txt', data: '你好'.repeat(1000), stored: true },
      ]),
      LIMITS,
      fail,
    );
    expect(zip.names()).toEqual(['a.txt', 'dir/b.txt']);
    expect(await contentOf(zip, 'dir/b.txt')).toBe('你好'.repeat(1000));
    expect(await contentOf(zip, 'a.txt')).toBe('hello');
    expect(zip.declaredSize('a.txt')).toBe(5);
    zip.close();
  });

  it('refuses, from the central directory alone, what it would not read', async () => {
    const many = Array.from({ length: 11 }, (_, index) => ({ name: `${index}.txt`, data: 'x' }));
    expect(await refusal(buildZip(many))).toMatch(/limit: the archive lists 11 entries; at most 10/);
    expect(
      await refusal(
        buildZip([
          { name: 'a.txt', data: 'x' },
          { name: 'a.txt', data: 'y' },
        ]),
      ),
    ).toMatch(/"a\.txt" appears twice/);
    expect(await refusal(buildZip([{ name: '../../etc/passwd', data: 'x' }]))).toMatch(/invalid relative path/);
    expect(await refusal(buildZip([{ name: '/etc/passwd', data: 'x' }]))).toMatch(/absolute path/);
    expect(await refusal(buildZip([{ name: 'a\\b.txt', data: 'x' }]))).toMatch(/invalid characters/);
    expect(await refusal(buildZip([{ name: 'a.txt', data: 'x', encrypted: true }]))).toMatch(/encrypted/);
    expect(await refusal(buildZip([{ name: 'a.txt', data: 'x', declaredSize: 4_000_000_000 }]))).toMatch(
      /limit: the entry "a\.txt" expands 1333333333× \(3 bytes to 3815 MiB\); at most 50× \(a ZIP bomb\?\)/,
    );
    expect(await refusal(buildZip([{ name: 'a.txt', data: 'x'.repeat(1100 * 1024), stored: true }]))).toMatch(
      /limit: the entry "a\.txt" expands to 1.1 MiB; at most 1 MiB per entry/,
    );
    const twoMegabytes = 'y'.repeat(900 * 1024);
    expect(
      await refusal(
        buildZip([
          { name: 'a.txt', data: twoMegabytes, stored: true },
          { name: 'b.txt', data: twoMegabytes, stored: true },
          { name: 'c.txt', data: twoMegabytes, stored: true },
        ]),
      ),
    ).toMatch(/limit: the entries expand to more than 2 MiB in all/);
  });

  it('refuses a ZIP bomb by its ratio before inflating, and one whose header lies while inflating', async () => {
    const roomy: ZipLimits = { ...LIMITS, maxEntryBytes: 1024 ** 3, maxTotalBytes: 1024 ** 3 };
    const bomb = buildZip([bombSheet(64 * 1024 * 1024)]);
    expect(bomb.length).toBeLessThan(200_000);
    expect(await refusal(bomb, roomy)).toMatch(
      /limit: the entry ".*sheet1\.xml" expands \d+× .*at most 50× \(a ZIP bomb\?\)/,
    );
    const liar = buildZip([bombSheet(64 * 1024 * 1024, 1000)]);
    expect(await refusal(liar, roomy)).toMatch(/limit: .*expands beyond the 1000 bytes its header declares/);
    // A reader's own bound on one entry: the real bytes are counted, and the inflating stops there.
    const zip = await BoundedZip.open(buildZip([{ name: 'a.txt', data: 'z'.repeat(50_000) }]), LIMITS, fail);
    const chunks = async () => {
      for await (const _ of zip.read('a.txt', 10_000)) {
        // inflate
      }
    };
    await expect(chunks()).rejects.toThrow('x.zip:0:(file): limit: the entry "a.txt" expands to more than 9.8 KiB');
    zip.close();
  });

  it('fails promptly on truncated, corrupt and foreign bytes', async () => {
    const good = buildZip([{ name: 'a.txt', data: 'hello world '.repeat(100) }]);
    for (const cut of [0, 10, good.length >> 1, good.length - 1]) {
      expect(await refusal(good.subarray(0, cut))).toMatch(/format: /);
    }
    expect(await refusal(Buffer.from('id,name\n1,a\n'))).toMatch(/format: not a ZIP archive/);
    const corrupt = Buffer.from(good);
    corrupt.fill(0xff, 40, 60); // inside the deflated data
    expect(await refusal(corrupt)).toMatch(/format: the entry "a\.txt" is corrupt or truncated|limit: /);
  });
});
