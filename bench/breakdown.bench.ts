// Times reading the seed breakdown notice and suggesting units for its items, and prints the suggestion accuracy.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { draftBreakdown } from '../src/assign/draft.ts';
import { leaveOneSectionOut } from '../src/assign/evaluate.ts';
import { buildModel, suggest } from '../src/assign/suggest.ts';
import { parseBreakdown } from '../src/extract/breakdown/index.ts';
import { tasksFromReport } from '../src/extract/tasks/extract.ts';

const seed = readFileSync(join(import.meta.dirname, '../../shared/corpus/seeds/001_99404d979ec21c9c.txt'), 'utf8');

function timed<T>(f: () => T, runs = 5): { value: T; ms: number } {
  let value = f();
  const start = performance.now();
  for (let i = 0; i < runs; i++) value = f();
  return { value, ms: (performance.now() - start) / runs };
}

const parse = timed(() => parseBreakdown({ text: seed }));
const items = parse.value.sections.flatMap((s) => s.items);
const model = timed(() => buildModel([parse.value]));
const suggestions = timed(() => items.map((i) => suggest(model.value, i.text, 5)), 3);
const holdOut = timed(() => leaveOneSectionOut(parse.value), 1);

console.log(`breakdown: parse seed 001 (187 items, 10 projects) ${parse.ms.toFixed(1)} ms`);
console.log(`breakdown: learn model from seed 001 ${model.ms.toFixed(1)} ms`);
console.log(`breakdown: suggest for 187 tasks ${suggestions.ms.toFixed(1)} ms (${(suggestions.ms / items.length).toFixed(2)} ms per task)`);
console.log(`breakdown: leave-one-section-out top-1 ${holdOut.value.top1.toFixed(3)}, top-3 ${holdOut.value.top3.toFixed(3)} (${holdOut.ms.toFixed(0)} ms)`);

const report = readFileSync(join(import.meta.dirname, '../../shared/corpus/seeds/000_7841c49be735524f.txt'), 'utf8');
const draft = timed(() => draftBreakdown(tasksFromReport(report, '000_7841c49be735524f.txt'), buildModel([parseBreakdown({ text: seed })])), 3);
console.log(`breakdown: draft seed 000 (${draft.value.length} tasks, with suggestions learnt from seed 001) ${draft.ms.toFixed(0)} ms`);
const nationalDir = join(import.meta.dirname, '../../shared/corpus/national');
const largest = readdirSync(nationalDir).map((f) => [f.replace(/\.txt$/, ''), readFileSync(join(nationalDir, f), 'utf8')] as const)
  .sort((a, b) => b[1].length - a[1].length)[0];
const national = timed(() => draftBreakdown(tasksFromReport(largest[1], `${largest[0]}.txt`), buildModel([parseBreakdown({ text: seed })])), 3);
console.log(`breakdown: draft national ${largest[0]} (${national.value.length} tasks) ${national.ms.toFixed(0)} ms`);
