import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useZerodockBrowser } from './use-zerodock-browser.js';

/** A small postings file as a city office would export it: three years, one repeated posting. */
const POSTINGS_CSV = [
  'id,title,text,enterprise,province,city,date,post',
  'p1,工业软件测试工程师,"负责工业软件的 Selenium 自动化测试，编写测试用例，使用 Python 编写测试脚本。",无锡智造软件有限公司,江苏省,无锡市,2022-03-01,',
  'p2,软件测试工程师,"负责 MES 系统的自动化测试和接口测试，熟悉 Jenkins 持续集成。",苏州精工科技有限公司,江苏省,苏州市,2023-05-10,',
  'p3,测试开发工程师,"使用 Selenium 和 Python 开展自动化测试，维护测试平台，编写测试报告。",常州数控服务外包有限公司,江苏省,常州市,2024-02-20,',
  'p4,财务共享服务专员,"负责应收应付核算，编制财务报表，熟练使用 Excel。",南京共享财务服务有限公司,江苏省,南京市,2023-07-01,',
  'p5,数据标注工程师,"负责工业图像数据标注与质检，了解机器学习基本概念。",杭州数智外包有限公司,浙江省,杭州市,2024-09-15,',
  'p6,工业软件测试工程师,"负责工业软件的 Selenium 自动化测试，编写测试用例，使用 Python 编写测试脚本。",无锡智造软件有限公司,江苏省,无锡市,2022-03-01,',
].join('\n');

