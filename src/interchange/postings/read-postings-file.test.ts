import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors/domain-error.js';
import { MAX_TEXT_CHARACTERS, readPostingsFile, type PostingBatch } from './read-postings-file.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zerodock-postings-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function readAll(path: string, options?: Parameters<typeof readPostingsFile>[1]) {
  const batches: PostingBatch[] = [];
  for await (const batch of readPostingsFile(path, options)) batches.push(batch);
  return { batches, records: batches.flatMap((batch) => batch.records) };
}

async function failure(path: string, options?: Parameters<typeof readPostingsFile>[1]): Promise<DomainError> {
  try {
    await readAll(path, options);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('IMPORT_FAILED');
    return error as DomainError;
  }
  throw new Error('expected the file to fail');
}

const HEADER = 'id,title,text,enterprise,province,city,date,post';

describe('readPostingsFile: CSV', () => {
  it('reads a CSV with quoted multi-line text and CRLF, giving the line each posting starts on', async () => {
    const path = await write(
      'ok.csv',
      [
        HEADER,
        '1,Cloud engineer,"Runs clouds.\r\nOn call.",Acme Ltd,江苏,无锡,2024-03-05,ito-cloud-operations',
        '',
        '2,测试工程师,负责测试,无锡恒信软件有限公司,江苏省,无锡市,2024/3/6,',
        '3,Analyst,"Say ""hi""",Beta,,,2024-03,',
      ].join('\r\n'),
    );
    const { records, batches } = await readAll(path);
    expect(records.map((entry) => entry.line)).toEqual([2, 5, 6]);
    expect(records[0]!.record).toEqual({
      sourceId: '1',
      title: 'Cloud engineer',
      text: 'Runs clouds.\nOn call.',
      enterprise: 'Acme Ltd',
      province: '江苏省',
      city: '无锡市',
      postedOn: '2024-03-05',
      postId: 'ito-cloud-operations',
    });
    expect(records[1]!.record).toMatchObject({ postedOn: '2024-03-06', postId: null, province: '江苏省' });
    expect(records[2]!.record).toMatchObject({ text: 'Say "hi"', province: null, city: null, postedOn: '2024-03-01' });
    expect(batches.at(-1)!.bytesRead).toBe(batches.at(-1)!.totalBytes);
  });

  it('reads Chinese headers, a combined region and a GB18030 file', async () => {
    // 编号,标题,正文,企业,地区,发布日期 / 1,软件测试工程师,…,江苏省无锡市,2024年3月5日 (encoded by iconv -t GB18030)
    const bytes = Buffer.from(
      'b1e0bac52cb1eacce22cd5fdcec42cc6f3d2b52cb5d8c7f82cb7a2b2bcc8d5c6da0a312cc8edbcfeb2e2cad4b9a4b3cccaa62cb8bad4f0b9' +
        'a6c4dcb2e2cad4d3ebd7d4b6afbbafb2e2cad42ccedecefdbae3d0c5c8edbcfed3d0cfdeb9abcbbe2cbdadcbd5caa1cedecefdcad02c32' +
        '303234c4ea33d4c235c8d50a',
      'hex',
    );
    const { records } = await readAll(await write('gb.csv', bytes));
    expect(records).toEqual([
      {
        line: 2,
        record: {
          sourceId: '1',
          title: '软件测试工程师',
          text: '负责功能测试与自动化测试',
          enterprise: '无锡恒信软件有限公司',
          province: '江苏省',
          city: '无锡市',
          postedOn: '2024-03-05',
          postId: null,
        },
      },
    ]);
  });

  it('drops a UTF-8 BOM and accepts a tab-separated file', async () => {
    const path = await write(
      'bom.tsv',
      '\ufeff编号\t职位名称\t职位描述\t公司\t工作地点\t发布日期\nA1\t会计\t记账\t某公司\t上海\t2023-12-31\n',
    );
    const { records } = await readAll(path);
    expect(records[0]!.record).toMatchObject({ sourceId: 'A1', province: '上海市', city: '上海市' });
  });

  it('fails on an empty file and reads a header-only file as no postings', async () => {
    const empty = await failure(await write('empty.csv', ''));
    expect(empty.message).toMatch(/^empty\.csv:1:\(header\): the file is empty/);
    const { records } = await readAll(await write('header-only.csv', `${HEADER}\n`));
    expect(records).toEqual([]);
  });

  it('names a missing column and lists the columns found', async () => {
    const error = await failure(await write('wrong.csv', 'id,title,body_text,company,date\n1,a,b,c,2024-01-01\n'));
    expect(error.message).toContain('wrong.csv:1:text: missing column text');
    expect(error.message).toContain('found: id, title, body_text, company, date');
  });

  it('fails on bytes that are neither UTF-8 nor GB18030, naming the line', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}\n1,a,b,c,,,2024-01-01,\n2,a,`),
      Buffer.from([0xff, 0xff, 0x80]),
      Buffer.from(',c,,,2024-01-01,\n'),
    ]);
    const error = await failure(await write('invalid.csv', bytes));
    expect(error.message).toMatch(/^invalid\.csv:3:\(encoding\): the line is neither UTF-8 nor GB18030/);
  });

  it('fails on a line that breaks the encoding the file started in', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}\n1,标题,正文,企业,,,2024-01-01,\n2,a,`),
      Buffer.from('c4e3', 'hex'), // 你 in GB18030: valid GB18030, not UTF-8
      Buffer.from(',c,,,2024-01-01,\n'),
    ]);
    const error = await failure(await write('mixed.csv', bytes));
    expect(error.message).toMatch(/^mixed\.csv:3:\(encoding\): the line is not valid UTF-8/);
  });

  it('fails on NUL bytes (binary data) naming the line, and on UTF-16', async () => {
    const nul = await failure(await write('nul.csv', `${HEADER}\n1,a,b\u0000c,d,,,2024-01-01,\n`));
    expect(nul.message).toMatch(/^nul\.csv:2:\(line\): a NUL byte/);
    const utf16 = await failure(await write('utf16.csv', Buffer.from(`\ufeff${HEADER}\n`, 'utf16le')));
    expect(utf16.message).toMatch(/^utf16\.csv:1:\(encoding\): the file is UTF-16/);
  });

  it('refuses a 10 MB posting with a clear error naming the line and the field', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const path = await write('huge.csv', `${HEADER}\n1,a,b,c,,,2024-01-01,\n2,big,"${huge}",c,,,2024-01-02,\n`);
    const error = await failure(path);
    expect(error.message).toMatch(/^huge\.csv:3:text: the text is 10,485,760 characters; a posting may have at most/);
    expect(error.message.length).toBeLessThan(300);
  });

  it('keeps the longest allowed text', async () => {
    const text = '字'.repeat(MAX_TEXT_CHARACTERS);
    const { records } = await readAll(await write('max.csv', `${HEADER}\n1,a,${text},c,,,2024-01-01,\n`));
    expect(records[0]!.record.text.length).toBe(MAX_TEXT_CHARACTERS);
  });

  it('reduces HTML to plain text, keeps mixed scripts and strips control characters', async () => {
    const html =
      '<div><h2>岗位职责</h2><ul><li>Python &amp; SQL</li><li>数据分析</li></ul>' +
      '<script>alert(1)</script><p>工资&nbsp;8k&lt;10k &#x1F600;</p><!-- note --><br>salary < 10k</div>';
    const mixed = 'Français — العربية — 日本語 — 한국어 — 中文\u0007\u001b';
    const path = await write(
      'html.jsonl',
      [
        JSON.stringify({ id: 1, title: '<b>数据</b>分析师', text: html, enterprise: 'A', date: '2024-01-01' }),
        JSON.stringify({ id: 2, title: 'Mixed', text: mixed, enterprise: 'B\u0000Co', date: '2024-01-01' }),
      ].join('\n'),
    );
    const { records } = await readAll(path);
    expect(records[0]!.record.title).toBe('数据分析师');
    expect(records[0]!.record.text).toBe('岗位职责\n• Python & SQL\n• 数据分析\n工资 8k<10k 😀\n\nsalary < 10k');
    expect(records[1]!.record.text).toBe('Français — العربية — 日本語 — 한국어 — 中文');
    expect(records[1]!.record.enterprise).toBe('B Co');
  });

  it('names the line of a duplicate id and of the first use', async () => {
    const path = await write(
      'dup.csv',
      `${HEADER}\n7,a,b,c,,,2024-01-01,\n8,a,b,c,,,2024-01-01,\n7,a,b,c,,,2024-01-01,\n`,
    );
    const error = await failure(path);
    expect(error.message).toBe('dup.csv:4:id: the id "7" is already on line 2');
  });

  it('accepts the documented date forms and refuses others', async () => {
    const rows = ['2024-03-05', '2024/3/5', '2024.03.05', '2024-03', '2024年3月5日', '2024-03-05T08:00:00Z'];
    const path = await write(
      'dates.csv',
      [HEADER, ...rows.map((date, index) => `${index},a,b,c,,,${date},`)].join('\n'),
    );
    const { records } = await readAll(path);
    expect(records.map((entry) => entry.record.postedOn)).toEqual([
      '2024-03-05',
      '2024-03-05',
      '2024-03-05',
      '2024-03-01',
      '2024-03-05',
      '2024-03-05',
    ]);
    for (const bad of ['2024-02-30', '05/03/2024', 'yesterday']) {
      const error = await failure(await write('bad-date.csv', `${HEADER}\n1,a,b,c,,,${bad},\n`));
      expect(error.message).toContain(`bad-date.csv:2:date: "${bad}" is not a date`);
    }
  });

  it('names the line of an empty title or text and of a broken quote', async () => {
    const title = await failure(await write('no-title.csv', `${HEADER}\n1, ,b,c,,,2024-01-01,\n`));
    expect(title.message).toBe('no-title.csv:2:title: the title is empty');
    const text = await failure(await write('no-text.csv', `${HEADER}\n1,a,<p> </p>,c,,,2024-01-01,\n`));
    expect(text.message).toBe('no-text.csv:2:text: the text is empty');
    const quote = await failure(await write('quote.csv', `${HEADER}\n1,a,b,c,,,2024-01-01,\n2,a,"never closed,c\n`));
    expect(quote.message).toMatch(/^quote\.csv:\d+:\(row\): a quoted value is never closed/);
  });

  it('resumes after skip postings, in batches', async () => {
    const rows = Array.from({ length: 12 }, (_, index) => `${index + 1},a,b,c,,,2024-01-01,`);
    const path = await write('resume.csv', [HEADER, ...rows].join('\n'));
    const { batches, records } = await readAll(path, { skip: 5, batchSize: 3 });
    expect(records.map((entry) => entry.record.sourceId)).toEqual(['6', '7', '8', '9', '10', '11', '12']);
    expect(records[0]!.line).toBe(7);
    expect(batches.map((batch) => batch.records.length)).toEqual([3, 3, 1]);
    const again = await failure(await write('resume-dup.csv', [HEADER, ...rows, '2,a,b,c,,,2024-01-01,'].join('\n')), {
      skip: 5,
    });
    expect(again.message).toContain('resume-dup.csv:14:id');
  });
});

