import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
/** The pure layers: text in, data out; they run the same in the CLI, the server, a worker and a test. */
const PURE = ['src/text', 'src/outline', 'src/extract', 'src/assign', 'src/track'];
/** Layers that sit above the pure ones, which the pure ones may never reach. */
const ABOVE = ['store', 'server', 'cli', 'export'];

function sources(dir: string): string[] {
  const abs = join(root, dir);
  let entries: string[];
  try { entries = readdirSync(abs); } catch { return []; }
  return entries.flatMap((name) => {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return sources(relative(root, path));
    return name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) found.push(m[1]);
  return found;
}

describe('dependencies point down', () => {
  const files = PURE.flatMap(sources);

  it('finds the pure layers', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s does no I/O and reaches no upper layer', (_name, file) => {
    const code = readFileSync(file, 'utf8');
    const bad = importsOf(code).filter((spec) =>
      /^(node:)?(fs|fs\/promises|net|http|https|child_process|worker_threads)$/.test(spec)
      || ABOVE.some((layer) => new RegExp(`(^|/)${layer}(/|$)`).test(spec.replace(/^(\.\.\/)+/, ''))));
    expect(bad).toEqual([]);
    // the clock is a parameter in the pure layers, never read
    expect(code).not.toMatch(/Date\.now\(|new Date\(\)/);
  });
});
