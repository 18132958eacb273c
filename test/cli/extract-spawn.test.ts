import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inputTree } from './extract-files.ts';

const root = join(import.meta.dirname, '../..');
const tree = inputTree();
afterAll(() => rmSync(tree.dir, { recursive: true, force: true }));

/** The real command, as a user runs it. */
function luoshi(args: string[], input?: Buffer) {
  const r = spawnSync(process.execPath, [join(root, 'bin/luoshi.mjs'), ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Each run starts a Node process that compiles the sources: a few runs cover the exit codes.
describe('node bin/luoshi.mjs extract', () => {
  it('exits 0, prints valid JSON Lines for stdin and a folder, and a summary', () => {
    const { code, stdout, stderr } = luoshi(['extract', '-', tree.folder], readFileSync(tree.good));
    expect(code).toBe(0);
    const docs = stdout.trim().split('\n').map((l) => JSON.parse(l).doc);
    expect(docs.length).toBeGreaterThan(10);
    expect(new Set(docs)).toEqual(new Set(['stdin', 'b', 'a']));
    expect(stderr).toMatch(/^luoshi extract: 3 files, \d+ records, 0 errors, \d+\.\d\d s\n$/);
  });

  it('exits 1 when a file is refused', () => {
    const { code, stderr } = luoshi(['extract', tree.good, tree.empty]);
    expect(code).toBe(1);
    expect(stderr).toContain(`luoshi: refused ${tree.empty}: empty file\n`);
  });

  it('exits 2 on a bad argument', () => {
    expect(luoshi(['extract', '--format', 'xml', tree.good]).code).toBe(2);
  });
});
