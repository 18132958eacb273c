/**
 * The mutation fuzz, run in a worker (see sandbox.ts): each case damages a
 * file built from corpus text and sends it through every reader and parser
 * its format reaches. Collects per-kind figures and every case that broke a rule.
 */
import { analyse } from '../../../src/pipeline.ts';
import { parseBreakdown } from '../../../src/extract/breakdown/index.ts';
import { xlsxTables } from '../../../src/extract/breakdown/xlsx-rows.ts';
import { WorkbookRefused } from '../../../src/extract/breakdown/xlsx-limits.ts';
import { tasksFromReport } from '../../../src/extract/tasks/extract.ts';
import { readDocument } from '../../../src/text/read.ts';
import { RefusedInput } from '../../../src/text/source.ts';
import { MUTATORS } from '../mutate.ts';
import { buildSample, corpusFiles, corpusLines, type SampleFormat } from '../samples.ts';
import { seeded } from '../seeded.ts';
import { finish, startCase, workerInput } from '../worker-side.ts';

export interface KindFigures { cases: number; read: number; refused: number; maxMs: number; totalMs: number }
export interface MutatedResult { figures: Record<string, KindFigures>; failures: string[]; refusals: string[] }

const { seed, casesPerFormat } = workerInput as { seed: number; casesPerFormat: Record<SampleFormat, number> };
const rnd = seeded(seed);
const files = corpusFiles();
const figures: Record<string, KindFigures> = {};
const failures: string[] = [];
const refusals = new Set<string>();
/** A one-line message holds no line break, and no control character that could drive a terminal. */
const CONTROL = /[\u0000-\u001f\u007f]/;
const EXTENSIONS: Record<SampleFormat, string> = { txt: 'txt', html: 'html', docx: 'docx', pdf: 'pdf', xlsx: 'xlsx' };

/** Reading either gives a document or a one-line refusal naming the file; what is read is analysed without error. */
async function throughReaders(bytes: Uint8Array, name: string): Promise<'read' | 'refused'> {
  let doc;
  try {
    doc = await readDocument(bytes, `uploads/${name}`);
  } catch (err) {
    if (!(err instanceof RefusedInput)) throw new Error(`readDocument threw ${(err as Error)?.name}: ${(err as Error)?.message}`);
    if (!err.message.startsWith(`${name}: `) || CONTROL.test(err.message) || err.message.length > 400) throw new Error(`refusal is not one line naming the file: ${JSON.stringify(err.message)}`);
    refusals.add(err.message.slice(name.length + 2).replace(/\d+(\.\d+)?/g, 'N').replace(/\(.*$/, '(…)'));
    return 'refused';
  }
  const analysis = analyse(doc);
  if (!Array.isArray(analysis.quantities)) throw new Error('analyse gave no quantities');
  for (const q of analysis.quantities) {
    if (!(q.span.start >= 0 && q.span.end <= doc.text.length && q.span.start <= q.span.end)) throw new Error(`span ${JSON.stringify(q.span)} outside the text`);
  }
  parseBreakdown({ text: doc.text, blocks: doc.blocks });
  tasksFromReport(doc.text, name);
  return 'read';
}

/** A workbook either gives tables the notice parser reads, or an Error with a message. */
async function throughWorkbook(bytes: Uint8Array): Promise<'read' | 'refused'> {
  let tables;
  try {
    tables = await xlsxTables(bytes);
  } catch (err) {
    if (!(err instanceof Error) || !err.message) throw new Error(`xlsxTables threw a non-error: ${String(err)}`);
    if (err instanceof WorkbookRefused && CONTROL.test(err.message)) throw new Error(`refusal is not one printable line: ${JSON.stringify(err.message)}`);
    refusals.add(`xlsx: ${err.message.replace(/\d+/g, 'N').slice(0, 80)}`);
    return 'refused';
  }
  parseBreakdown({ text: '', tables });
  return 'read';
}

for (const [format, count] of Object.entries(casesPerFormat) as [SampleFormat, number][]) {
  for (let i = 0; i < count; i++) {
    const mutator = rnd.pick(format === 'txt' || format === 'html' ? MUTATORS : MUTATORS.filter((m) => !m.textOnly));
    const kind = `${format} / ${mutator.name}`;
    const label = `${kind} #${i} (seed ${seed})`;
    startCase(kind, label);
    const original = await buildSample(format, corpusLines(files, rnd));
    const other = await buildSample(rnd.pick(['txt', 'html', 'docx', 'pdf'] as const), corpusLines(files, rnd));
    const bytes = mutator.apply(original, rnd, other);
    // A name that lies about the content now and then: readers judge by content first.
    const name = `case-${i}.${rnd.next() < 0.85 ? EXTENSIONS[format] : rnd.pick(['txt', 'docx', 'pdf', 'htm', 'bin'])}`;
    const f = (figures[kind] ??= { cases: 0, read: 0, refused: 0, maxMs: 0, totalMs: 0 });
    const t = performance.now();
    try {
      const outcome = format === 'xlsx' ? await throughWorkbook(bytes) : await throughReaders(bytes, name);
      f[outcome]++;
    } catch (err) {
      failures.push(`${label} as ${name}: ${(err as Error)?.stack?.split('\n').slice(0, 3).join(' | ') ?? String(err)}`);
    }
    const ms = performance.now() - t;
    f.cases++;
    f.totalMs += ms;
    f.maxMs = Math.max(f.maxMs, ms);
  }
}
finish<MutatedResult>({ figures, failures, refusals: [...refusals].sort() });
