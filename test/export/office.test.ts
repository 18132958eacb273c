import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertWithOffice, OfficeMissingError } from '../../src/export/pdf.ts';
import { diffLedger } from '../../src/export/ledger-import.ts';
import { writeBreakdownNotice, noticeTitle } from '../../src/export/notice.ts';
import { writeLedger } from '../../src/export/ledger.ts';
import { writeBreakdownXlsx } from '../../src/export/breakdown-xlsx.ts';
import { bulletinTitle, writeBulletin } from '../../src/export/bulletin.ts';
import { reviewTitle, writeReviewDocx } from '../../src/export/review.ts';
import { sampleBulletin, samplePlan, sampleReview } from './fixtures.ts';
import { officeAvailable } from '../helpers/commands.ts';

/**
 * Every document type opened by a real office suite: LibreOffice converts
 * them all to PDF in one run, then poppler counts the pages and reads the
 * text back. Without soffice on PATH (CI installs it) the suite is skipped.
 */
const available = officeAvailable();

describe('converting without LibreOffice', () => {
  it('says clearly that soffice is missing', async () => {
    await expect(convertWithOffice([{ name: 'a.docx', bytes: new Uint8Array() }], { command: '/nonexistent/soffice' }))
      .rejects.toBeInstanceOf(OfficeMissingError);
  });
});

describe.skipIf(!available)('documents opened by LibreOffice', async () => {
  const plan = samplePlan();
  const bulletin = sampleBulletin(plan);
  const review = sampleReview();
  const inputs = [
    { name: 'notice.docx', bytes: await writeBreakdownNotice(plan) },
    { name: 'ledger.xlsx', bytes: await writeLedger(plan) },
    { name: 'breakdown.xlsx', bytes: await writeBreakdownXlsx(plan) },
    { name: 'bulletin.docx', bytes: await writeBulletin(bulletin) },
    { name: 'review.docx', bytes: await writeReviewDocx(review) },
  ];
  // Two LibreOffice runs at once (each has its own profile): the PDFs, and the ledger saved again as xlsx.
  const [pdfs, resaved] = await Promise.all([
    convertWithOffice(inputs, { timeoutMs: 240_000 }),
    convertWithOffice([{ name: 'ledger.xlsx', bytes: inputs[1].bytes }], { format: 'xlsx', timeoutMs: 240_000 }),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-pdf-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function pdf(name: string): { pages: number; text: string } {
    const path = join(dir, name);
    writeFileSync(path, pdfs.get(name)!);
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    return { pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), text: text.replace(/[ \t]+/g, '') };
  }

  it('renders the breakdown notice with its title, items and quota tables', () => {
    const { pages, text } = pdf('notice.pdf');
    // 187 items with two or three lines each and ten projects at 22 lines a page.
    expect(pages).toBeGreaterThan(40);
    expect(pages).toBeLessThan(90);
    expect(text).toContain(noticeTitle(plan).slice(0, 12));
    expect(text).toContain('1.地区生产总值增长6.8%左右');
    expect(text).toContain('牵头领导：陈炳荣');
    expect(text).toContain('老旧住宅小区改造面积');
    expect(text).toContain('—1—');
  });

  it('renders the ledger and the draft breakdown table on landscape pages', () => {
    for (const name of ['ledger.pdf', 'breakdown.pdf']) {
      const { pages, text } = pdf(name);
      expect(pages).toBeGreaterThan(5);
      expect(pages).toBeLessThan(40);
      expect(text).toContain('2019年政府工作报告目标任务责任分解');
      expect(text).toContain('一、2019年经济社会发展主要目标');
      expect(text).toContain('牵头单位');
    }
    expect(pdf('ledger.pdf').text).toContain('最新进展');
  });

  it('renders the bulletin with its tables and charts', () => {
    const { pages, text } = pdf('bulletin.pdf');
    expect(pages).toBeGreaterThan(3);
    expect(pages).toBeLessThan(30);
    expect(text).toContain(bulletinTitle(bulletin).slice(0, 12));
    expect(text).toContain('进度滞后的任务');
    expect(text).toContain('按时报送率');
  });

  it('reads back a ledger that LibreOffice opened and saved again without a change', async () => {
    const diff = await diffLedger(plan, resaved.get('ledger.xlsx')!);
    expect(diff.rowsRead).toBe(187);
    expect(diff.changes).toEqual([]);
  });

  it('renders the review draft on one or two pages', () => {
    const { pages, text } = pdf('review.pdf');
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(text).toContain(reviewTitle(review));
    expect(text).toContain('地区生产总值增长6.8%，完成预期目标。');
  });
}, 300_000);
