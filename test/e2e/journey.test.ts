import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, apiClient, launchBrowser, ROOT, SEEDS, startServer, type RunningServer } from './harness.ts';

/**
 * The whole year in one browser session: the office imports the 2020 Ningbo
 * report (seed 000) on top of the 2019 breakdown notice (seed 001, the demo
 * workspace of `luoshi serve`), accepts the suggested units and publishes; a unit
 * reports progress with evidence; the office returns one report and accepts
 * another; the dashboard, the public page and the ledger export show it.
 */

const SEED_000 = join(SEEDS, '000_7841c49be735524f.txt');
const SHOTS = join(ROOT, 'docs/img');
const UNIT_PASSWORD = 'unit-password-1';

interface TaskRow {
  id: number;
  kind: string;
  text: string;
  planId: number;
  actualPercent: number | null;
  assignment: { leadUnits: { id: number; name: string }[]; coUnits: { id: number; name: string }[] } | null;
}

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let admin: Awaited<ReturnType<typeof apiClient>>;
let plan2020 = 0;
const state: { unitId?: number; unitName?: string; taskA?: TaskRow; taskB?: TaskRow } = {};

async function shot(name: string) {
  await page.waitForTimeout(400); // let charts finish their entry animation
  await page.screenshot({ path: join(SHOTS, `web-${name}.png`), fullPage: false });
}

