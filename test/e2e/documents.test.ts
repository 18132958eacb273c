import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, apiClient, launchBrowser, ROOT, startServer, type RunningServer } from './harness.ts';

/**
 * The office's paper round trip in the browser: the server's Excel ledger
 * goes out from the ledger page, comes back with one cell edited, shows
 * exactly that change, and is applied; the breakdown notice downloads from
 * the documents panel.
 */

const SHOTS = join(ROOT, 'docs/img');
const EDIT_MARK = '(台账线下修改)';

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let admin: Awaited<ReturnType<typeof apiClient>>;
let planId = 0;

async function shot(name: string) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, `web-${name}.png`), fullPage: false });
}

async function download(click: () => Promise<void>, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(server.dataDir, name);
  await file.saveAs(path);
  return path;
}

/** The column of a header in the ledger's first sheet, found by its text so the test does not fix the layout. */
function columnOf(sheet: ExcelJS.Worksheet, header: string): { row: number; col: number } {
  for (let r = 1; r <= 10; r++) {
    const cells = sheet.getRow(r).values as unknown[];
    const col = cells.findIndex((v) => v === header);
    if (col > 0) return { row: r, col };
  }
  throw new Error(`no ${header} header`);
}

describe('ledger round trip and documents in the browser', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer({ seeds: ['001_99404d979ec21c9c.txt'] });
    admin = await apiClient(server.url, 'admin', ADMIN_PASSWORD);
    planId = (await admin.get<{ items: { id: number }[] }>('/plans')).items[0].id;
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (e) => { throw e; });
    await page.goto(`${server.url}/`);
    await page.fill('#username', 'admin');
    await page.fill('#password', ADMIN_PASSWORD);
    await page.click('[data-testid=login-submit]');
    await page.waitForSelector('[data-testid=current-user]');
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('exports the ledger, takes one edited cell back, and applies exactly that change', async () => {
    await page.goto(`${server.url}/ledger?plan=${planId}`);
    await page.waitForSelector('[data-testid=ledger-table] tbody tr.ant-table-row');
    const onScreen = await page.locator('[data-testid=ledger-table] tbody tr.ant-table-row').allTextContents();

    await page.hover('[data-testid=export-ledger]');
    const exported = await download(() => page.click('[data-testid=export-ledger-single]'), 'ledger.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(exported);
    const sheet = book.worksheets[0];
    const text = columnOf(sheet, '工作任务');
    const texts: string[] = [];
    sheet.eachRow((row, n) => { if (n > text.row && typeof row.getCell(text.col).value === 'string') texts.push(row.getCell(text.col).value as string); });
    // Every task row on screen is in the workbook (the table cuts long texts, so compare a prefix).
    for (const row of onScreen) expect(texts.some((x) => row.includes(x.slice(0, 15)))).toBe(true);

    // A task's row (its hidden key is `id@version`), not a section header (`#section`, merged across).
    const key = columnOf(sheet, '__luoshi_key');
    const rowNo = [...Array(sheet.rowCount).keys()].map((i) => i + 1)
      .find((n) => n > text.row && /^\d+@\d+$/.test(String(sheet.getRow(n).getCell(key.col).value ?? '')))!;
    const newText = String(sheet.getRow(rowNo).getCell(text.col).value) + EDIT_MARK;
    sheet.getRow(rowNo).getCell(text.col).value = newText;
    const changed = join(server.dataDir, 'ledger-edited.xlsx');
    await book.xlsx.writeFile(changed);

    await page.click('[data-testid=import-ledger]');
    await page.setInputFiles('.ant-modal input[type=file]', changed);
    await page.waitForSelector('[data-testid=ledger-diff-summary]');
    const changes = page.locator('[data-testid=ledger-changes] tr.ant-table-row');
    expect(await changes.count()).toBe(1);
    expect(await changes.first().textContent()).toContain(EDIT_MARK);
    expect(await page.textContent('[data-testid=ledger-diff-summary]')).toContain('共 1 项修改');
    await shot('ledger-import');

    await page.click('[data-testid=ledger-apply]');
    await page.waitForSelector('[data-testid=ledger-import-done]');
    expect(await page.textContent('[data-testid=ledger-import-done]')).toContain('已导入 1 项修改');
    await page.click('[data-testid=ledger-import-close]');

    const tasks = (await admin.get<{ items: { text: string }[] }>(`/tasks?planId=${planId}&limit=5000`)).items;
    expect(tasks.filter((t) => t.text === newText)).toHaveLength(1);
    await page.fill('[data-testid=ledger-search] input', EDIT_MARK);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-testid=ledger-table] tbody tr.ant-table-row').allTextContents()).resolves.toEqual([expect.stringContaining(EDIT_MARK)]);
  }, 120_000);

  it('answers a change made meanwhile with a 409 that names the stale row, writes nothing and keeps the file', async () => {
    await page.fill('[data-testid=ledger-search] input', '');
    await page.keyboard.press('Enter');
    await page.hover('[data-testid=export-ledger]');
    const exported = await download(() => page.click('[data-testid=export-ledger-unit]'), 'ledger-by-unit.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(exported);
    const sheet = book.worksheets[0];
    const key = columnOf(sheet, '__luoshi_key');
    const deadline = columnOf(sheet, '完成时限');
    const row = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => /^\d+@\d+$/.test(String(r.getCell(key.col).value ?? '')))!;
    const taskId = Number(String(row.getCell(key.col).value).split('@')[0]);
    row.getCell(deadline.col).value = '2019-11-30';
    const changed = join(server.dataDir, 'ledger-by-unit-edited.xlsx');
    await book.xlsx.writeFile(changed);

    await page.click('[data-testid=import-ledger]');
    await page.setInputFiles('.ant-modal input[type=file]', changed);
    await page.waitForSelector('[data-testid=ledger-diff-summary]');
    expect(await page.locator('[data-testid=ledger-changes] tr.ant-table-row').count()).toBe(1);
    // Someone else edits the task between the comparison and the confirmation.
    const task = await admin.get<{ version: number; text: string; deadline: string | null }>(`/tasks/${taskId}`);
    await admin.patch(`/tasks/${taskId}`, { version: task.version, text: `${task.text}(他人修改)` });
    await page.click('[data-testid=ledger-apply]');
    await page.waitForSelector('[data-testid=ledger-stale]');
    expect(await page.textContent('[data-testid=ledger-stale]')).toContain('本次没有写入任何内容');
    expect(await page.textContent('[data-testid=ledger-changes]')).toContain('已过期');
    expect((await admin.get<{ deadline: string | null }>(`/tasks/${taskId}`)).deadline).toBe(task.deadline);

    await page.click('[data-testid=ledger-compare-again]');
    await page.waitForSelector('[data-testid=ledger-diff-summary]');
    expect(await page.textContent('[data-testid=ledger-diff-summary]')).toContain('默认不勾选');
    await page.keyboard.press('Escape');
  }, 120_000);

  it('downloads the breakdown notice from the documents panel', async () => {
    await page.goto(`${server.url}/documents?plan=${planId}`);
    await page.waitForSelector('[data-testid=doc-notice]');
    await shot('documents');
    const notice = await download(() => page.click('[data-testid=doc-notice]'), 'notice.docx');
    const xml = strFromU8(unzipSync(readFileSync(notice))['word/document.xml']);
    const words = xml.replace(/<[^>]+>/g, '');
    expect(words).toMatch(/关于印发.+的通知/);
    expect(words).toContain(EDIT_MARK); // the notice is written from the same data the ledger changed
  }, 120_000);
});
