/**
 * Documents built to exhaust a reader — a .docx that inflates to gigabytes,
 * a 100 MB text — read in a worker (see sandbox.ts) so the test can watch
 * time and memory per case. Input: the names of the cases to run.
 */
import { readFileSync } from 'node:fs';
import { strToU8, unzipSync } from 'fflate';
import { analyse } from '../../../src/pipeline.ts';
import { readDocument } from '../../../src/text/read.ts';
import { buildDocx, para } from '../../text/read-fixtures.ts';
import { corpusFiles } from '../samples.ts';
import { finish, startCase, workerInput } from '../worker-side.ts';
import { deflatedEntry, zipWith } from '../zip-build.ts';

export interface DocumentCase { bytes: number; buildMs: number; readMs: number; outcome: string }

const MB = 1024 * 1024;

/** A .docx whose `part` holds `mb` megabytes of one letter inside a paragraph: 2 GB compress to about 9 MB. */
async function bombDocx(part: string, mb: number): Promise<Uint8Array> {
  const files = unzipSync(buildDocx(para('正文')));
  const fill = new Uint8Array(MB).fill(0x61);
  const entry = await deflatedEntry(part, mb + 2, (i) => (i === 0 ? strToU8('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>') : i === mb + 1 ? strToU8('</w:t></w:r></w:p></w:body></w:document>') : fill), false);
  delete files[part];
  return zipWith(files, entry);
}

/** About `bytes` bytes of report text, every line made unique so no step can fold repeats away. */
function hugeText(bytes: number): Uint8Array {
  const lines = corpusFiles().flatMap((f) => readFileSync(f, 'utf8').split('\n')).filter((l) => l.trim());
  const encoder = new TextEncoder();
  const out = new Uint8Array(bytes);
  let at = 0;
  for (let n = 0; ; n++) {
    const line = encoder.encode(`${lines[n % lines.length]}（${n}）\n`);
    if (at + line.length > bytes) break;
    out.set(line, at);
    at += line.length;
  }
  return out.subarray(0, at);
}

async function run(kind: string, name: string, build: () => Uint8Array | Promise<Uint8Array>, andAnalyse = false): Promise<DocumentCase> {
  startCase(`${kind}: build`, `${kind} (building)`);
  let t = performance.now();
  let bytes: Uint8Array | undefined = await build();
  const size = bytes.length;
  const buildMs = performance.now() - t;
  startCase(`${kind}: read`, `${kind} (reading)`);
  t = performance.now();
  let outcome: string;
  try {
    const doc = await readDocument(bytes, name);
    bytes = undefined; // let the input go before the analysis
    outcome = `read ${doc.text.length} characters`;
    if (andAnalyse) outcome += `, ${analyse(doc).quantities.length} quantities`;
  } catch (err) {
    outcome = `${(err as Error).name}: ${(err as Error).message}`;
  }
  return { bytes: size, buildMs, readMs: performance.now() - t, outcome };
}

const CASES: Record<string, () => Promise<DocumentCase>> = {
  'document.xml inflating to 2 GB': () => run('document.xml inflating to 2 GB', 'bomb.docx', () => bombDocx('word/document.xml', 2048)),
  'styles.xml inflating to 1 GB': () => run('styles.xml inflating to 1 GB', 'styles-bomb.docx', () => bombDocx('word/styles.xml', 1024)),
  '100 MB text, read and analysed': () => run('100 MB text, read and analysed', 'huge.txt', () => hugeText(100_000_000), true),
  'web page of a million elements': () => run('web page of a million elements', 'wide.html', () => strToU8(`<html><body>${'<span>增</span>'.repeat(1_000_000)}</body></html>`)),
  '.docx of 300 000 paragraphs': () => run('.docx of 300 000 paragraphs', 'long.docx', () => buildDocx(para('增长6%。').repeat(300_000))),
};

const results: Record<string, DocumentCase> = {};
for (const name of workerInput as string[]) results[name] = await CASES[name]();
finish(results);