async function login(username: string, password: string, then = '/') {
  await page.context().clearCookies();
  await page.goto(`${server.url}${then}`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('[data-testid=login-submit]');
  await page.waitForSelector('[data-testid=current-user]');
}

async function planTasks(planId: number, client = admin): Promise<TaskRow[]> {
  return (await client.get<{ items: TaskRow[] }>(`/tasks?planId=${planId}&limit=5000`)).items.filter((t) => t.kind !== 'section');
}

describe('the web app, end to end', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // The demo workspace from the 2019 notice only: its units, leaders and assignments teach the suggestions.
    server = await startServer({ seeds: ['001_99404d979ec21c9c.txt'] });
    admin = await apiClient(server.url, 'admin', ADMIN_PASSWORD);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => { throw e; });
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs the office in', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForSelector('[data-testid=login-submit]');
    await shot('login');
    await login('admin', ADMIN_PASSWORD);
    expect(await page.textContent('[data-testid=current-user]')).toContain('督查室');
  });

  it('imports seed 000 and shows every extracted quantity in place', async () => {
    await page.goto(`${server.url}/import`);
    await page.setInputFiles('.ant-upload input[type=file]', SEED_000);
    await page.click('[data-testid=import-submit]');
    await page.waitForSelector('[data-testid=quantity-mark]', { timeout: 60_000 });
    const marks = await page.locator('[data-testid=quantity-mark]').count();
    expect(marks).toBeGreaterThan(50);
    await expect(page.locator('[data-testid=quantity-mark]').first().textContent()).resolves.toMatch(/\d/);
    await shot('import-text');
    plan2020 = (await admin.get<{ items: { id: number; year: number }[] }>('/plans')).items.find((p) => p.year === 2020)!.id;
  });

  it('accepts the suggested units and leaders', async () => {
    await page.click('[data-testid=next-step]');
    await page.waitForSelector('[data-testid=plan-tasks]');
    await page.click('[data-testid=accept-all]');
    await page.waitForTimeout(500);
    await page.waitForSelector('[data-testid=accept-all]:not(.ant-btn-loading)', { timeout: 100_000 });
    // The server suggests a lead unit for most tasks (learnt from the 2019 notice and the departments' duties);
    // "accept all" assigns every task it had one for.
    const suggested = await admin.get<{ items: { taskId: number; units: { name: string }[] }[] }>(`/plans/${plan2020}/suggestions`);
    const withUnit = new Set(suggested.items.filter((s) => s.units.length > 0).map((s) => s.taskId));
    expect(withUnit.size).toBeGreaterThan(suggested.items.length / 2);
    const assigned = (await planTasks(plan2020)).filter((t) => t.assignment?.leadUnits.length);
    expect(assigned.filter((t) => withUnit.has(t.id)).length).toBe(withUnit.size);
    expect(assigned.length).toBeGreaterThanOrEqual(2);
    await shot('import-tasks');
    // The unit with the most tasks in 2020 reports in the rest of the journey.
    const byUnit = new Map<number, TaskRow[]>();
    for (const t of assigned) byUnit.set(t.assignment!.leadUnits[0].id, [...(byUnit.get(t.assignment!.leadUnits[0].id) ?? []), t]);
    const [unitId, tasks] = [...byUnit].sort((a, b) => b[1].length - a[1].length)[0];
    Object.assign(state, { unitId, unitName: tasks[0].assignment!.leadUnits[0].name, taskA: tasks[0], taskB: tasks[1] ?? tasks[0] });
  }, 120_000); // one bulk request per group of tasks with the same units and leader

  it('shows quota tables and findings, then publishes', async () => {
    await page.click('[data-testid=next-step]');
    await page.waitForSelector('text=校验发现');
    await shot('import-quotas');
    await page.click('[data-testid=next-step]');
    await page.click('[data-testid=publish]');
    await page.waitForSelector('.ant-result-success', { timeout: 120_000 });
    const plan = await admin.get<{ status: string }>(`/plans/${plan2020}`);
    expect(plan.status).toBe('published');
  });

  it('lets a unit see only its own tasks and report progress with a file', async () => {
    await admin.post('/users', { username: 'unit1', password: UNIT_PASSWORD, role: 'unit', unitId: state.unitId, displayName: state.unitName });
    await login('unit1', UNIT_PASSWORD, '/workbench');
    await page.waitForSelector('[data-testid=my-tasks] tbody tr.ant-table-row');
    const unitApi = await apiClient(server.url, 'unit1', UNIT_PASSWORD);
    const visible = (await unitApi.get<{ items: TaskRow[] }>('/tasks?limit=5000')).items.filter((t) => t.kind !== 'section');
    for (const t of visible) {
      const units = [...(t.assignment?.leadUnits ?? []), ...(t.assignment?.coUnits ?? [])].map((u) => u.id);
      expect(units).toContain(state.unitId);
    }
    const all = (await admin.get<{ total: number }>('/tasks?limit=1')).total;
    expect(visible.length).toBeLessThan(all);

    const evidence = join(server.dataDir, '佐证材料.txt');
    writeFileSync(evidence, '现场照片说明:项目已完成主体工程。');
    for (const [task, percent] of [[state.taskA!, 40], [state.taskB!, 60]] as const) {
      await page.click(`[data-testid=report-${task.id}]`);
      await page.waitForSelector('.ant-drawer [data-testid=report-form]');
      await page.fill('.ant-drawer #report-value', String(percent / 10));
      await page.fill('.ant-drawer #report-percent', String(percent));
      await page.fill('.ant-drawer #report-narrative', `已完成全年任务的${percent}%,形象进度正常。<script>alert(1)</script>`);
      await page.setInputFiles('.ant-drawer .ant-upload input[type=file]', evidence);
      await page.click('.ant-drawer [data-testid=report-submit]');
      await page.waitForSelector('.ant-drawer', { state: 'hidden' });
    }
    const reports = await unitApi.get<{ items: { status: string; evidence: unknown[] }[] }>(`/tasks/${state.taskA!.id}/reports`);
    expect(reports.items[0].status).toBe('submitted');
    expect(reports.items[0].evidence).toHaveLength(1);
    await shot('workbench');
  });

  it('lets the office return one report and accept another', async () => {
    await login('admin', ADMIN_PASSWORD);
    await page.goto(`${server.url}/tasks/${state.taskA!.id}`);
    await page.locator('[data-testid=report-table] [data-testid^=return-]').first().click();
    await page.fill('[data-testid=return-reason-input]', '佐证材料不足,请补充现场照片');
    await page.click('#return-ok');
    await page.waitForSelector('[data-testid=return-reason]');
    if (state.taskB!.id !== state.taskA!.id) await page.goto(`${server.url}/tasks/${state.taskB!.id}`);
    await page.locator('[data-testid=report-table] [data-testid^=accept-]').first().click();
    await page.waitForSelector('[data-testid=report-table] .ant-tag-green');
    // Stored text stays text: the narrative's <script> is shown, never run.
    expect(await page.locator('[data-testid=report-table]').textContent()).toContain('<script>alert(1)</script>');
    await shot('task');
    // The accepted report now drives the task's actual progress (the engine reads value or percentage).
    const b = (await planTasks(plan2020)).find((t) => t.id === state.taskB!.id)!;
    expect(b.actualPercent).toBeGreaterThan(0);
    state.taskB = b;
  });

  it('shows the unit why its report came back', async () => {
    await login('unit1', UNIT_PASSWORD);
    await page.goto(`${server.url}/tasks/${state.taskA!.id}`);
    expect(await page.textContent('[data-testid=return-reason]')).toContain('佐证材料不足');
  });

  it('shows the change on the dashboard', async () => {
    await login('admin', ADMIN_PASSWORD);
    await page.goto(`${server.url}/dashboard?plan=${plan2020}`);
    await page.waitForSelector('[data-testid=rollup-chart] [data-bar]');
    await page.waitForSelector('[data-testid=trend-chart] canvas');
    const mean = Number((await page.textContent('[data-testid=mean-progress] .ant-statistic-content-value'))?.replace(/\D/g, ''));
    expect(mean).toBeGreaterThan(0);
    await shot('dashboard');
  });

  it('shows the change on the public page, without login', async () => {
    await page.context().clearCookies();
    const publicPage = page;
    await publicPage.goto(`${server.url}/public`);
    await publicPage.getByRole('tab', { name: '目标任务' }).click();
    await publicPage.locator('.ant-segmented-item', { hasText: '全部任务' }).click();
    const row = publicPage.locator('[data-testid=public-targets] tr', { hasText: state.taskB!.text.slice(0, 12) });
    await expect(row.first().textContent()).resolves.toContain(`${Math.round(state.taskB!.actualPercent!)}%`);
    expect(await publicPage.locator('[data-testid=current-user]').count()).toBe(0);
    await shot('public');
  });

  it('exports exactly the ledger on screen to an .xlsx that reopens', async () => {
    await login('admin', ADMIN_PASSWORD);
    await page.goto(`${server.url}/ledger?plan=${plan2020}`);
    await page.waitForSelector('[data-testid=ledger-table] tbody tr.ant-table-row');
    await page.fill('[data-testid=ledger-search] input', '生产总值');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    const count = Number((await page.textContent('[data-testid=ledger-count]'))?.replace(/\D/g, ''));
    expect(count).toBeGreaterThan(0);
    const onScreen = await page.locator('[data-testid=ledger-table] tbody tr.ant-table-row').allTextContents();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
    const file = join(server.dataDir, 'ledger.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(count + 1);
    const texts = Array.from({ length: count }, (_, i) => String(sheet.getRow(i + 2).getCell(3).value));
    texts.forEach((text, i) => expect(onScreen[i]).toContain(text.slice(0, 20)));
    expect(texts.every((x) => x.includes('生产总值'))).toBe(true);
    await page.fill('[data-testid=ledger-search] input', '');
    await page.keyboard.press('Enter');
    await shot('ledger');
  });

  it('shows the settings, and switches to English and back', async () => {
    await page.goto(`${server.url}/settings`);
    await page.waitForSelector('[data-testid=settings] .ant-table-row');
    await shot('settings');
    await page.locator('.ant-segmented-item', { hasText: 'EN' }).first().click();
    await expect(page.locator('.ant-menu').textContent()).resolves.toContain('Dashboard');
    await expect(page.locator('[data-testid=settings]').textContent()).resolves.toContain('Units & aliases');
    await page.locator('.ant-segmented-item', { hasText: '中文' }).first().click();
    await expect(page.locator('.ant-menu').textContent()).resolves.toContain('驾驶舱');
  });
});
