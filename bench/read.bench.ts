/**
 * Reading speed per input form: the national corpus as UTF-8, GB18030,
 * UTF-16, one web page and one .docx per report, and the 2025 report as a
 * text PDF (hand-built, 40 characters a line). Median of RUNS runs; MB/s is
 * of the decoded text in UTF-8, so the forms compare on the same measure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument } from '../src/text/read.ts';
import { buildDocx, buildTextPdf, encodeGb18030, encodeUtf16, para, type PdfRun } from '../test/text/read-fixtures.ts';

const RUNS = 5;
const dir = join(import.meta.dirname, '../../shared/corpus/national');
const reports = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const printable = (s: string) => { try { encodeGb18030(s); return true; } catch { return false; } };

function pdfPages(text: string): PdfRun[][] {
  const lines = text.split('\n').flatMap((l) => l.match(/.{1,40}/g) ?? []).filter(printable);
  const pages: PdfRun[][] = [];
  for (let i = 0; i < lines.length; i += 45) pages.push(lines.slice(i, i + 45).map((text, k) => ({ x: 72, y: 780 - k * 16, text, size: 12 })));
  return pages;
}

const forms: [string, { name: string; bytes: Uint8Array }[]][] = [
  ['UTF-8 .txt', reports.map((r) => ({ name: r.name, bytes: new TextEncoder().encode(r.text) }))],
  ['GB18030 .txt', reports.map((r) => ({ name: r.name, bytes: encodeGb18030(r.text.split('\n').filter(printable).join('\n')) }))],
  ['UTF-16LE .txt', reports.map((r) => ({ name: r.name, bytes: encodeUtf16(r.text, 'le', true) }))],
  ['.html', reports.map((r) => ({ name: r.name.replace('.txt', '.html'), bytes: new TextEncoder().encode(`<html><head><script>x()</script></head><body><nav>首页</nav>${r.text.split('\n').map((l) => `<p>${escape(l)}</p>`).join('\n')}</body></html>`) }))],
  ['.docx', reports.map((r) => ({ name: r.name.replace('.txt', '.docx'), bytes: buildDocx(r.text.split('\n').map((l) => para(escape(l))).join('')) }))],
  ['.pdf (2025 only)', [{ name: '2025.pdf', bytes: buildTextPdf(pdfPages(reports.at(-1)!.text)) }]],
];

for (const [form, files] of forms) {
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run <= RUNS; run++) {
    bytes = 0;
    const start = performance.now();
    for (const f of files) bytes += Buffer.byteLength((await readDocument(f.bytes, f.name)).text, 'utf8');
    if (run > 0) times.push(performance.now() - start); // run 0 warms up
  }
  const median = times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  console.log(`read ${form.padEnd(17)} ${(bytes / 1e6).toFixed(2)} MB of text in ${median.toFixed(0).padStart(5)} ms: ${(bytes / 1e6 / (median / 1000)).toFixed(1).padStart(6)} MB/s`);
}
