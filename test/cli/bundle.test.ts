import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const seed = join(root, '../shared/corpus/seeds/000_7841c49be735524f.txt');
// Inside the project, as dist/cli is: the bundle finds the project (migrations, web/dist) from its own place.
const outdir = join(root, 'dist', `cli-test-${process.pid}`);
const dataDir = mkdtempSync(join(tmpdir(), 'luoshi-bundle-'));

function run(args: string[], viaBundle: boolean) {
  const script = viaBundle
    ? `const { main } = await import(${JSON.stringify(join(outdir, 'main.js'))}); process.exitCode = await main(${JSON.stringify(args)});`
    : `const { register } = await import('tsx/esm/api'); register(); const { main } = await import(${JSON.stringify(join(root, 'src/cli/main.ts'))}); process.exitCode = await main(${JSON.stringify(args)});`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, DATABASE_URL: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  const r = spawnSync(process.execPath, [join(root, 'scripts/build-server.mjs'), '--outdir', outdir], { cwd: root, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

// `npm start` runs the bundle (scripts/build-server.mjs), the tests the sources: both must be one program.
describe('the bundled CLI', () => {
  it('splits the commands into chunks loaded on demand', () => {
    expect(existsSync(join(outdir, 'main.js'))).toBe(true);
    expect(existsSync(join(outdir, 'built-at'))).toBe(true);
  });

  it('extracts exactly what the sources extract', () => {
    const bundled = run(['extract', '--format', 'jsonl', seed], true);
    const source = run(['extract', '--format', 'jsonl', seed], false);
    expect(bundled.code).toBe(0);
    expect(bundled.stdout.split('\n').length).toBeGreaterThan(100);
    expect(bundled.stdout).toBe(source.stdout);
  });

  it('finds the migrations from its own place and opens a workspace', () => {
    const r = run(['user', 'add', 'clerk', '--role', 'viewer', '--data', dataDir], true);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('clerk');
  });
});
