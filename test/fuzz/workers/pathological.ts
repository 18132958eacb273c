/**
 * Text shaped to make pattern matching backtrack: one long line (or many
 * short ones) made of a single piece of report vocabulary, through every
 * reader and parser, timed per case. Input: the pieces and the line length.
 */
import { parseBreakdown } from '../../../src/extract/breakdown/index.ts';
import { tasksFromReport } from '../../../src/extract/tasks/extract.ts';
import { analyse } from '../../../src/pipeline.ts';
import { readDocument } from '../../../src/text/read.ts';
import { finish, startCase, workerInput } from '../worker-side.ts';

const { pieces, length } = workerInput as { pieces: string[]; length: number };
export type PathologicalTimes = Record<string, { read: number; analyse: number; breakdown: number; tasks: number }>;

const times: PathologicalTimes = {};
for (const piece of pieces) {
  for (const shape of ['one line', 'many lines'] as const) {
    const kind = `${JSON.stringify(piece)} × ${length} chars, ${shape}`;
    startCase(kind, kind);
    const body = shape === 'one line' ? piece.repeat(Math.ceil(length / piece.length)) : `${piece}增长6%。\n`.repeat(Math.ceil(length / (piece.length + 6)));
    const bytes = new TextEncoder().encode(`2025年政府工作报告\n一、2024年工作回顾\n${body}\n二、2025年工作安排\n地区生产总值增长6%。\n`);
    let t = performance.now();
    const doc = await readDocument(bytes, 'pathological.txt');
    const read = performance.now() - t;
    t = performance.now();
    analyse(doc);
    const analysed = performance.now() - t;
    t = performance.now();
    parseBreakdown({ text: doc.text, blocks: doc.blocks });
    const breakdown = performance.now() - t;
    t = performance.now();
    tasksFromReport(doc.text, doc.name);
    times[kind] = { read, analyse: analysed, breakdown, tasks: performance.now() - t };
  }
}
finish(times);
