import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, test } from 'vitest';
import type { ImportProgressEvent } from '../import-progress.js';
import { sharedDataPath } from '../shared-data.js';
import { readCsvRecords } from './read-csv-records.js';
import { expectImportFailure, removeTempFolders, writeTempFolder } from './test-import-files.js';

afterAll(removeTempFolders);

async function csvFile(content: string | Uint8Array, name = 'data.csv'): Promise<string> {
  return join(await writeTempFolder({ [name]: content }), name);
}

async function readAll(path: string, options: Partial<Parameters<typeof readCsvRecords>[1]> = {}) {
  const records = await readCsvRecords(path, { columns: ['id', 'name'], ...options });
  return [...records].map(({ line, fields }) => ({ line, ...fields }));
}

describe('readCsvRecords', () => {
  test('strips a BOM, yields the start line of records that span lines, skips blank lines, reads CRLF', async () => {
    const path = await csvFile('\uFEFFid,name,extra\r\n1,"two\r\nlines",x\r\n\r\n2,"say ""hi""",y\r\n3,plain,z');
    expect(await readAll(path)).toEqual([
      { line: 2, id: '1', name: 'two\r\nlines' },
      { line: 5, id: '2', name: 'say "hi"' },
      { line: 6, id: '3', name: 'plain' },
    ]);
  });

  test('reads files without any quote by lines (same result and lines as csv-parse)', async () => {
    const path = await csvFile('id,name\n\n1,a\r\n2,b\n3,\n');
    expect(await readAll(path)).toEqual([
      { line: 3, id: '1', name: 'a' },
      { line: 4, id: '2', name: 'b' },
      { line: 5, id: '3', name: '' },
    ]);
  });

  test('reads TSV without quoting: a " is an ordinary character', async () => {
    const path = await csvFile('id\tname\n1\tConduct "head counts"\n2\t"quoted"\n', 'data.txt');
    expect(await readAll(path, { delimiter: '\t', quoting: false })).toEqual([
      { line: 2, id: '1', name: 'Conduct "head counts"' },
      { line: 3, id: '2', name: '"quoted"' },
    ]);
  });

  test('optional columns are read when present', async () => {
    const path = await csvFile('id,name,note\n1,a,n\n');
    const records = await readCsvRecords(path, { columns: ['id'], optionalColumns: ['note', 'other'] });
    expect(records.has('note')).toBe(true);
    expect(records.has('other')).toBe(false);
    expect([...records].map((record) => record.fields)).toEqual([{ id: '1', note: 'n' }]);
  });

  test('reports progress for the file', async () => {
    const path = await csvFile('id,name\n1,a\n2,b\n');
    const events: ImportProgressEvent[] = [];
    const records = await readCsvRecords(path, { columns: ['id'], onProgress: (event) => events.push(event) });
    expect(events).toEqual([]);
    for (const _record of records);
    expect(events).toEqual([
      { phase: 'data.csv', done: 0, total: 2 },
      { phase: 'data.csv', done: 2, total: 2 },
    ]);
  });

  test('a missing column fails on line 1 naming it', async () => {
    const path = await csvFile('id,title\n1,a\n');
    const reason = await expectImportFailure(readAll(path), 'data.csv:1:name');
    expect(reason).toBe('missing column (found: id, title)');
  });

  test('a file with the wrong delimiter fails as a missing column', async () => {
    const path = await csvFile('id;name\n1;"a, b"\n2;"c\n');
    const reason = await expectImportFailure(readAll(path), 'data.csv:1:id');
    expect(reason).toBe('missing column (found: id;name)');
  });

  test('an unclosed quote fails on the line where its record starts, naming the column', async () => {
    const path = await csvFile('id,name\n1,a\n2,"b\n3,c\n4,d\n');
    const reason = await expectImportFailure(readAll(path), 'data.csv:3:name');
    expect(reason).toMatch(/never closed/);
  });

  test('a stray quote inside an unquoted value fails with its line', async () => {
    const path = await csvFile('id,name\n1,"a"\n2,b"c"\n');
    await expectImportFailure(readAll(path), 'data.csv:3:name');
  });

  test('a truncated row fails naming its line and first missing column', async () => {
    const path = await csvFile('id,name\n1,"a\nb"\n2\n');
    const reason = await expectImportFailure(readAll(path), 'data.csv:4:name');
    expect(reason).toMatch(/has 1 of 2 fields/);
  });

  test('a row with too many fields fails naming its line', async () => {
    const path = await csvFile('id,name\n1,a\n2,b,c\n');
    await expectImportFailure(readAll(path), 'data.csv:3:(row)');
  });

  test('bytes that are not UTF-8 fail naming the line and column', async () => {
    const bytes = Buffer.concat([
      Buffer.from('id,name\n1,ok\n2,'),
      Buffer.from([0xc4, 0xe3, 0xba, 0xc3]),
      Buffer.from('\n'),
    ]);
    const reason = await expectImportFailure(readAll(await csvFile(bytes)), 'data.csv:3:name');
    expect(reason).toMatch(/not valid UTF-8/);
  });

  test('a GBK-encoded header fails on line 1', async () => {
    const bytes = Buffer.from([0xb4, 0xfa, 0xc2, 0xeb, 0x2c, 0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x31, 0x2c, 0x61, 0x0a]);
    await expectImportFailure(readAll(await csvFile(bytes)), 'data.csv:1:(header)');
  });

  test('a missing file fails on line 0', async () => {
    await expectImportFailure(readAll('/nonexistent/zerodock/data.csv'), 'data.csv:0:(file)');
  });

  test('the line-splitting path agrees with csv-parse on real files', async (context) => {
    const dir = sharedDataPath('esco-v1.1.1-en');
    if (dir === null || !existsSync(dir)) return context.skip('ESCO v1.1.1 shared data absent');
    for (const name of ['broaderRelationsOccPillar.csv', 'skillSkillRelations.csv']) {
      const path = join(dir, name);
      const expected = parse(await readFile(path));
      const records = await readCsvRecords(path, { columns: expected[0]! });
      const rows = [...records].map((record, index) => {
        expect(record.line).toBe(index + 2);
        return expected[0]!.map((column) => record.fields[column]);
      });
      expect(rows).toEqual(expected.slice(1));
    }
  });
});
