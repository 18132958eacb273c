import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { docxParts, docxText } from '../export/docx-xml.ts';
import { describeStores } from '../store/stores.ts';
import { Client, makeClient, makeWorkspace, type Session, type Workspace } from './harness.ts';
import { officeAvailable } from '../helpers/commands.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const GDP = { indicator: '地区生产总值', measure: 'growth', direction: 'up', value: 6.8, unit: '%', cmp: 'approx' };

describeStores('documents out of the workspace through the API', (db, kind) => {
  let client: Client;
  let ws: Workspace;
  let admin: Session;
  let get: (path: string, as?: Session) => Promise<{ status: number; type: string | null; disposition: string | null; bytes: Uint8Array }>;
  beforeAll(async () => {
    ws = await makeWorkspace(db());
    client = makeClient(db());
    admin = await client.login('admin');
    get = async (path, as = admin) => {
      const res = await client.app.request(path, { headers: { cookie: as.cookie } });
      return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: new Uint8Array(await res.arrayBuffer()) };
    };
    // A reconcilable target with its confirmed actual, a lagging report, and an imported report's quantities.
    await db().query(`UPDATE tasks SET targets = $2::jsonb WHERE id = $1`, [ws.taskA, JSON.stringify([GDP])]);
    await db().query(`INSERT INTO actuals (task_id, target_index, value, text, period, source, confirmed) VALUES ($1, 0, 7.0, '地区生产总值增长7.0%', '2020', 'manual', true)`, [ws.taskA]);
    await db().query(
      `INSERT INTO progress_reports (task_id, unit_id, period, percent, narrative, status, submitted_at, reviewed_at)
       VALUES ($1, $2, '2020-05', 20, '一季度受疫情影响', 'accepted', '2020-06-03T02:00:00Z', '2020-06-04T02:00:00Z')`, [ws.taskA, ws.unitA]);
    await db().query(
      `INSERT INTO documents (organisation_id, plan_id, name, kind, format, size, sha256, content, extraction)
       VALUES ($1, $2, '2020年政府工作报告.txt', 'report', 'txt', 1, 'x', $3, $4::jsonb)`,
      [ws.cityId, ws.planId, new Uint8Array([0x20]), JSON.stringify({ quantities: [{
        ...GDP, doc: '001', kind: 'target', quote: '地区生产总值增长6.8%左右', span: { start: 10, end: 22 }, section: ['二、2020年主要目标'],
      }] })]);
  });

  it('writes the breakdown notice with the items, their leaders and units, and the quota table', async () => {
    const res = await get(`/api/plans/${ws.planId}/notice.docx`);
    expect(res.status).toBe(200);
    expect(res.type).toBe(DOCX);
    expect(decodeURIComponent(res.disposition!.split("UTF-8''")[1])).toBe('2020年政府工作报告目标任务责任分解.docx');
    const text = docxText(docxParts(res.bytes).document);
    expect(text).toContain('一、主要目标');
    expect(text).toContain('地区生产总值增长6.8%左右');
    expect(text).toMatch(/牵头领导：张三/);
    expect(text).toMatch(/责任单位：市发改委/);
    expect(text).toContain('新增停车位15000个');
    expect(text).toContain('鄞州区');
  });

  it('writes the June bulletin with the lagging task and the units', async () => {
    const res = await get(`/api/plans/${ws.planId}/bulletin.docx?period=2020-06`);
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.disposition!.split("UTF-8''")[1])).toBe('2020年6月督查通报.docx');
    const text = docxText(docxParts(res.bytes).document);
    expect(text).toContain('2020年6月');
    expect(text).toContain('地区生产总值增长6.8%左右');
    expect(text).toContain('进度滞后');
    expect(text).toContain('市发改委');
  });

  it('refuses a period it cannot read, as problem+json', async () => {
    const res = await client.call('GET', `/api/plans/${ws.planId}/bulletin.docx?period=June`, { as: admin });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await client.call('GET', `/api/plans/${ws.planId}/bulletin.docx?period=2019H1`, { as: admin })).status).toBe(400);
  });

  it('writes the review of the year\'s targets as .docx and .md', async () => {
    const md = await get(`/api/plans/${ws.planId}/review.md`);
    expect(md.type).toBe('text/markdown; charset=utf-8');
    const markdown = new TextDecoder().decode(md.bytes);
    expect(markdown).toContain('# 2020年主要预期目标完成情况');
    expect(markdown).toContain('地区生产总值增长7.0%，完成预期目标。');
    expect(markdown).toContain('人工录入');
    const docx = await get(`/api/plans/${ws.planId}/review.docx`);
    expect(docxText(docxParts(docx.bytes).document)).toContain('地区生产总值增长7.0%，完成预期目标。');
  });

  it('writes the research files and their dictionary', async () => {
    const csv = await get(`/api/plans/${ws.planId}/quantities.csv`);
    expect(csv.type).toBe('text/csv; charset=utf-8; header=present');
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes).split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFFdoc,kind,indicator,/);
    expect(lines[1]).toMatch(/^001,target,地区生产总值,growth,up,6.8,/);
    const jsonl = await get(`/api/plans/${ws.planId}/quantities.jsonl`);
    const records = new TextDecoder().decode(jsonl.bytes).trim().split('\n').map((l) => JSON.parse(l));
    expect(records).toEqual([expect.objectContaining({ indicator: '地区生产总值', value: 6.8, section: ['二、2020年主要目标'] })]);
    const dictionary = await client.app.request('/api/data-dictionary.md');
    expect(dictionary.status).toBe(200);
    expect(await dictionary.text()).toContain('| `indicator` |');
  });

  it('gives a leader the documents of their own portfolio and a unit none', async () => {
    const leader = await client.login('leader1');
    const text = docxText(docxParts((await get(`/api/plans/${ws.planId}/notice.docx`, leader)).bytes).document);
    expect(text).toContain('地区生产总值增长6.8%左右');
    expect(text).not.toContain('新增停车位');
    const unit = await client.login('unitA');
    expect((await get(`/api/plans/${ws.planId}/notice.docx`, unit)).status).toBe(403);
    expect((await get(`/api/plans/${ws.planId}/quantities.csv`, unit)).status).toBe(403);
    expect((await get(`/api/plans/999999/notice.docx`)).status).toBe(404);
  });

  it('lists the document routes in the OpenAPI document', async () => {
    const res = await client.call('GET', '/api/openapi.json');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining([
      '/api/plans/{id}/ledger.xlsx', '/api/plans/{id}/ledger/diff', '/api/plans/{id}/ledger/apply', '/api/plans/{id}/notice.docx',
      '/api/plans/{id}/bulletin.pdf', '/api/plans/{id}/review.md', '/api/plans/{id}/quantities.jsonl', '/api/data-dictionary.md',
    ]));
  });

  // LibreOffice has its own tests in test/export; this one only checks the PDF route end to end, on one store.
  it.skipIf(!officeAvailable() || kind !== 'pglite')('renders the bulletin as a PDF on the server', async () => {
    const res = await get(`/api/plans/${ws.planId}/bulletin.pdf?period=2020H1`);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-bulletin-'));
    try {
      writeFileSync(join(dir, 'b.pdf'), res.bytes);
      // pdftotext spaces Latin digits off Chinese text
      const text = execFileSync('pdftotext', [join(dir, 'b.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(text).toContain('2020年上半年重点工作督查通报');
      expect(text).toContain('地区生产总值增长6.8%左右');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
