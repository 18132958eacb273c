/** A small tree of input files for the extract command's tests, written fresh into a temporary folder. */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const seedPath = join(import.meta.dirname, '../../../shared/corpus/seeds/004_ad8a31608d826934.txt');

export function inputTree(): { dir: string; good: string; empty: string; png: string; folder: string } {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-extract-'));
  const folder = join(dir, 'reports');
  mkdirSync(join(folder, 'nested'), { recursive: true });
  mkdirSync(join(folder, '.hidden'));
  const good = join(dir, '004_copy.txt');
  copyFileSync(seedPath, good);
  copyFileSync(seedPath, join(folder, 'b_2020.txt'));
  writeFileSync(join(folder, 'nested', 'a_2019.html'), '<html><body><p>全年地区生产总值增长6.5%左右。</p></body></html>');
  writeFileSync(join(folder, '.hidden', 'c.txt'), '增长7%');
  writeFileSync(join(folder, '.d.txt'), '增长7%');
  writeFileSync(join(folder, 'notes.json'), '{}');
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const png = join(dir, 'scan.txt');
  writeFileSync(png, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  return { dir, good, empty, png, folder };
}
