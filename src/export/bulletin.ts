import { AlignmentType, ImageRun, LineRuleType, Paragraph, type FileChild } from 'docx';
import type { BulletinInput, TaskRow } from './model.ts';
import { allTasks, countByStatus, laggingTasks, livelihoodByDistrict, rankUnits } from './bulletin-data.ts';
import { renderChartSvg, statusChartOption, svgToPng, unitChartOption } from './charts.ts';
import { statusFill, statusLevel } from './colours.ts';
import { addressees, body, chineseDate, heading1, heading2, officialDocument, run, signature, table, title } from './official-doc.ts';
import { typeSize } from './fonts.ts';
import { toPdf, type ConvertOptions } from './pdf.ts';

export function bulletinTitle(input: BulletinInput): string {
  return input.title ?? `${input.period.label}重点工作督查通报`;
}

/** Chart size in pixels: the 156 mm type area at 96 dpi is about 590 px wide. */
const chartWidth = 580;

function chart(svg: string, width: number, height: number): Paragraph {
  // Auto line height: the body's fixed 28 pt pitch would clip the picture to one line.
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 120 },
    children: [new ImageRun({ type: 'png', data: svgToPng(svg), transformation: { width, height } })],
  });
}

function shorten(text: string, max = 48): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

function percent(task: TaskRow): string {
  return task.progress?.percent === undefined ? '—' : `${task.progress.percent}%`;
}

function overview(input: BulletinInput): FileChild[] {
  const tasks = allTasks(input.plan);
  const counts = countByStatus(input.plan);
  const reported = tasks.filter((t) => t.progress?.percent !== undefined);
  const average = reported.length
    ? Math.round(reported.reduce((s, t) => s + (t.progress!.percent ?? 0), 0) / reported.length)
    : undefined;
  const parts = counts.map((c) => `${c.label}${c.count}项`).join('，');
  let text = `纳入督查的${tasks.length}项任务中，${parts}。`;
  if (input.period.expectedProgress !== undefined) text += `截至${chineseDate(input.period.asOf)}，序时进度为${input.period.expectedProgress}%`;
  if (average !== undefined) text += `${input.period.expectedProgress !== undefined ? '，' : ''}已报送任务平均完成进度为${average}%`;
  if (input.period.expectedProgress !== undefined || average !== undefined) text += '。';
  return [
    heading1('一、总体情况'),
    body(text),
    chart(renderChartSvg(statusChartOption(counts), 640, 320), chartWidth, 290),
  ];
}

function lagging(input: BulletinInput): FileChild[] {
  const tasks = laggingTasks(input.plan);
  const blocks: FileChild[] = [heading1('二、进度滞后的任务')];
  if (tasks.length === 0) return [...blocks, body('本期无进度滞后的任务。')];
  const alerts = tasks.filter((t) => statusLevel(t.status!) === 'alert').length;
  blocks.push(body(`共有${tasks.length}项任务亮灯，其中红灯${alerts}项，黄灯${tasks.length - alerts}项，具体如下：`));
  blocks.push(table(
    [
      { header: '序号', share: 0.8 },
      { header: '工作任务', share: 5, align: 'left' },
      { header: '牵头单位', share: 1.8 },
      { header: '配合单位', share: 2.2, align: 'left' },
      { header: '进度', share: 0.9 },
      { header: '状态', share: 1.1 },
    ],
    tasks.map((t) => [String(t.no), shorten(t.text), t.leadUnit ?? '', shorten(t.coUnits.join('、'), 24), percent(t), t.status?.label ?? '']),
    { size: typeSize.五号, fills: tasks.map((t) => [undefined, undefined, undefined, undefined, undefined, statusFill(t.status!.colour)]) },
  ));
  return blocks;
}

function ranking(input: BulletinInput): FileChild[] {
  const ranked = rankUnits(input.units);
  const blocks: FileChild[] = [heading1('三、各单位报送和推进情况')];
  if (ranked.length === 0) return [...blocks, body('本期无单位报送记录。')];
  const best = ranked.filter((u) => u.onTimeRate === 100).length;
  blocks.push(body(`以按时报送率和平均进度对${ranked.length}个牵头单位排序，${best}个单位全部按时报送。`));
  blocks.push(chart(renderChartSvg(unitChartOption(ranked), 640, 400), chartWidth, 362));
  blocks.push(table(
    [
      { header: '排名', share: 0.8 },
      { header: '牵头单位', share: 3, align: 'left' },
      { header: '牵头任务', share: 1.1 },
      { header: '应报次数', share: 1.1 },
      { header: '按时报送率', share: 1.4 },
      { header: '平均进度', share: 1.2 },
      { header: '滞后任务', share: 1.1 },
    ],
    ranked.map((u) => [String(u.rank), u.unit, String(u.tasks), String(u.reportsDue), `${u.onTimeRate}%`, `${u.averageProgress}%`, String(u.lagging)]),
    { size: typeSize.五号 },
  ));
  return blocks;
}

function livelihood(input: BulletinInput): FileChild[] {
  const { districts, rows } = livelihoodByDistrict(input.plan.livelihood);
  if (rows.length === 0) return [];
  const blocks: FileChild[] = [
    heading1('四、民生实事项目推进情况'),
    body('各民生实事项目分区县（市）完成进度（完成量占分解任务的比例）如下：'),
  ];
  blocks.push(table(
    [
      { header: '项目及指标', share: 4, align: 'left' },
      ...districts.map((d) => ({ header: d, share: 1 })),
      { header: '合计', share: 2 },
    ],
    rows.map((r) => [
      `${r.project}：${r.label}（${r.unit}）`,
      ...districts.map((d) => (r.byDistrict.get(d) === undefined ? (r.byDistrict.has(d) ? '—' : '') : `${r.byDistrict.get(d)}%`)),
      `${Math.round(r.doneTotal * 10) / 10}/${Math.round(r.quotaTotal * 10) / 10}`,
    ]),
    { size: 9 },
  ));
  return blocks;
}

/** The supervision bulletin (督查通报) as .docx, charts drawn on the server and embedded as PNG. */
export function writeBulletin(input: BulletinInput): Promise<Uint8Array> {
  const heading = bulletinTitle(input);
  const lead = `为推动《${input.plan.title}》各项任务落实，对截至${chineseDate(input.period.asOf)}的推进情况进行了督查。现将有关情况通报如下：`;
  const children: FileChild[] = [
    ...title(heading),
    ...(input.issue ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(`（${input.issue}）`)] })] : []),
    addressees(input.plan.addressees ?? '各有关单位'),
    body(lead),
    ...overview(input),
    ...lagging(input),
    ...ranking(input),
    ...livelihood(input),
    heading1(`${input.plan.livelihood.length ? '五' : '四'}、下步工作要求`),
    heading2('（一）加快滞后任务推进。'),
    body('进度滞后的任务，牵头单位要分析原因、制定措施，明确完成时间节点，确保按期完成年度目标。'),
    heading2('（二）按时报送推进情况。'),
    body('各单位要落实专人，按规定时间报送进展和佐证材料，确保数据真实准确。'),
    ...signature(input.issuer, input.date),
  ];
  return officialDocument(children, { title: heading });
}

/** The bulletin as PDF, through LibreOffice (see pdf.ts). */
export async function writeBulletinPdf(input: BulletinInput, options: Omit<ConvertOptions, 'format'> = {}): Promise<Uint8Array> {
  return toPdf('bulletin.docx', await writeBulletin(input), options);
}
