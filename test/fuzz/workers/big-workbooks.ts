/**
 * Workbooks too big for a task table, built and imported in a worker (see
 * sandbox.ts) so the test can watch time and memory per case.
 */
import { parseBreakdown } from '../../../src/extract/breakdown/index.ts';
import { xlsxTables } from '../../../src/extract/breakdown/xlsx-rows.ts';
import { XLSX_LIMITS } from '../../../src/extract/breakdown/xlsx-limits.ts';
import { rowXml, streamedWorkbook } from '../xlsx-build.ts';
import { finish, startCase } from '../worker-side.ts';

export interface WorkbookCase { bytes: number; buildMs: number; importMs: number; outcome: string }

const HEADER = rowXml(1, ['序号', '任务内容', '牵头领导', '牵头单位', '完成时限', '翻番']);
/**
 * Row r of a task table: a task, its leader and unit, and a formula whose cached value is not what
 * it computes. Written out rather than through rowXml: a million rows are 300 MB of XML, and the
 * general builder's per-cell work would dominate the test.
 */
const taskRow = (r: number) => `<row r="${r}"><c r="A${r}"><v>${r - 1}</v></c><c r="B${r}" t="inlineStr"><is><t>新开工重大项目${r}个。</t></is></c><c r="C${r}" t="inlineStr"><is><t>张伟</t></is></c><c r="D${r}" t="inlineStr"><is><t>市发改委</t></is></c><c r="E${r}" t="inlineStr"><is><t>2025年12月底前</t></is></c><c r="F${r}"><f>A${r}*2</f><v>-1</v></c></row>`;
const rowsBlock = (first: number, count: number) => { let xml = first === 1 ? HEADER : ''; for (let r = Math.max(first, 2); r < first + count; r++) xml += taskRow(r); return xml; };

async function run(kind: string, build: () => Promise<Uint8Array>): Promise<WorkbookCase> {
  startCase(`${kind}: build`, `${kind} (building)`);
  let t = performance.now();
  const bytes = await build();
  const buildMs = performance.now() - t;
  startCase(`${kind}: import`, `${kind} (importing)`);
  t = performance.now();
  let outcome: string;
  try {
    const tables = await xlsxTables(bytes);
    const notice = parseBreakdown({ text: '', tables });
    const items = notice.sections.flatMap((s) => s.items);
    outcome = `read ${tables[0].length} rows, ${items.length} items; last row ${JSON.stringify(tables[0].at(-1))}`;
  } catch (err) {
    outcome = `refused: ${(err as Error).message}`;
  }
  return { bytes: bytes.length, buildMs, importMs: performance.now() - t, outcome };
}

const BLOCK = 1000;
const results: Record<string, WorkbookCase> = {
  'a million rows with formulas': await run('a million rows with formulas', () => streamedWorkbook(1_000_000 / BLOCK, (b) => rowsBlock(b * BLOCK + 1, BLOCK))),
  'as many rows as allowed': await run('as many rows as allowed', () => streamedWorkbook(XLSX_LIMITS.maxRows / BLOCK, (b) => rowsBlock(b * BLOCK + 1, BLOCK))),
  'a sheet that inflates to 256 MB': await run('a sheet that inflates to 256 MB', () => streamedWorkbook(256, () => ' '.repeat(1024 * 1024), false)),
};
finish(results);
