import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { rowXml, smallWorkbook } from '../fuzz/xlsx-build.ts';

const seed = join(import.meta.dirname, '../../../shared/corpus/seeds/001_99404d979ec21c9c.txt');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true; });
  const spyErr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err += String(s); return true; });
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    spy.mockRestore();
    spyErr.mockRestore();
  }
}

describe('luoshi import-breakdown', () => {
  it('prints the parsed notice and its findings as JSON', async () => {
    const { code, out } = await run(['import-breakdown', seed, '--format', 'json']);
    expect(code).toBe(0);
    const notice = JSON.parse(out);
    expect(notice.sections.flatMap((s: { items: unknown[] }) => s.items)).toHaveLength(187);
    expect(notice.projects).toHaveLength(10);
    expect(notice.findings.filter((f: { code: string }) => f.code.startsWith('QUOTA_')).map((f: { code: string }) => f.code))
      .toEqual(['QUOTA_SUM_MISMATCH', 'QUOTA_SUM_MISMATCH', 'QUOTA_HEADER_MISMATCH']);
    expect(notice.findings[0].span).toEqual({ start: expect.any(Number), end: expect.any(Number) });
  });

  it('prints a table for people', async () => {
    const { code, out } = await run(['import-breakdown', seed, '--format', 'table']);
    expect(code).toBe(0);
    expect(out).toContain('187  深化扫黑除恶专项斗争');
    expect(out).toContain('QUOTA_HEADER_MISMATCH');
  });

  it('refuses an unknown format and a missing file', async () => {
    expect((await run(['import-breakdown', seed, '--format', 'yaml'])).code).toBe(2);
    expect((await run(['import-breakdown', 'no-such-file.txt'])).code).toBe(1);
  });

  it('reads its input as extract does, and prints a refusal in one line naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-notice-'));
    const page = join(dir, 'notice.txt');
    writeFileSync(page, '<!DOCTYPE html><html><body><p>一、重点工作</p><table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td></tr><tr><td>1</td><td>地区生产总值增长6%</td><td>市发展改革委</td></tr></table></body></html>');
    const read = await run(['import-breakdown', page, '--format', 'table']);
    expect(read.code).toBe(0);
    expect(read.out).not.toContain('<td>');
    const png = join(dir, 'scan.txt');
    writeFileSync(png, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    const refused = await run(['import-breakdown', png]);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe('luoshi: scan.txt: not a text document: a PNG image\n');
  });

  it('prints a workbook refusal as it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-notice-'));
    const book = join(dir, 'tasks.xlsx');
    writeFileSync(book, smallWorkbook(rowXml(1, ['序号', '工作任务']) + rowXml(1_000_000, [1, '任务'])));
    const refused = await run(['import-breakdown', book]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^luoshi: tasks\.xlsx: sheet \S+ reaches row 1000000, more than the 20000 a task table holds\n$/);
  });
});