describe('readPostingsFile: JSON Lines', () => {
  it('names the line of a broken JSON line, counting blank lines', async () => {
    const good = JSON.stringify({ id: 'a', title: 't', text: 'x', enterprise: 'e', date: '2024-01-01' });
    const path = await write('broken.jsonl', `${good}\n\n{"id": "b", "title": \n`);
    const error = await failure(path);
    expect(error.message).toMatch(/^broken\.jsonl:3:\(json\): not valid JSON/);
  });

  it('accepts Chinese keys and a region, and names a missing key', async () => {
    const path = await write(
      'zh.ndjson',
      JSON.stringify({
        编号: 9,
        标题: '会计',
        职位描述: '记账',
        公司: '某公司',
        地区: '江苏省/苏州市',
        发布日期: '2022年1月',
      }),
    );
    const { records } = await readAll(path);
    expect(records[0]!.record).toMatchObject({
      sourceId: '9',
      province: '江苏省',
      city: '苏州市',
      postedOn: '2022-01-01',
    });
    const missing = await failure(await write('missing.jsonl', JSON.stringify({ id: 1, title: 't', text: 'x' })));
    expect(missing.message).toContain('missing.jsonl:1:enterprise: missing column enterprise');
  });

  it('refuses a file type it does not know', async () => {
    const error = await failure(await write('postings.xml', '<x/>'));
    expect(error.message).toContain('unknown file type ".xml"');
  });
});