const harness = useZerodockBrowser({ width: 1366, height: 900 });
const { newPage, logIn } = harness;
let workDir: string;

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-demand-e2e-'));
});
afterAll(() => {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

function writeFile(name: string, content: string): string {
  const file = path.join(workDir, name);
  fs.writeFileSync(file, content, 'utf8');
  return file;
}

describe('demand journeys (Debian chromium, built app served by `zerodock serve`)', () => {
  it('city officer: finds no postings, imports a CSV, sees a broken file refused at its line, opens a posting', async () => {
    const page = await newPage();
    try {
      await logIn(page, 'officer@demo.zerodock.local');
      expect(await page.getByTestId('nav-declarations').isVisible()).toBe(false);
      await page.getByTestId('nav-demand').click();
      await page.getByTestId('demand-title').waitFor();
      // Nothing imported yet: the overview says what to do.
      const empty = page.getByTestId('demand-empty');
      await empty.waitFor();
      expect(await empty.innerText()).toContain('导入');

      await page.getByTestId('demand-tab-imports').click();
      await page.getByTestId('imports-empty').waitFor();
      const fileInput = () => page.getByTestId('import-postings-file').locator('input[type=file]');
      await page.getByTestId('import-postings').click();
      await fileInput().setInputFiles(writeFile('postings-2024.csv', POSTINGS_CSV));
      await page.getByTestId('import-postings-submit').click();
      const row = page.getByTestId('import-row-postings-2024.csv');
      await row.waitFor();
      const rowText = await row.innerText();
      expect(rowText).toContain('已完成');
      // Six records, the repeated one dropped.
      expect(rowText).toMatch(/\b6\b/);
      await page.getByTestId('import-postings-form').waitFor({ state: 'detached' });

      // A date that is not a date: refused, and the server's FILE:LINE:FIELD message is shown as it is.
      await page.getByTestId('import-postings').click();
      await fileInput().setInputFiles(
        writeFile(
          'broken.csv',
          'id,title,text,enterprise,province,city,date,post\nb1,测试工程师,自动化测试,某公司,江苏省,无锡市,not-a-date,\n',
        ),
      );
      await page.getByTestId('import-postings-submit').click();
      const failure = page.getByTestId('import-postings-error');
      await failure.waitFor();
      // Where, in the page's language (file, line, the field's label), and the importer's own reason.
      expect(await page.getByTestId('import-postings-error-where').innerText()).toMatch(/文件 broken\.csv 第 2 行，\S/);
      expect(await failure.innerText()).toContain('date');
      await page.keyboard.press('Escape');
      await page.getByTestId('import-postings-form').waitFor({ state: 'detached' });
      // It is listed as failed, with its reason; none of its postings count.
      const failed = page.getByTestId('import-row-broken.csv');
      await failed.waitFor();
      expect(await failed.innerText()).toContain('失败');
      expect(await failed.innerText()).toContain('broken.csv:2:date');

      // The overview counts them.
      await page.getByTestId('demand-tab-overview').click();
      const postings = page.getByTestId('demand-figure-postings');
      await postings.waitFor();
      expect(await postings.locator('.ant-statistic-content-value').innerText()).toBe('5');
      expect(await page.getByTestId('demand-figure-duplicatesDropped').innerText()).toContain('1');

      // A posting opens over the list, its mentions highlighted; pointing at a competency brings out its spans.
      await page.getByTestId('demand-tab-postings').click();
      const search = page.getByTestId('posting-search').locator('input');
      await search.fill('Selenium');
      await search.press('Enter');
      await page.getByTestId('posting-row-p3').click();
      const detail = page.getByTestId('posting-detail');
      await detail.waitFor();
      expect(await page.getByTestId('posting-title').innerText()).toBe('测试开发工程师');
      const mentions = detail.getByTestId('mention');
      await mentions.first().waitFor();
      const marked = await mentions.allInnerTexts();
      expect(marked.join(' ')).toContain('自动化测试');
      const competencyRow = detail.getByTestId('linked-competencies').locator('tbody tr').first();
      const key = (await competencyRow.getAttribute('data-testid'))?.replace('linked-competency-', '') ?? '';
      expect(key).not.toBe('');
      await competencyRow.click();
      const active = detail.locator('[data-testid="mention"][data-active="true"]');
      await active.first().waitFor();
      expect(await active.first().getAttribute('data-keys')).toContain(key);
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'detached' });
    } finally {
      await page.context().close();
    }
  });

  it('student: links a text in the playground and sees “Selenium 自动化测试” highlighted, without import rights', async () => {
    const page = await newPage();
    try {
      await logIn(page, 'student@demo.zerodock.local');
      await page.getByTestId('nav-demand').click();
      await page.getByTestId('demand-tab-link').click();
      const input = page.getByTestId('link-text-input');
      await input.fill('岗位职责：负责产线 MES 的 Selenium 自动化测试，编写测试用例。');
      await page.getByTestId('link-mode-exact').click();
      await page.getByTestId('link-submit').click();
      const result = page.getByTestId('link-result');
      await result.waitFor();
      const mentions = result.getByTestId('mention');
      await mentions.first().waitFor();
      expect((await mentions.allInnerTexts()).join(' ')).toContain('自动化测试');
      expect(await mentions.first().getAttribute('data-evidence')).toBe('exact');
      expect(await page.getByTestId('linked-competencies').innerText()).toContain('精确匹配');

      // Students read the imports but are not offered the upload.
      await page.getByTestId('demand-tab-imports').click();
      await page.getByTestId('imports-table').waitFor();
      expect(await page.getByTestId('import-postings').count()).toBe(0);
      expect(await page.getByTestId('nav-declarations').isVisible()).toBe(false);
    } finally {
      await page.context().close();
    }
  });

  it('enterprise admin: declares demand for a post; an engineer of the same enterprise reads it', async () => {
    const page = await newPage();
    try {
      await logIn(page, 'enterprise-admin@demo.zerodock.local');
      await page.getByTestId('nav-declarations').click();
      await page.getByTestId('declarations-title').waitFor();
      await page.getByTestId('declaration-add').click();
      const form = page.getByTestId('declaration-form');
      await form.waitFor();
      await page.getByTestId('declaration-post').click();
      await page.keyboard.type('工业软件测试');
      await page.getByTestId('declaration-post-option-ito-industrial-software-testing').click();
      await form.locator('#declaration_headcount').fill('12');
      await form.locator('#declaration_year').fill('2025');
      await form.locator('#declaration_province').fill('江苏省');
      await form.locator('#declaration_city').fill('无锡市');
      await form.locator('#declaration_note').fill('2025 年新建数字化产线');
      await page.getByTestId('declaration-submit').click();
      await form.waitFor({ state: 'detached' });
      const table = page.getByTestId('declarations-table');
      await table.getByText('工业软件测试工程师').waitFor();
      const text = await table.innerText();
      expect(text).toContain('12');
      expect(text).toContain('2025');
      expect(await page.getByTestId('declarations-total').innerText()).toContain('12');
      await page.context().close();

      // The committee member is an engineer of the same manufacturer: reads the list, is not offered writing.
      const readerPage = await newPage();
      try {
        await logIn(readerPage, 'committee@demo.zerodock.local');
        await readerPage.getByTestId('nav-declarations').click();
        const readerTable = readerPage.getByTestId('declarations-table');
        await readerTable.getByText('工业软件测试工程师').waitFor();
        expect(await readerTable.innerText()).toContain('2025 年新建数字化产线');
        expect(await readerPage.getByTestId('declaration-add').count()).toBe(0);
        expect(await readerPage.getByTestId('declaration-import').count()).toBe(0);
      } finally {
        await readerPage.context().close();
      }
    } finally {
      if (!page.isClosed()) await page.context().close();
    }
  });
});
