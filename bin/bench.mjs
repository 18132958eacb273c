#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts in turn, each in its own Node process through tsx
// (so one benchmark's memory and JIT state do not colour the next), and fails if any of them fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const benches = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();

const failed = [];
for (const file of benches) {
  console.log(`\n== ${file}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', join('bench', file)], { cwd: root, stdio: 'inherit' });
  const status = r.status ?? r.signal;
  if (status !== 0) failed.push(`${file} (${r.error?.message ?? `exit ${status}`})`);
  console.log(`== ${file}: ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
if (benches.length === 0) failed.push('no bench/*.bench.ts found');
if (failed.length) {
  console.error(`\nbench: ${failed.length} failed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`\nbench: ${benches.length} ran`);
