import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { openStore } from '../../src/store/open.ts';
import { docxParts, docxText } from '../export/docx-xml.ts';
import { makeWorkspace } from './harness.ts';

/** `luoshi export` against an embedded workspace directory (the CLI opens PGlite itself). */
describe('luoshi export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-export-cli-'));
  const data = join(dir, 'data');
  let planId = 0;
  beforeAll(async () => {
    const db = await openStore({ data });
    try {
      planId = (await makeWorkspace(db)).planId;
    } finally {
      await db.close();
    }
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the ledger of the only plan to --out, atomically', async () => {
    const out = join(dir, '台账.xlsx');
    expect(await main(['export', 'ledger', '--data', data, '--out', out, '--layout', 'section'])).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['一、主要目标']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 30_000);

  it('writes the notice under its own Chinese name into an --out directory', async () => {
    expect(await main(['export', 'notice', '--data', data, '--plan', String(planId), '--date', '2020-03-01', '--out', dir])).toBe(0);
    const path = join(dir, '2020年政府工作报告目标任务责任分解.docx');
    expect(existsSync(path)).toBe(true);
    const text = docxText(docxParts(new Uint8Array(readFileSync(path))).document);
    expect(text).toContain('2020年3月1日');
    expect(text).toContain('地区生产总值增长6.8%左右');
  }, 30_000);

  it('refuses what it cannot write with a usage error', async () => {
    expect(await main(['export', 'bulletin-docx', '--data', data])).toBe(2);
    expect(await main(['export', 'minutes', '--data', data])).toBe(2);
    expect(await main(['export', 'notice', '--data', data, '--plan', '999'])).toBe(2);
  }, 30_000);
});
