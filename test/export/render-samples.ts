/**
 * Renders one page of each document type from the sample data to
 * docs/img/*.png (LibreOffice → PDF → pdftoppm at 60 dpi), for docs/exports.md.
 * Run: npx tsx test/export/render-samples.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertWithOffice } from '../../src/export/pdf.ts';
import { writeBreakdownNotice } from '../../src/export/notice.ts';
import { writeLedger } from '../../src/export/ledger.ts';
import { writeBreakdownXlsx } from '../../src/export/breakdown-xlsx.ts';
import { writeBulletin } from '../../src/export/bulletin.ts';
import { writeReviewDocx } from '../../src/export/review.ts';
import { sampleBulletin, samplePlan, sampleReview } from './fixtures.ts';

const images = join(dirname(fileURLToPath(import.meta.url)), '../../docs/img');
const plan = samplePlan();

/** Pages worth showing: the notice's first item page and its first quota table, the bulletin's charts. */
function pageWith(pdfPath: string, needle: string): number {
  const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages = text.split('\f').map((p) => p.replace(/\s+/g, ''));
  const index = pages.findIndex((p) => p.includes(needle));
  return index < 0 ? 1 : index + 1;
}

const documents = [
  { name: 'notice.docx', bytes: await writeBreakdownNotice(plan), pages: ['附件', '老旧住宅小区改造面积'] },
  { name: 'ledger.xlsx', bytes: await writeLedger(plan), pages: ['序号'] },
  { name: 'breakdown.xlsx', bytes: await writeBreakdownXlsx(plan), pages: ['序号'] },
  { name: 'bulletin.docx', bytes: await writeBulletin(sampleBulletin(plan)), pages: ['总体情况', '三、各单位报送和推进情况'] },
  { name: 'review.docx', bytes: await writeReviewDocx(sampleReview()), pages: ['主要预期目标完成情况'] },
];
const pdfs = await convertWithOffice(documents, { timeoutMs: 240_000 });
const dir = mkdtempSync(join(tmpdir(), 'luoshi-render-'));
try {
  for (const doc of documents) {
    const base = doc.name.replace(/\.\w+$/, '');
    const pdfPath = join(dir, `${base}.pdf`);
    writeFileSync(pdfPath, pdfs.get(`${base}.pdf`)!);
    doc.pages.forEach((needle, i) => {
      const page = pageWith(pdfPath, needle);
      const out = join(dir, `${base}-${i + 1}`);
      execFileSync('pdftoppm', ['-r', '60', '-png', '-singlefile', '-f', String(page), '-l', String(page), pdfPath, out]);
      renameSync(`${out}.png`, join(images, `${base}${doc.pages.length > 1 ? `-${i + 1}` : ''}.png`));
      console.log(`${base}: page ${page} → docs/img`);
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
