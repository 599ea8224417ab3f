import { createReadStream, existsSync, statSync } from 'node:fs';
import { RENDERER_CSP } from '../../shared/csp';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  // The page URL carries the access token; never hand it to anyone as a Referer.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Serves the built renderer. Any path that is not a file (e.g. `/tray`) gets index.html,
 * because those are routes the renderer handles itself.
 */
export function serveRendererFile(root: string, pathname: string, response: ServerResponse): void {
  const file = resolveInside(root, assetPath(pathname));
  const target = file && existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html');
  const isIndex = target.endsWith(`${sep}index.html`);
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[extname(target)] ?? 'application/octet-stream',
    'Cache-Control': isIndex ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  createReadStream(target).pipe(response);
}

/**
 * The renderer is built with relative asset URLs (Electron loads it from disk), so a page at
 * a nested route such as /lead/42 asks for /lead/assets/x.js: serve it from /assets/.
 */
function assetPath(pathname: string): string {
  const at = pathname.lastIndexOf('/assets/');
  return at > 0 ? pathname.slice(at) : pathname;
}

function resolveInside(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const candidate = normalize(join(root, decoded));
  return candidate.startsWith(root + sep) ? candidate : null;
}
