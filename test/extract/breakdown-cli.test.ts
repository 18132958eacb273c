import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

const seed = join(import.meta.dirname, '../../../shared/corpus/seeds/001_99404d979ec21c9c.txt');

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true; });
  try {
    const code = await main(args);
    return { code, out };
  } finally {
    spy.mockRestore();
  }
}

describe('luoshi import-breakdown', () => {
  it('prints the parsed notice and its findings as JSON', async () => {
    const { code, out } = await run(['import-breakdown', seed, '--format', 'json']);
    expect(code).toBe(0);
    const notice = JSON.parse(out);
    expect(notice.sections.flatMap((s: { items: unknown[] }) => s.items)).toHaveLength(187);
    expect(notice.projects).toHaveLength(10);
    expect(notice.findings.filter((f: { code: string }) => f.code.startsWith('QUOTA_')).map((f: { code: string }) => f.code))
      .toEqual(['QUOTA_SUM_MISMATCH', 'QUOTA_SUM_MISMATCH', 'QUOTA_HEADER_MISMATCH']);
    expect(notice.findings[0].span).toEqual({ start: expect.any(Number), end: expect.any(Number) });
  });

  it('prints a table for people', async () => {
    const { code, out } = await run(['import-breakdown', seed, '--format', 'table']);
    expect(code).toBe(0);
    expect(out).toContain('187  深化扫黑除恶专项斗争');
    expect(out).toContain('QUOTA_HEADER_MISMATCH');
  });

  it('refuses an unknown format and a missing file', async () => {
    expect((await run(['import-breakdown', seed, '--format', 'yaml'])).code).toBe(2);
    expect((await run(['import-breakdown', 'no-such-file.txt'])).code).toBe(1);
  });
});
