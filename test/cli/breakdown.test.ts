import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { DraftPlan } from '../../src/assign/draft.ts';
import { main } from '../../src/cli/main.ts';
import { readNoticeFile } from '../../src/cli/import-breakdown.ts';
import { runBreakdown } from '../../src/cli/breakdown.ts';
import { convertWithOffice } from '../../src/export/pdf.ts';
import { parseBreakdown } from '../../src/extract/breakdown/index.ts';
import { docxParts, docxText } from '../export/docx-xml.ts';
import { officeAvailable } from '../helpers/commands.ts';

const seeds = join(import.meta.dirname, '../../../shared/corpus/seeds');
const report = join(seeds, '000_7841c49be735524f.txt');
const history = join(seeds, '001_99404d979ec21c9c.txt');
const dir = mkdtempSync(join(tmpdir(), 'luoshi-breakdown-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `luoshi breakdown` in process; the date is fixed so the files do not depend on the clock. */
async function breakdown(out: string, ...args: string[]): Promise<number> {
  return main(['breakdown', report, '--history', history, '--date', '2020-02-20', '--out', join(dir, out), ...args]);
}

describe('luoshi breakdown', async () => {
  // One draft in each format, from the 2020 report with the 2019 notice as history.
  const codes = await Promise.all([breakdown('draft.json'), breakdown('draft.md'), breakdown('table.xlsx'), breakdown('notice.docx')]);
  const draft = JSON.parse(readFileSync(join(dir, 'draft.json'), 'utf8')) as DraftPlan;

  it('writes every format and exits 0', () => {
    expect(codes).toEqual([0, 0, 0, 0]);
    expect(draft.rows.length).toBeGreaterThan(150);
    expect(draft.rows[0].suggestions.units.length).toBeGreaterThan(1);
    expect(readFileSync(join(dir, 'draft.md'), 'utf8')).toContain('## 一、2020年经济社会发展主要预期目标');
  });

  it('writes the table: merged section rows, one row per task, the seven columns', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(dir, 'table.xlsx')) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const header = rows.findIndex((r) => r[0] === '序号');
    expect(rows[header]).toEqual(['序号', '工作任务', '牵头领导', '牵头单位', '配合单位', '完成时限', '指标']);
    const taskRows = rows.filter((r) => /^\d+$/.test(r[0]));
    expect(taskRows.map((r) => r[1])).toEqual(draft.rows.map((r) => r.task));
    expect(taskRows[0][3]).toBe('市发改委');
    expect(taskRows[0][6]).toContain('6.5%');
    const merged = (sheet.model as { merges?: string[] }).merges ?? [];
    expect(merged.length).toBeGreaterThanOrEqual(draft.sections.length);
  });

  it('writes the notice with its title, items, 牵头领导 and 责任单位 lines, in the official fonts', () => {
    const { document, fontTable } = docxParts(new Uint8Array(readFileSync(join(dir, 'notice.docx'))));
    const text = docxText(document);
    expect(text).toContain('宁波市人民政府办公厅关于印发2020年政府工作报告目标任务责任分解的通知');
    expect(text).toContain(`1.${draft.rows[0].task}`);
    expect(text).toContain(`牵头领导：${draft.rows[0].leaders[0]}`);
    expect(text).toContain(`责任单位：${draft.rows[0].leadUnit}、`);
    expect(document).toContain('方正小标宋简体');
    expect(document).toContain('仿宋_GB2312');
    expect(fontTable).toContain('w:altName');
  });

  it('reads back through the notice parser as it was drafted: texts, leaders, lead units, co-units, deadlines', async () => {
    for (const file of ['table.xlsx', 'notice.docx']) {
      const notice = parseBreakdown(await readNoticeFile(join(dir, file)));
      expect(notice.findings.filter((f) => f.severity !== 'info')).toEqual([]);
      expect(notice.sections.map((s) => s.title)).toEqual(draft.sections.map((s) => s.title));
      const items = notice.sections.flatMap((s) => s.items);
      expect(items.map((i) => [i.no, i.text, i.leaders, i.leadUnit, i.coUnits, i.deadline]))
        .toEqual(draft.rows.map((r) => [r.no, r.task, r.leaders, r.leadUnit, r.coUnits, r.deadline?.phrase]));
    }
  });

  it('drafts without history from the built-in duties, to stdout', async () => {
    let out = '';
    const plain = await runBreakdown(report, { format: 'md' }, { write: (s: string) => { out += s; } }, '2020-02-20');
    expect(out.startsWith('# 2020年政府工作报告目标任务责任分解\n')).toBe(true);
    expect(plain.rows.map((r) => r.task)).toEqual(draft.rows.map((r) => r.task));
    expect(plain.rows.every((r) => r.leaders.length === 0)).toBe(true);
    expect(plain.rows[0].leadUnit).toBe('市发改委');
  });

  it('refuses what it cannot do, with exit code 2', async () => {
    expect(await main(['breakdown', report, '--format', 'docx'])).toBe(2);
    expect(await main(['breakdown', report, '--format', 'pdf', '--out', join(dir, 'x.pdf')])).toBe(2);
    expect(await main(['breakdown', join(dir, 'missing.txt'), '--out', join(dir, 'y.json')])).toBe(1);
  });
});

describe.skipIf(!officeAvailable())('the draft opened by LibreOffice', async () => {
  const draft = JSON.parse(readFileSync(join(dir, 'draft.json'), 'utf8')) as DraftPlan;
  const pdfs = await convertWithOffice([
    { name: 'table.xlsx', bytes: new Uint8Array(readFileSync(join(dir, 'table.xlsx'))) },
    { name: 'notice.docx', bytes: new Uint8Array(readFileSync(join(dir, 'notice.docx'))) },
  ], { timeoutMs: 240_000 });

  /** The PDF's text without whitespace and page-number footers (— 33 —), which split a paragraph across pages. */
  function pdfText(name: string): string {
    const path = join(dir, name);
    writeFileSync(path, pdfs.get(name)!);
    return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).replace(/—\s*\d+\s*—/g, '').replace(/\s+/g, '');
  }
  const missing = (text: string) => draft.rows.filter((r) => !text.includes(r.task.replace(/\s+/g, ''))).map((r) => r.no);

  it('keeps every task text of the table', () => {
    const text = pdfText('table.pdf');
    expect(text).toContain('2020年政府工作报告目标任务责任分解');
    expect(missing(text)).toEqual([]);
  });

  it('keeps every task text of the notice, numbered, with its lines', () => {
    const text = pdfText('notice.pdf');
    expect(text).toContain('关于印发2020年政府工作报告目标任务责任分解的通知');
    expect(missing(text)).toEqual([]);
    expect(text).toContain(`2.${draft.rows[1].task}牵头领导：${draft.rows[1].leaders[0]}`);
  });
}, 300_000);
