import type { QuantityRecord } from '../extract/quantity.ts';

/**
 * Files for researchers: every target and actual as CSV and JSON Lines, and
 * the data dictionary that explains their columns. One table of fields
 * drives all three, so they cannot drift apart.
 */
export interface DictionaryField {
  /** Column name in the CSV; key in the JSON object (dotted for nested ones). */
  name: string;
  type: string;
  meaning: string;
  example: string;
  csv(record: QuantityRecord): string;
}

const optional = (v: string | number | boolean | undefined): string => (v === undefined ? '' : String(v));

export const dataDictionary: DictionaryField[] = [
  { name: 'doc', type: 'string', meaning: '文件编号：文件名第一个 `_` 或 `.` 之前的部分 / document id', example: '001', csv: (r) => r.doc },
  { name: 'kind', type: 'target | actual', meaning: '目标（计划部分的承诺）或实绩（回顾部分、统计公报的结果）', example: 'target', csv: (r) => r.kind },
  { name: 'indicator', type: 'string', meaning: '指标名称，简体中文，不含动词', example: '地区生产总值', csv: (r) => r.indicator },
  { name: 'measure', type: 'growth | level | delta', meaning: 'growth 增速（增长6.5%）；level 水平值（失业率3.5%以内、2211亿元）；delta 当期增量（新增停车位15000个）', example: 'growth', csv: (r) => r.measure },
  { name: 'direction', type: 'up | down', meaning: '下降/降低/减少/压减/缩小为 down，其余为 up', example: 'up', csv: (r) => r.direction },
  { name: 'value', type: 'number', meaning: '数值，中文数字已转为阿拉伯数字，量级词留在单位中；区间取下限', example: '6.8', csv: (r) => String(r.value) },
  { name: 'value_hi', type: 'number, optional', meaning: '区间上限（6%-6.5% 的 6.5）', example: '', csv: (r) => optional(r.value_hi) },
  { name: 'unit', type: 'string', meaning: '原文单位，含量级词：%、个百分点、亿元、万人；无单位时为空', example: '%', csv: (r) => r.unit },
  { name: 'cmp', type: 'eq | approx | ge | gt | le | lt | range', meaning: '约束方式：左右 approx；以上/不低于 ge；超过/突破 gt；以内/不超过 le；低于 lt；区间 range；否则 eq', example: 'approx', csv: (r) => r.cmp },
  { name: 'stretch', type: 'boolean, optional', meaning: '力争/争取/努力：期望性目标', example: 'false', csv: (r) => optional(r.stretch) },
  { name: 'period', type: 'string, optional', meaning: '数值所属期间：2020、2020H1', example: '2019', csv: (r) => optional(r.period) },
  { name: 'scope', type: 'string, optional', meaning: '分配到的区域或单位（配额表中的区县）', example: '海曙', csv: (r) => optional(r.scope) },
  { name: 'quote', type: 'string', meaning: '原文中陈述该数值的最短分句', example: '地区生产总值增长6.8%左右', csv: (r) => r.quote },
  { name: 'span.start', type: 'integer', meaning: '原文（解码后、规范化前）中的起始字符偏移', example: '1024', csv: (r) => String(r.span.start) },
  { name: 'span.end', type: 'integer', meaning: '原文中的结束字符偏移（不含）', example: '1036', csv: (r) => String(r.span.end) },
  { name: 'section', type: 'string[]', meaning: '所在标题路径，由外到内；CSV 中以 ` > ` 连接', example: '二、2020年主要目标任务 > （一）…', csv: (r) => r.section.join(' > ') },
];

/** RFC 4180: quote a field holding a comma, quote, CR or LF; double its quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const encoder = new TextEncoder();

/** CSV in UTF-8 with a BOM (so Excel reads the Chinese), CRLF line ends, one row per record. */
export function quantitiesCsv(records: readonly QuantityRecord[]): Uint8Array {
  const lines = [dataDictionary.map((f) => csvField(f.name)).join(',')];
  for (const record of records) lines.push(dataDictionary.map((f) => csvField(f.csv(record))).join(','));
  return encoder.encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

/** JSON Lines: one record per line, fields as the record holds them. */
export function quantitiesJsonl(records: readonly QuantityRecord[]): Uint8Array {
  return encoder.encode(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
}

/** The data dictionary as Markdown (docs/data-dictionary.md is this text). */
export function dataDictionaryMarkdown(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '# Data dictionary: targets and actuals',
    '',
    'Files for researchers written by `src/export/research.ts`: `quantities.csv` (UTF-8 with BOM, comma-separated,',
    'RFC 4180 quoting, CRLF line ends; opens in Excel with the Chinese intact) and `quantities.jsonl` (one JSON object',
    'per line, UTF-8 without BOM, the same fields with `span` as an object and `section` as an array).',
    'One row per quantitative statement, following `../shared/spec/quantities.md`. Empty CSV cells mean the field is absent.',
    '',
    '| column | type | meaning | example |',
    '|---|---|---|---|',
    ...dataDictionary.map((f) => `| \`${f.name}\` | ${cell(f.type)} | ${cell(f.meaning)} | ${cell(f.example)} |`),
    '',
  ].join('\n');
}
