import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeStores } from '../store/stores.ts';
import { Client, makeClient, makeWorkspace, type Session, type Workspace } from './harness.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Every cell's text of every sheet, for "is this task in the file" questions. */
function allText(wb: ExcelJS.Workbook): string {
  const out: string[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text)))));
  return out.join('\n');
}

/** Sets the cell of `header` in the row whose 工作任务 is `taskText`. */
function editCell(wb: ExcelJS.Workbook, taskText: string, header: string, value: ExcelJS.CellValue): void {
  const sheet = wb.worksheets[0];
  const headers = sheet.getRow(2);
  let column = 0;
  let textColumn = 0;
  headers.eachCell((cell, c) => {
    if (cell.text === header) column = c;
    if (cell.text === '工作任务') textColumn = c;
  });
  for (let r = 3; r <= sheet.rowCount; r++) {
    if (sheet.getRow(r).getCell(textColumn).text === taskText) {
      sheet.getRow(r).getCell(column).value = value;
      return;
    }
  }
  throw new Error(`no row for ${taskText}`);
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function upload(bytes: Uint8Array): FormData {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(bytes)], { type: XLSX }), '台账.xlsx');
  return form;
}

interface UpdateChange { kind: 'update'; taskId: string; version: number; field: string; before: unknown; after: unknown; stale: boolean }

/** What the web app sends back once a person confirmed the diff's updates. */
const confirmAll = (changes: UpdateChange[]) => ({
  changes: changes.map(({ taskId, version, field, before, after }) => ({ taskId: Number(taskId), version, field, before, after })),
});

