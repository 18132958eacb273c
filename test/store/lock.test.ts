import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataDir, StoreLockedError } from '../../src/store/lock.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'luoshi-lock-'));

describe('data directory lock', () => {
  it('refuses a second holder and names the holding pid', () => {
    const d = dir();
    const release = lockDataDir(d);
    expect(readFileSync(join(d, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDir(d)).toThrow(StoreLockedError);
    expect(() => lockDataDir(d)).toThrow(`in use by process ${process.pid}`);
    release();
    expect(existsSync(join(d, LOCK_FILE))).toBe(false);
    lockDataDir(d)();
  });

  it('refuses another process while this one holds it', () => {
    const d = dir();
    const release = lockDataDir(d);
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e',
      `import('${new URL('../../src/store/lock.ts', import.meta.url).pathname}').then(m => m.lockDataDir(${JSON.stringify(d)}))`]);
    release();
    expect(child.status).not.toBe(0);
    expect(child.stderr.toString()).toContain(`in use by process ${process.pid}`);
  });

  it('takes over a stale lock left by a dead process', () => {
    const d = dir();
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']).stdout.toString().trim();
    writeFileSync(join(d, LOCK_FILE), dead);
    const release = lockDataDir(d);
    expect(readFileSync(join(d, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    release();
  });
});
