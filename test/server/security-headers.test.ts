import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { serveWebApp } from '../../src/server/static.ts';
import type { Db } from '../../src/store/db.ts';

// These responses never reach the store; opening one would cost seconds for nothing.
const untouched = (): never => { throw new Error('the store is not used by these requests'); };
const db: Db = { kind: 'pglite', query: untouched, exec: untouched, transaction: untouched, close: async () => {} };

function directives(header: string | null): Map<string, string> {
  return new Map((header ?? '').split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name, values.join(' ')] as [string, string];
  }));
}

describe('security headers on API and web app responses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  const app = createApp({ db });
  serveWebApp(app, dir);

  for (const path of ['/api/openapi.json', '/api/no-such-route', '/', '/tasks/12', '/assets/app.js']) {
    it(`${path}: CSP without inline scripts, no framing, no sniffing`, async () => {
      const res = await app.request(path);
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toBe("'self'");
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.get('style-src')).toBe("'self' 'unsafe-inline'");
      expect(csp.get('img-src')).toBe("'self' data: blob:");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(csp.get('object-src')).toBe("'none'");
      expect(csp.get('base-uri')).toBe("'self'");
      expect(csp.get('form-action')).toBe("'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    });
  }

  it('the built index.html itself carries no inline script for the CSP to block', async () => {
    const html = await (await app.request('/')).text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
