/**
 * The renderer's Content-Security-Policy, one source for every host: the Electron session adds
 * it as a header, the browser host sends it with every page, and index.html carries the same
 * directives in a meta tag (minus `frame-ancestors`, which a meta tag cannot carry; a test
 * keeps the two in step). Scripts only from the app itself; `connect-src 'self'` covers the
 * bridge WebSocket. Call recordings play inline: `media-src` takes https and the loopback
 * simulators (the Demo workspace's links are http://127.0.0.1:<port>).
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' https: http://127.0.0.1:*",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
