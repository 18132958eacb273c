/**
 * Issue 3: reading the seed breakdown notice, suggesting units for its items
 * (with the leave-one-section-out accuracy), and drafting a whole breakdown
 * — tasks, suggestions, sections — of seed 000 and of the largest national
 * report, with seed 001 as history. Times are medians of RUNS runs after
 * one warm-up; the history learning step (parse the notice + build the
 * model) is timed apart from the draft that uses it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { alignReport } from '../src/assign/align.ts';
import { draftFromReport } from '../src/assign/draft.ts';
import { leaveOneSectionOut } from '../src/assign/evaluate.ts';
import { buildModel, suggest } from '../src/assign/suggest.ts';
import { parseBreakdown } from '../src/extract/breakdown/index.ts';
import type { SourceDocument } from '../src/text/source.ts';

const RUNS = 7;
const GOAL_MS = 1000;
const corpus = join(import.meta.dirname, '../../shared/corpus');
const seed = readFileSync(join(corpus, 'seeds/001_99404d979ec21c9c.txt'), 'utf8');

function median<T>(f: () => T, runs = RUNS): { value: T; ms: number; fastest: number; slowest: number } {
  let value = f(); // warm-up: JIT, lazy tables
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = f();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { value, ms: times[Math.floor(runs / 2)], fastest: times[0], slowest: times[runs - 1] };
}

const spread = (t: { ms: number; fastest: number; slowest: number }, runs = RUNS) => `${t.ms.toFixed(0)} ms (median of ${runs}; fastest ${t.fastest.toFixed(0)}, slowest ${t.slowest.toFixed(0)})`;

const parse = median(() => parseBreakdown({ text: seed }));
const items = parse.value.sections.flatMap((s) => s.items);
const learn = median(() => buildModel([parseBreakdown({ text: seed })]));
const model = learn.value;
const suggestions = median(() => items.map((i) => suggest(model, i.text, 5)), 3);
const holdOut = median(() => leaveOneSectionOut(parse.value), 1);

console.log(`breakdown: parse seed 001 (${items.length} items, ${parse.value.projects.length} projects) ${parse.ms.toFixed(1)} ms`);
console.log(`breakdown: history learning step (parse seed 001 + build the model) ${spread(learn)}`);
console.log(`breakdown: suggest for ${items.length} tasks ${suggestions.ms.toFixed(1)} ms (${(suggestions.ms / items.length).toFixed(2)} ms per task)`);
console.log(`breakdown: leave-one-section-out top-1 ${holdOut.value.top1.toFixed(3)}, top-3 ${holdOut.value.top3.toFixed(3)} (${holdOut.ms.toFixed(0)} ms)`);

const source = (path: string): SourceDocument => ({ name: path.split('/').pop()!, format: 'txt', encoding: 'utf-8', text: readFileSync(path, 'utf8') });
const nationalDir = join(corpus, 'national');
const largest = readdirSync(nationalDir).filter((f) => f.endsWith('.txt'))
  .map((f) => join(nationalDir, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0];

for (const path of [join(corpus, 'seeds/000_7841c49be735524f.txt'), largest]) {
  const doc = source(path);
  const draft = median(() => draftFromReport(doc, model));
  const total = draft.ms + learn.ms;
  console.log(`breakdown: draft ${doc.name} (${doc.text.length} chars, ${draft.value.rows.length} tasks in ${draft.value.sections.length} sections, analyse + tasks + suggestions) ${spread(draft)}`);
  console.log(`breakdown: goal < ${GOAL_MS} ms: draft ${draft.ms < GOAL_MS ? 'met' : 'NOT met'}; with the learning step ${total.toFixed(0)} ms, ${total < GOAL_MS ? 'met' : 'NOT met'}`);
}
// Seed 001 is the 2019 notice and seed 000 the 2020 report: not a pair, but the size of one (187 items, one report).
const report2020 = source(join(corpus, 'seeds/000_7841c49be735524f.txt'));
const align = median(() => alignReport(report2020, items), 3);
console.log(`breakdown: align seed 001's ${items.length} items with seed 000 (${align.value.filter((a) => a.sentences.length).length} find a sentence) ${spread(align, 3)}`);
console.log(`breakdown: load average ${loadavg()[0].toFixed(1)} while measuring`);
