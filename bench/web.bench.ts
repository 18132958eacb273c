/**
 * The web app's figures: the production build's size (gzipped, first load
 * and total) and the time to first meaningful render of the dashboard —
 * Chromium with an empty cache, localhost, the demo workspace — as the
 * median of several runs. Run: npx tsx bench/web.bench.ts [runs]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ADMIN_PASSWORD, apiClient, DIST, ensureWebBuilt, launchBrowser, startServer } from '../test/e2e/harness.ts';

const RUNS = Number(process.argv[2] ?? 7);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

/** Gzipped bytes of every asset, and of what index.html loads before any lazy chunk. */
function buildSize() {
  const gz = (f: string) => gzipSync(readFileSync(f), { level: 9 }).length;
  const all = files(DIST).filter((f) => /\.(js|css|html|svg)$/.test(f));
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => join(DIST, m[1]));
  return { totalGzip: all.reduce((s, f) => s + gz(f), 0), firstLoadGzip: [join(DIST, 'index.html'), ...entry].reduce((s, f) => s + gz(f), 0), files: all.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Stamps the moment the dashboard shows its figures and its progress-by-section bars.
const WATCH = `
  new MutationObserver((_, obs) => {
    if (document.querySelector('[data-testid=dashboard] .ant-statistic') && document.querySelector('[data-testid=rollup-chart] [data-bar]')) {
      window.__meaningful = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });`;

async function dashboardRender(url: string, cookie: string): Promise<number> {
  const browser = await launchBrowser();
  try {
    const [name, value] = cookie.split('=');
    await browser.context.addCookies([{ name, value, url }]);
    await browser.context.addInitScript(WATCH);
    const page = await browser.context.newPage();
    await page.goto(`${url}/dashboard`);
    await page.waitForFunction(() => (window as unknown as { __meaningful?: number }).__meaningful !== undefined, null, { timeout: 30_000 });
    return await page.evaluate(() => (window as unknown as { __meaningful: number }).__meaningful);
  } finally {
    await browser.close();
  }
}

ensureWebBuilt();
const size = buildSize();
console.log(`web build: ${size.files} files, ${(size.totalGzip / 1024).toFixed(1)} KiB gzipped in all, ${(size.firstLoadGzip / 1024).toFixed(1)} KiB gzipped on first load`);
const server = await startServer();
try {
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  await apiClient(server.url, 'admin', ADMIN_PASSWORD); // the store is warm before the first timed run
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await dashboardRender(server.url, cookie));
  console.log(`dashboard first meaningful render (empty cache, localhost, demo workspace): median ${median(times).toFixed(0)} ms over ${RUNS} runs [${times.map((t) => t.toFixed(0)).join(', ')}] (goal < 1500 ms)`);
} finally {
  await server.stop();
}
