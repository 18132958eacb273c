import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/text/read.ts';
import { buildTextPdf } from './read-fixtures.ts';

describe('reading a PDF with a text layer', () => {
  it('rebuilds lines without spaces between Chinese characters and digits', async () => {
    const pdf = buildTextPdf([[
      { x: 72, y: 760, text: '一、2019年工作回顾' },
      { x: 96, y: 740, text: '全年新增城镇就业1.5万人。' },
    ]]);
    const doc = await readDocument(pdf, 'report.pdf');
    expect(doc).toMatchObject({ format: 'pdf', encoding: 'binary-container' });
    expect(doc.text).toBe('一、2019年工作回顾\n全年新增城镇就业1.5万人。');
  });

  it('joins the lines a paragraph wrapped, across pages too, and drops page numbers', async () => {
    const pdf = buildTextPdf([
      [
        { x: 96, y: 760, text: '实现地区生产总值2211亿元，增长7%；完成' },
        { x: 72, y: 745, text: '财政总收入453.4亿元，增长4%。全年新增城镇' },
        { x: 290, y: 40, text: '- 1 -' },
      ],
      [
        { x: 72, y: 760, text: '就业1.5万人。' },
        { x: 96, y: 745, text: '二、2020年主要目标' },
        { x: 290, y: 40, text: '- 2 -' },
      ],
    ]);
    const doc = await readDocument(pdf, 'wrapped.pdf');
    expect(doc.text).toBe('实现地区生产总值2211亿元，增长7%；完成财政总收入453.4亿元，增长4%。全年新增城镇就业1.5万人。\n二、2020年主要目标');
  });

  it('drops bare page numbers that follow the pages, but keeps a number that ends a page as data', async () => {
    const numbered = buildTextPdf(['一', '二', '三'].map((n, i) => [{ x: 72, y: 760, text: `${n}、工作。` }, { x: 290, y: 40, text: String(i + 1) }]));
    expect((await readDocument(numbered, 'n.pdf')).text).toBe('一、工作。\n二、工作。\n三、工作。');
    const table = buildTextPdf([
      [{ x: 72, y: 760, text: '海曙' }, { x: 72, y: 745, text: '10' }],
      [{ x: 72, y: 760, text: '7' }, { x: 72, y: 745, text: '江北' }],
    ]);
    expect((await readDocument(table, 't.pdf')).text).toBe('海曙\n10\n7\n江北');
  });

  it('joins a line whose last number did not fit on the line before', async () => {
    const pdf = buildTextPdf([[
      { x: 72, y: 760, text: '实现批发零售业销售额、网络零售额五千亿元、四百亿元。' },
      { x: 72, y: 745, text: '销售额分别增长一二三四五六七八九十一二三四五' },
      { x: 72, y: 730, text: '15.3%、19.5%。' },
    ]]);
    expect((await readDocument(pdf, 'w.pdf')).text).toBe('实现批发零售业销售额、网络零售额五千亿元、四百亿元。\n销售额分别增长一二三四五六七八九十一二三四五15.3%、19.5%。');
  });

  it('keeps the spaces of Latin text', async () => {
    const doc = await readDocument(buildTextPdf([[{ x: 72, y: 760, text: 'GDP grew by 6.5 percent' }]]), 'en.pdf');
    expect(doc.text).toBe('GDP grew by 6.5 percent');
  });

  const soffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
  it.skipIf(!soffice)('reads a PDF that LibreOffice printed from a Chinese report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-pdf-'));
    try {
      const lines = ['2019年工作回顾', '实现地区生产总值2211亿元，增长7%（区本级1931.8亿元，增长6.9%）。'];
      writeFileSync(join(dir, 'r.txt'), lines.join('\n') + '\n');
      // a private profile: another soffice running at the same time must not lock us out
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'r.txt')], { stdio: 'ignore', timeout: 90_000 });
      const doc = await readDocument(new Uint8Array(readFileSync(join(dir, 'r.pdf'))), 'r.pdf');
      expect(doc.text).toBe(lines.join('\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
