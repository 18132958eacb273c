import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const seed = join(root, '../shared/corpus/seeds/001_99404d979ec21c9c.txt');

describe('luoshi suggest', () => {
  it('reads task texts on stdin and writes one JSON object per line', () => {
    const out = execFileSync(process.execPath, [join(root, 'bin/luoshi.mjs'), 'suggest', '--history', seed, '--top', '3', '--format', 'jsonl'], {
      input: '新认定高新技术企业600家\n\n新建区域性居家养老服务中心30个\n',
      encoding: 'utf8',
    });
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.task)).toEqual(['新认定高新技术企业600家', '新建区域性居家养老服务中心30个']);
    expect(lines.map((l) => l.units[0].name)).toEqual(['市科技局', '市民政局']);
    expect(lines[0].units).toHaveLength(3);
    expect(lines[0].units[0]).toEqual({ name: '市科技局', score: expect.any(Number), reason: expect.stringContaining('高新技术') });
    expect(lines[1].leaders[0].name).toBe('卞吉安');
  });
});
