// The OGC API's HTML pages for people: every value escaped, links only from the configured or
// checked base, and a content policy that allows no script at all (the one inline style by its hash).
import { createHash } from 'node:crypto';
import type { ItemPage } from './ogcStore.ts';
import { ATLAS_TITLE } from '../../../../domain/city.ts';

export const escapeHtml = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = 'body{font:15px/1.4 system-ui,sans-serif;margin:1.5rem;max-width:72rem}table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}';

/** Sent with every HTML page: no script, no framing, no plug-ins, no base or form targets elsewhere. */
export const HTML_HEADERS: Record<string, string> = {
  'content-security-policy': [
    "default-src 'none'",
    `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

export function htmlPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head>
<body><p><a href="/ogc?f=html">${ATLAS_TITLE.de}: OGC API - Features</a></p><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

export const linksHtml = (links: { href: string; rel: string; type?: string; title?: string }[]) =>
  `<ul>${links.map((l) => `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.title ?? l.rel)}</a> (${escapeHtml(l.rel)}${l.type ? `, ${escapeHtml(l.type)}` : ''})</li>`).join('')}</ul>`;

export function tableHtml(features: ItemPage['features']): string {
  if (features.length === 0) return '<p>No features.</p>';
  const keys = Object.keys(features[0].properties);
  return `<table><thead><tr><th>id</th>${keys.map((k) => `<th>${escapeHtml(k)}</th>`).join('')}</tr></thead><tbody>${features
    .map((f) => `<tr><td>${escapeHtml(f.id)}</td>${keys.map((k) => `<td>${escapeHtml(f.properties[k])}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}
