// Bundles the CLI and server (src/cli/main.ts and what it loads) into dist/cli/ with esbuild,
// one chunk per command as the sources split them; npm packages stay external. Running the
// bundle instead of the sources through tsx saves the server some 80 MB of memory (tsx's
// loader thread and source maps) and its start-up transpiling. bin/luoshi.mjs uses the
// bundle only while it is newer than every source file.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// `--outdir DIR` (inside the project, so the bundle still finds it) is for the test of the bundle.
const at = process.argv.indexOf('--outdir');
const outdir = at > 0 ? process.argv[at + 1] : `${root}dist/cli`;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [`${root}src/cli/main.ts`],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
writeFileSync(`${outdir}/built-at`, new Date().toISOString() + '\n');
