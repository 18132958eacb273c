import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { runExtract } from '../../src/cli/extract.ts';
import { inputTree } from './extract-files.ts';

const tree = inputTree();
afterAll(() => rmSync(tree.dir, { recursive: true, force: true }));

/** Runs `luoshi …` in this process and collects what it prints. */
async function luoshi(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { stdout += String(s); return true; });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { stderr += String(s); return true; });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const SUMMARY = /^luoshi extract: (\d+) files?, (\d+) records?, (\d+) errors?, \d+\.\d\d s$/m;

function records(jsonl: string): Record<string, unknown>[] {
  return jsonl.split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

describe('luoshi extract', () => {
  it('writes one spec record per line, with span and section, doc from the file name', async () => {
    const { code, stdout, stderr } = await luoshi('extract', tree.good);
    expect(code).toBe(0);
    const rows = records(stdout);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect(r.doc).toBe('004');
      expect(Object.keys(r).slice(0, 5)).toEqual(['doc', 'kind', 'indicator', 'measure', 'direction']);
      expect(r).toHaveProperty('span.start');
      expect(Array.isArray(r.section)).toBe(true);
    }
    const [, files, count, errors] = SUMMARY.exec(stderr)!;
    expect([files, Number(count), errors]).toEqual(['1', rows.length, '0']);
  });

  it('spans point into the decoded original text', async () => {
    const { stdout } = await luoshi('extract', tree.good);
    const text = readFileSync(tree.good, 'utf8');
    for (const { span } of records(stdout) as { span: { start: number; end: number } }[]) {
      expect(0 <= span.start && span.start < span.end && span.end <= text.length).toBe(true);
    }
  });

  it('walks a folder in sorted order, recursively, skipping hidden and non-report files', async () => {
    const { code, stdout, stderr } = await luoshi('extract', tree.folder);
    expect(code).toBe(0);
    expect(SUMMARY.exec(stderr)?.[1]).toBe('2');
    expect([...new Set(records(stdout).map((r) => r.doc))]).toEqual(['b', 'a']); // b_2020.txt, then nested/a_2019.html
  });

  it('says so when a folder holds no reports', async () => {
    const folder = join(tree.dir, 'data');
    mkdirSync(folder);
    writeFileSync(join(folder, 'answers.json'), '[]');
    const { code, stderr } = await luoshi('extract', folder);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^luoshi: no report files \(\.html .*\) in .*data\nluoshi extract: 0 files, 0 records, 0 errors/);
  });

  it('exits 1 when some files are refused, reporting each in one line and still writing the others', async () => {
    const { code, stdout, stderr } = await luoshi('extract', tree.empty, tree.good, tree.png);
    expect(code).toBe(1);
    expect(records(stdout).length).toBeGreaterThan(10);
    const lines = stderr.trim().split('\n');
    expect(lines).toEqual([
      `luoshi: refused ${tree.empty}: empty file`,
      `luoshi: refused ${tree.png}: not a text document: a PNG image`,
      expect.stringMatching(SUMMARY),
    ]);
    expect(SUMMARY.exec(stderr)?.slice(1, 4)).toEqual(['3', String(records(stdout).length), '2']);
  });

  it.each([
    [['extract', '--format', 'xml', 'x.txt'], /unknown format "xml"/],
    [['extract'], /missing required argument/],
    [['extract', 'no/such/file.txt'], /no such file or folder: no\/such\/file\.txt/],
    [['extract', '--out', '/no/such/dir/out.jsonl', 'PLACEHOLDER'], /cannot write \/no\/such\/dir\/out\.jsonl/],
  ])('exits 2 for bad arguments: %j', async (argv, message) => {
    const { code, stdout, stderr } = await luoshi(...argv.map((a) => (a === 'PLACEHOLDER' ? tree.good : a)));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('--format json writes the same records as one JSON array', async () => {
    const jsonl = records((await luoshi('extract', tree.good)).stdout);
    const { code, stdout } = await luoshi('extract', '--format', 'json', tree.good);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(jsonl);
  });

  it('--format table aligns columns for people', async () => {
    const { stdout } = await luoshi('extract', '--format', 'table', tree.good);
    const [header, rule, first] = stdout.split('\n');
    expect(header).toMatch(/^doc\s+kind\s+indicator\s+measure\s+dir\s+value\s+unit\s+cmp\s+period\s+scope\s+quote$/);
    expect(rule).toMatch(/^-+( +-+)+$/);
    expect(first.startsWith('004 ')).toBe(true);
  });

  it('--format csv writes the data dictionary columns in UTF-8 with a BOM, one row per record', async () => {
    const jsonl = records((await luoshi('extract', tree.good)).stdout);
    const out = join(tree.dir, 'out.csv');
    const { code } = await luoshi('extract', '--format', 'csv', '--out', out, tree.good);
    expect(code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['doc', 'kind', 'indicator']);
    expect(lines).toHaveLength(jsonl.length + 1);
    expect(lines[1].startsWith(`004,${jsonl[0].kind},`)).toBe(true);
  });

  it('--out writes the file whole and leaves no temporary file behind', async () => {
    const out = join(tree.dir, 'out.jsonl');
    const { code, stdout } = await luoshi('extract', '--out', out, tree.good, tree.empty);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(records(readFileSync(out, 'utf8')).length).toBeGreaterThan(10);
    expect(readdirSync(tree.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('draws a progress bar on a terminal when there is more than one file', async () => {
    let err = '';
    const stderr = { isTTY: true, columns: 80, write: (s: string) => { err += s; return true; } };
    const code = await runExtract([tree.good, tree.folder], { format: 'jsonl' }, { stdout: { write: () => true }, stderr, stdin: [] });
    expect(code).toBe(0);
    expect(err).toContain('] 3/3');
    expect(err).toMatch(/\r\x1b\[2Kluoshi extract: 3 files/);
  });

  it('draws no progress bar when stderr is not a terminal', async () => {
    const { stderr } = await luoshi('extract', tree.good, tree.folder);
    expect(stderr).not.toContain('\r');
  });

  it('reads standard input as the document "stdin"', async () => {
    const text = readFileSync(tree.good);
    let out = '';
    const code = await runExtract(['-'], { format: 'jsonl' }, { stdout: { write: (s: string) => { out += s; return true; } }, stderr: { write: () => true }, stdin: [text.subarray(0, 5000), text.subarray(5000)] });
    expect(code).toBe(0);
    const rows = records(out);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r) => r.doc === 'stdin')).toBe(true);
  });
});
