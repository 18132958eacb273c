import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * The Content-Security-Policy of every response, API and web app alike. Scripts only from
 * our own origin (the Vite build emits no inline script), so stored text that carries a
 * `<script>` can never run; nobody may frame the app (clickjacking). Styles allow inline
 * because antd writes its CSS-in-JS into <style> elements at run time; images allow
 * data: and blob: for echarts and the downloads the web app builds in the browser.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Security headers for every path: mount with `app.use('*', securityHeaders())` before any route. */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    crossOriginResourcePolicy: 'same-origin',
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
  });
}
