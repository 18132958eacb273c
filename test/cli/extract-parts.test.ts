import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/cli/walk.ts';
import { ProgressBar } from '../../src/cli/progress.ts';
import { displayWidth, table } from '../../src/cli/record-formats.ts';
import type { QuantityRecord } from '../../src/extract/quantity.ts';
import { inputTree } from './extract-files.ts';

const tree = inputTree();
afterAll(() => rmSync(tree.dir, { recursive: true, force: true }));

describe('expanding the inputs', () => {
  it('lists a folder sorted and recursively, without hidden entries or non-report files', () => {
    const files = expandInputs([tree.folder, '-', tree.good]).map((i) => (i.kind === 'stdin' ? '-' : relative(tree.dir, i.path)));
    expect(files).toEqual([join('reports', 'b_2020.txt'), join('reports', 'nested', 'a_2019.html'), '-', '004_copy.txt']);
  });

  it('names every missing path in one bad-argument error', () => {
    expect(() => expandInputs(['nope.txt', tree.good, 'gone/'])).toThrow('no such file or folder: nope.txt, gone/');
  });
});

describe('the progress bar', () => {
  it('redraws one line in place and prints messages above it', () => {
    let screen = '';
    const bar = new ProgressBar({ columns: 60, write: (s: string) => { screen += s; } }, 4);
    bar.tick('b.txt');
    bar.say('luoshi: refused a.txt: empty file');
    bar.tick('c.txt');
    bar.clear();
    expect(screen).toBe(
      '\r\x1b[2K[#####...............] 1/4 b.txt'
      + '\r\x1b[2Kluoshi: refused a.txt: empty file\n'
      + '\r\x1b[2K[##########..........] 2/4 c.txt'
      + '\r\x1b[2K',
    );
  });
});

describe('the table format', () => {
  const record: QuantityRecord = {
    doc: '004', kind: 'target', indicator: '地区生产总值', measure: 'growth', direction: 'up', value: 6, value_hi: 6.5,
    unit: '%', cmp: 'range', stretch: true, period: '2020', quote: '地区生产总值增长6%-6.5%，力争更好', span: { start: 0, end: 10 }, section: [],
  };

  it('counts Chinese characters two columns wide so the columns line up', () => {
    expect(displayWidth('GDP地区')).toBe(7);
    const [header, , row] = table([record]).split('\n');
    expect(displayWidth(header.slice(0, header.indexOf('measure')))).toBe(displayWidth(row.slice(0, row.indexOf('growth'))));
    expect(row).toContain('6–6.5*');
  });
});
