import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runRender } from '../../src/cli/render.ts';
import { diffLedger } from '../../src/export/ledger-import.ts';
import { sampleReview, smallPlan } from './fixtures.ts';

describe('luoshi render', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-render-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const plan = smallPlan();
  const planPath = join(dir, 'plan.json');
  writeFileSync(planPath, JSON.stringify(plan));

  it('writes a ledger from a PlanDoc JSON that reads back without changes', async () => {
    const out = join(dir, 'ledger.xlsx');
    await runRender('ledger', planPath, { out, layout: 'by-unit' }, process.stdout);
    expect((await diffLedger(plan, new Uint8Array(readFileSync(out)))).changes).toEqual([]);
  });

  it('prints the review as Markdown when no --out is given', async () => {
    const reviewPath = join(dir, 'review.json');
    writeFileSync(reviewPath, JSON.stringify(sampleReview()));
    let printed = '';
    await runRender('review-md', reviewPath, {}, { write: (s: string) => { printed += s; } });
    expect(printed).toContain('地区生产总值增长6.8%，完成预期目标。');
  });

  it('refuses an unknown kind, a binary document without --out and the wrong input type', async () => {
    await expect(runRender('poster', planPath, {}, process.stdout)).rejects.toThrow(/unknown document "poster"/);
    await expect(runRender('notice', planPath, {}, process.stdout)).rejects.toThrow(/give --out FILE/);
    await expect(runRender('bulletin', planPath, { out: join(dir, 'b.docx') }, process.stdout)).rejects.toThrow(/not a BulletinInput.*missing period, plan, units/);
  });
});