describeStores('ledger export and import through the API', (db) => {
  let client: Client;
  let ws: Workspace;
  let admin: Session;
  let download: (as: Session, query?: string) => Promise<Uint8Array>;
  beforeAll(async () => {
    ws = await makeWorkspace(db());
    client = makeClient(db());
    admin = await client.login('admin');
    download = async (as, query = '') => {
      const res = await client.app.request(`/api/plans/${ws.planId}/ledger.xlsx${query}`, { headers: { cookie: as.cookie } });
      expect(res.status).toBe(200);
      return new Uint8Array(await res.arrayBuffer());
    };
  });

  const diff = (bytes: Uint8Array, as = admin) => client.call('POST', `/api/plans/${ws.planId}/ledger/diff`, { as, form: upload(bytes) });
  const updates = (body: { changes: Array<{ kind: string }> }) => body.changes.filter((c): c is UpdateChange => c.kind === 'update');
  const taskVersion = async (id: number) => (await db().query<{ version: number; text: string }>('SELECT version, text FROM tasks WHERE id = $1', [id])).rows[0];

  it('downloads the ledger as .xlsx with its Chinese name in filename*', async () => {
    const res = await client.app.request(`/api/plans/${ws.planId}/ledger.xlsx`, { headers: { cookie: admin.cookie } });
    expect(res.headers.get('content-type')).toBe(XLSX);
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('2020年政府工作报告落实台账.xlsx');
    const text = allText(await workbook(new Uint8Array(await res.arrayBuffer())));
    expect(text).toContain('一、主要目标');
    expect(text).toContain('地区生产总值增长6.8%左右');
    expect(text).toContain('市发改委');
    expect(text).toContain('张三');
  });

  it('reads back an unchanged ledger with zero changes, in every layout', async () => {
    for (const layout of ['single', 'section', 'unit']) {
      const res = await diff(await download(admin, `?layout=${layout}`));
      expect(res.status).toBe(200);
      expect(res.body.rowsRead).toBe(2);
      expect(res.body.changes).toEqual([]);
    }
  });

  // Before any edit below moves tasks between units.
  describe('who gets which rows', () => {
    it('gives a unit only the tasks of its own unit, and no import', async () => {
      const unitA = await client.login('unitA');
      const text = allText(await workbook(await download(unitA)));
      expect(text).toContain('地区生产总值');
      expect(text).not.toContain('新增停车位');
      const refused = await diff(await download(unitA), unitA);
      expect(refused.status).toBe(403);
    });

    it('exports what the task list shows: filtered by unit, one sheet per lead unit', async () => {
      const wb = await workbook(await download(admin, `?unitId=${ws.unitB}&layout=unit`));
      expect(wb.worksheets.map((s) => s.name).sort()).toEqual(['市发改委', '市科技局']);
      const projectsOfA = allText(await workbook(await download(admin, `?unitId=${ws.unitA}&kind=project`)));
      expect(projectsOfA).not.toContain('地区生产总值');
    });

    it('does not give the ledger to a viewer', async () => {
      const viewer = await client.login('viewer');
      const res = await client.call('GET', `/api/plans/${ws.planId}/ledger.xlsx`, { as: viewer });
      expect(res.status).toBe(403);
    });
  });

  it('finds exactly the edited cell, applies it audited with a version bump, and refuses a stale apply', async () => {
    const before = await taskVersion(ws.taskA);
    const wb = await workbook(await download(admin));
    editCell(wb, '地区生产总值增长6.8%左右', '工作任务', '地区生产总值增长7%左右');
    const res = await diff(await bytesOf(wb));
    expect(updates(res.body)).toEqual([expect.objectContaining({
      kind: 'update', taskId: String(ws.taskA), field: 'text', before: '地区生产总值增长6.8%左右', after: '地区生产总值增长7%左右', stale: false, version: before.version,
    })]);
    expect(await taskVersion(ws.taskA)).toEqual(before); // comparing writes nothing

    const confirmed = confirmAll(updates(res.body));
    const applied = await client.call('POST', `/api/plans/${ws.planId}/ledger/apply`, { as: admin, body: confirmed });
    expect(applied.status).toBe(200);
    expect(await taskVersion(ws.taskA)).toEqual({ version: before.version + 1, text: '地区生产总值增长7%左右' });
    const audited = await db().query<{ action: string; after: { text: string } }>(
      `SELECT action, after FROM audit_log WHERE entity = 'task' AND entity_id = $1 AND action = 'task.ledger-apply'`, [String(ws.taskA)]);
    expect(audited.rows).toEqual([{ action: 'task.ledger-apply', after: { text: '地区生产总值增长7%左右' } }]);

    // The same confirmation again carries the old version: 409, and nothing is written.
    const again = await client.call('POST', `/api/plans/${ws.planId}/ledger/apply`, { as: admin, body: { changes: [{ ...confirmed.changes[0], after: '地区生产总值增长8%左右' }] } });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    expect(again.body.stale).toEqual([{ taskId: ws.taskA, currentVersion: before.version + 1 }]);
    expect(await taskVersion(ws.taskA)).toEqual({ version: before.version + 1, text: '地区生产总值增长7%左右' });

    // A further edit in the workbook exported before the apply is flagged stale.
    editCell(wb, '地区生产总值增长7%左右', '序号', '1.1');
    expect(updates((await diff(await bytesOf(wb))).body)).toEqual([expect.objectContaining({ field: 'no', after: '1.1', stale: true, version: before.version + 1 })]);
  });

  it('applies progress typed into the ledger as an accepted report, and the new ledger reads back unchanged', async () => {
    const wb = await workbook(await download(admin));
    editCell(wb, '新增停车位15000个', '最新进展', '已新增停车位6000个');
    editCell(wb, '新增停车位15000个', '进度', 0.4);
    const res = await diff(await bytesOf(wb));
    expect(updates(res.body).map((c) => c.field).sort()).toEqual(['percent', 'progress']);
    const applied = await client.call('POST', `/api/plans/${ws.planId}/ledger/apply`, {
      as: admin,
      body: confirmAll(updates(res.body)),
    });
    expect(applied.status).toBe(200);
    const report = await db().query<{ percent: number; narrative: string; status: string; period: string }>(
      'SELECT percent, narrative, status, period FROM progress_reports WHERE task_id = $1', [ws.taskB]);
    expect(report.rows).toEqual([{ percent: 40, narrative: '已新增停车位6000个', status: 'accepted', period: '2020-06' }]);
    const again = await diff(await download(admin));
    expect(again.body.changes).toEqual([]);
  });

  it('refuses a confirmed change whose field changed meanwhile elsewhere (the assignment), applying nothing', async () => {
    const wb = await workbook(await download(admin));
    editCell(wb, '新增停车位15000个', '牵头单位', '市发改委');
    editCell(wb, '新增停车位15000个', '完成时限', '2020-09-30');
    const changes = updates((await diff(await bytesOf(wb))).body);
    expect(changes.map((c) => [c.field, c.before, c.after])).toEqual([['leadUnit', '市科技局', '市发改委'], ['deadline', '', '2020-09-30']]);
    const task = await client.call('GET', `/api/tasks/${ws.taskB}`, { as: admin });
    const reassigned = await client.call('PUT', `/api/tasks/${ws.taskB}/assignment`, { as: admin, body: { version: task.body.assignment.version, leadUnitId: ws.unitA } });
    expect(reassigned.status).toBe(200);
    const applied = await client.call('POST', `/api/plans/${ws.planId}/ledger/apply`, { as: admin, body: confirmAll(changes) });
    expect(applied.status).toBe(409);
    expect(applied.body.stale).toEqual([{ taskId: ws.taskB, field: 'leadUnit', currentVersion: changes[0].version }]);
    const after = await db().query<{ deadline: string | null; version: number }>('SELECT deadline, version FROM tasks WHERE id = $1', [ws.taskB]);
    expect(after.rows[0]).toEqual({ deadline: null, version: changes[0].version });
  });

  it('refuses an unknown unit with 422 and applies nothing', async () => {
    const wb = await workbook(await download(admin));
    editCell(wb, '新增停车位15000个', '牵头单位', '市不存在局');
    editCell(wb, '新增停车位15000个', '工作任务', '新增停车位16000个');
    const res = await diff(await bytesOf(wb));
    const applied = await client.call('POST', `/api/plans/${ws.planId}/ledger/apply`, { as: admin, body: confirmAll(updates(res.body)) });
    expect(applied.status).toBe(422);
    expect((await taskVersion(ws.taskB)).text).toBe('新增停车位15000个');
  });
});
