import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runReconcile } from '../../src/cli/reconcile.ts';

const national = (year: number) => fileURLToPath(new URL(`../../../shared/corpus/national/${year}.txt`, import.meta.url));

describe('luoshi reconcile TARGETS REVIEW', () => {
  it("lists 2018's targets judged against 2019's review, with the promise-keeping rate", async () => {
    const text = await runReconcile(national(2018), national(2019), { format: 'table' });
    expect(text).toMatch(/^达成\s+国内生产总值 增长6\.5%左右 → 6\.6% \(1\)/m);
    expect(text).toMatch(/^firm targets: \d+ met, \d+ partly met, \d+ missed, \d+ no data; kept \d+%$/m);
  });
  it('gives JSON with each verdict and its reason', async () => {
    const out = JSON.parse(await runReconcile(national(2022), national(2023), { format: 'json' }));
    const gdp = out.rows.find((r: { target: { indicator: string; value: number } }) => r.target.indicator === '国内生产总值' && r.target.value === 5.5);
    expect(gdp).toMatchObject({ verdict: 'missed', actual: { value: 3 } });
    expect(gdp.reason.en).toMatch(/below the target/);
  });
  it('refuses a bad tolerance or format, and a missing file', async () => {
    await expect(runReconcile(national(2018), national(2019), { format: 'table', tolerance: 'abc' })).rejects.toThrow(/tolerance/);
    await expect(runReconcile(national(2018), national(2019), { format: 'xml' })).rejects.toThrow(/unknown format/);
    await expect(runReconcile(national(2018), '/nonexistent/2019.txt', { format: 'table' })).rejects.toThrow(/nonexistent/);
  });
});
