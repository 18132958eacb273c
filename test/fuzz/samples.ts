import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildDocx, buildTextPdf, corpus, para, row, table } from '../text/read-fixtures.ts';
import type { Random } from './seeded.ts';

/** The formats a fuzz case starts from, each built from real report text. */
export type SampleFormat = 'txt' | 'html' | 'docx' | 'pdf' | 'xlsx';

export const corpusFiles = (): string[] => ['seeds', 'national'].flatMap((d) => readdirSync(join(corpus, d)).map((f) => join(corpus, d, f)));

/** Whole lines of one corpus report: most of the time a slice of 2–16 KB, sometimes the whole report. */
export function corpusLines(files: string[], rnd: Random): string[] {
  const lines = readFileSync(rnd.pick(files), 'utf8').split('\n');
  if (rnd.next() < 0.1) return lines;
  const from = rnd.int(lines.length);
  const out: string[] = [];
  for (let i = from, size = 0, want = 2048 + rnd.int(14 * 1024); i < lines.length && size < want; i++) {
    out.push(lines[i]);
    size += lines[i].length * 3;
  }
  return out;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function buildSample(format: SampleFormat, lines: string[]): Promise<Uint8Array> {
  const text = lines.join('\n');
  switch (format) {
    case 'txt':
      return new TextEncoder().encode(text);
    case 'html':
      return new TextEncoder().encode(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>报告</title><style>p{color:red}</style><script>var a = "<p>脚本</p>";</script></head><body><nav>首页 &gt; 政务公开</nav><div class="article">${lines.map((l) => `<p>${escapeXml(l)}</p>`).join('')}</div><table><tr><td>海曙区</td><td>10</td></tr></table><div class="footer">主办单位</div></body></html>`);
    case 'docx':
      return buildDocx(lines.map((l) => para(escapeXml(l))).join('') + table(row('序号', '任务', '牵头单位'), row('1', escapeXml(lines[0]?.slice(0, 40) ?? ''), '市发改委')));
    case 'pdf': {
      const short = lines.filter((l) => l.trim()).slice(0, 60).map((l) => l.slice(0, 40));
      const pages = [short.slice(0, 30), short.slice(30)].filter((p) => p.length).map((p) => p.map((l, i) => ({ x: 72, y: 780 - i * 24, text: l })));
      return buildTextPdf(pages.length ? pages : [[{ x: 72, y: 780, text: '增长6%' }]]);
    }
    case 'xlsx': {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('重点工作');
      ws.addRow(['序号', '任务内容', '牵头领导', '牵头单位', '配合单位', '完成时限']);
      lines.filter((l) => l.trim()).slice(0, 40).forEach((l, i) => ws.addRow([i + 1, l.slice(0, 80), '张伟', '市发改委', '市财政局', '2025年12月底前']));
      ws.getCell('G2').value = { formula: 'A2*2', result: 2 };
      return new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
    }
  }
}