describe('readPostingsFile: XLSX', () => {
  async function workbook(name: string, rows: unknown[][]): Promise<string> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('岗位');
    for (const row of rows) sheet.addRow(row);
    const path = join(dir, name);
    await book.xlsx.writeFile(path);
    return path;
  }

  it('reads the first worksheet with Chinese headers and date cells', async () => {
    const path = await workbook('ok.xlsx', [
      ['编号', '标题', '正文', '企业', '省份', '城市', '发布日期', '岗位'],
      [101, '云运维工程师', '负责云平台运维', '无锡恒信', '江苏省', '无锡市', new Date(Date.UTC(2024, 2, 5)), ''],
      [],
      [102, 'Tester', 'Tests software', 'Acme', '', '', '2024/04/01', 'ito-industrial-software-testing'],
    ]);
    const { records } = await readAll(path);
    expect(records.map((entry) => entry.line)).toEqual([2, 4]);
    expect(records[0]!.record).toMatchObject({ sourceId: '101', postedOn: '2024-03-05', city: '无锡市' });
    expect(records[1]!.record).toMatchObject({ postedOn: '2024-04-01', postId: 'ito-industrial-software-testing' });
  });

  it('names a wrong header, and a file that is not a workbook', async () => {
    const path = await workbook('wrong.xlsx', [
      ['编号', '标题', '企业', '发布日期'],
      [1, 'a', 'b', '2024-01-01'],
    ]);
    const error = await failure(path);
    expect(error.message).toContain('wrong.xlsx:1:text: missing column text');
    const fake = await failure(await write('fake.xlsx', 'this is not a zip file'));
    expect(fake.message).toMatch(/^fake\.xlsx:0:\(file\): not an XLSX workbook/);
  });
});
