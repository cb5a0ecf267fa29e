// Serves the built map (web/dist). Unknown paths without a file extension get index.html, so that
// shared links with a path still open the app.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Sent with every file: no sniffing, no framing, no referrer to other sites, and a content policy
 * that allows only the atlas's own scripts (MapLibre's workers run from blob: URLs; its styles are
 * set inline). An optional basemap (BASEMAP_STYLE_URL) may load styles, tiles and glyphs over https.
 */
export function securityHeaders(basemapConfigured: boolean): Record<string, string> {
  const remote = basemapConfigured ? ' https:' : '';
  return {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      `img-src 'self' data: blob:${remote}`,
      `font-src 'self'${remote}`,
      `connect-src 'self'${remote}`,
      "worker-src 'self' blob:",
      "child-src 'self' blob:",
      "object-src 'none'",
      "base-uri 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
  };
}

export async function serveStatic(root: string, pathname: string, res: ServerResponse, headers: Record<string, string> = {}) {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad path: malformed percent-encoding');
    return;
  }
  if (decoded.includes('\u0000')) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad path');
    return;
  }
  const file = path.resolve(root, `.${decoded}`);
  // Inside the root by path, not by string prefix (a sibling "dist-old" starts with "dist").
  const inside = path.relative(path.resolve(root), file);
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad path');
    return;
  }
  const target = (await isFile(file)) ? file : path.extname(decoded) ? null : path.join(root, 'index.html');
  if (!target || !(await isFile(target))) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const immutable = target.includes(`${path.sep}assets${path.sep}`);
  res.writeHead(200, {
    'content-type': contentTypes[path.extname(target)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(target).pipe(res);
}

async function isFile(file: string) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
