import type { FileChild } from 'docx';
import type { QuantityRecord } from '../extract/quantity.ts';
import type { ReviewEntry, ReviewInput, Verdict } from './model.ts';
import { formatMeasure, formatQuantity } from './quantity-text.ts';
import { body, heading1, officialDocument, table, title } from './official-doc.ts';
import { typeSize } from './fonts.ts';

/** How a verdict is said in a report, and how the table names it. */
const verdictWords: Record<Verdict, { sentence: string; cell: string }> = {
  met: { sentence: '完成预期目标', cell: '完成' },
  exceeded: { sentence: '超额完成预期目标', cell: '超额完成' },
  partly_met: { sentence: '基本完成预期目标', cell: '基本完成' },
  missed: { sentence: '未完成预期目标', cell: '未完成' },
  no_data: { sentence: '完成情况待核实', cell: '待核实' },
};

export function reviewTitle(input: ReviewInput): string {
  return input.title ?? `${input.year}年主要预期目标完成情况`;
}

/** One target in report style: `地区生产总值增长6.8%，完成预期目标。` */
export function reviewSentence(entry: ReviewEntry): string {
  const words = verdictWords[entry.verdict];
  if (!entry.actual) return `${formatQuantity(entry.target)}（预期目标），实际完成情况暂无数据，${words.sentence}。`;
  const short = entry.verdict === 'missed' || entry.verdict === 'partly_met';
  const missed = short ? `（预期目标为${formatMeasure(entry.target)}）` : '';
  return `${actualStatement(entry.actual)}${missed}，${words.sentence}。`;
}

/** The report's own words when its quote names the indicator (接近2.8% says more than any rewrite), else a rewrite. */
function actualStatement(actual: QuantityRecord): string {
  return actual.quote.includes(actual.indicator) ? actual.quote : formatQuantity(actual);
}

function actualText(entry: ReviewEntry): string {
  return entry.actual ? actualStatement(entry.actual) : '';
}

/** Table rows shared by the .docx and the .md. */
function rows(input: ReviewInput): string[][] {
  return input.entries.map((e) => [
    e.target.indicator,
    formatMeasure(e.target),
    actualText(e),
    verdictWords[e.verdict].cell,
    e.source ?? '',
  ]);
}

const headers = ['指标', '预期目标', '实际完成', '完成情况', '数据来源'];

/** `2019年确定的6项主要预期目标中，完成或超额完成4项，未完成1项，待核实1项。` — groups of none left out. */
function summary(year: number, total: number, groups: [string, number][]): string {
  const parts = groups.filter(([, n]) => n > 0).map(([words, n]) => `${words}${n}项`);
  return `${year}年确定的${total}项主要预期目标中，${parts.join('，')}。`;
}

/** The review draft as .docx: a paragraph per target in report style, then the table with sources. */
export function writeReviewDocx(input: ReviewInput): Promise<Uint8Array> {
  const heading = reviewTitle(input);
  const counts = (v: Verdict) => input.entries.filter((e) => e.verdict === v).length;
  const done = counts('met') + counts('exceeded');
  const children: FileChild[] = [
    ...title(heading),
    body(summary(input.year, input.entries.length, [
      ['完成或超额完成', done], ['基本完成', counts('partly_met')], ['未完成', counts('missed')], ['待核实', counts('no_data')],
    ])),
    heading1('一、各项目标完成情况'),
    ...input.entries.map((e) => body(reviewSentence(e))),
    heading1('二、目标与实际对照表'),
    table(
      [
        { header: headers[0], share: 2.2, align: 'left' },
        { header: headers[1], share: 1.8 },
        { header: headers[2], share: 2.6, align: 'left' },
        { header: headers[3], share: 1.2 },
        { header: headers[4], share: 2.4, align: 'left' },
      ],
      rows(input),
      { size: typeSize.五号 },
    ),
  ];
  const notes = input.entries.filter((e) => e.note);
  if (notes.length) {
    children.push(heading1('三、需说明的情况'));
    for (const e of notes) children.push(body(`${e.target.indicator}：${e.note}`));
  }
  return officialDocument(children, { title: heading });
}

function mdCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The same draft as Markdown, for editing into the next report. */
export function writeReviewMarkdown(input: ReviewInput): string {
  const lines = [`# ${reviewTitle(input)}`, ''];
  for (const e of input.entries) lines.push(reviewSentence(e), '');
  lines.push(`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`);
  for (const row of rows(input)) lines.push(`| ${row.map(mdCell).join(' | ')} |`);
  const notes = input.entries.filter((e) => e.note);
  if (notes.length) {
    lines.push('', '## 需说明的情况', '');
    for (const e of notes) lines.push(`- ${e.target.indicator}：${e.note}`);
  }
  return `${lines.join('\n')}\n`;
}
