import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { runAlign } from '../../src/cli/align.ts';

const dir = mkdtempSync(join(tmpdir(), 'luoshi-align-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REPORT = `2021年某市政府工作报告
二、2021年主要目标任务
(一)加快建设创新型城市
新认定高新技术企业500家以上,新增科技型中小企业2000家。加快建设甬江实验室,年底前完成一期主体工程。
(二)持续改善民生
新建区域性居家养老服务中心30个。
`;

const NOTICE = `2021年政府工作报告目标任务责任分解
一、加快建设创新型城市
1.加快建设甬江实验室,年底前完成一期主体工程。
牵头领导:陈炳荣
责任单位:市科技局
2.深化国有企业改革。
牵头领导:刘长春
责任单位:市国资委
`;

/** The command's output, collected from the writer it is given. */
async function align(format: string): Promise<string> {
  let out = '';
  await runAlign(join(dir, 'report.txt'), join(dir, 'notice.txt'), format, { write: (s: string) => { out += s; } });
  return out;
}

describe('luoshi align', () => {
  writeFileSync(join(dir, 'report.txt'), REPORT);
  writeFileSync(join(dir, 'notice.txt'), NOTICE);

  it('prints, for each notice item, the report sentence it came from and its offsets', async () => {
    const out = JSON.parse(await align('json'));
    expect(out.summary).toEqual({ items: 2, aligned: 1, meanSimilarity: expect.any(Number) });
    const [first, second] = out.items;
    expect(first).toMatchObject({ item: 1, section: '一、加快建设创新型城市', sentences: [{ text: '加快建设甬江实验室,年底前完成一期主体工程。' }] });
    expect(REPORT.slice(first.span.start, first.span.end)).toBe('加快建设甬江实验室,年底前完成一期主体工程。');
    expect(first.similarity).toBeGreaterThan(0.9);
    expect(second).toMatchObject({ item: 2, sentences: [], tasks: [] });
  });

  it('prints a table for a person', async () => {
    const out = await align('table');
    expect(out).toContain('⇐ 加快建设甬江实验室');
    expect(out).toContain('⇐ (no sentence of the report resembles it)');
    expect(out).toContain('1 of 2 items aligned');
  });

  it('refuses an unknown format with exit code 2', async () => {
    expect(await main(['align', join(dir, 'report.txt'), join(dir, 'notice.txt'), '--format', 'csv'])).toBe(2);
  });
});
