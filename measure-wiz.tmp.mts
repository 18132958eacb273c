import { Hono } from 'hono';
import { serveWebApp } from '/work/main/src/server/static.ts';
import { readdirSync } from 'node:fs';
const app = new Hono();
const t0 = performance.now();
serveWebApp(app, '/work/main/web/dist');
const files = ['/index.html', ...readdirSync('/work/main/web/dist/assets').map((f) => '/assets/' + f)];
let id = 0, br = 0, gz = 0;
for (const f of files) {
  const a = await (await app.request(f)).arrayBuffer(); id += a.byteLength;
  br += (await (await app.request(f, { headers: { 'accept-encoding': 'br' } })).arrayBuffer()).byteLength;
  gz += (await (await app.request(f, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer()).byteLength;
}
console.log({ files: files.length, ms: Math.round(performance.now() - t0), identityKiB: Math.round(id / 1024), brKiB: Math.round(br / 1024), gzipKiB: Math.round(gz / 1024) });
const t1 = performance.now();
for (let i = 0; i < 100; i++) await (await app.request(files[1], { headers: { 'accept-encoding': 'br' } })).arrayBuffer();
console.log('100 cached requests ms', Math.round(performance.now() - t1));
