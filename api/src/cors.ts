// Cross-origin reading (CORS) for integrators' web apps, one policy for /graphql, /ogc and /tiles
// (CORS_ORIGINS). Never with credentials: the session cookie stays with the atlas's own pages;
// other sites send a bearer token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorsOrigins } from '../../config/config.ts';

/** The CORS headers of an answer to this request under the policy. */
export function corsHeaders(policy: CorsOrigins, req: IncomingMessage, expose: string[] = []): Record<string, string> {
  const origin = req.headers.origin;
  const exposed: Record<string, string> = expose.length ? { 'access-control-expose-headers': expose.join(', ') } : {};
  if (policy === '*') return { 'access-control-allow-origin': '*', ...exposed };
  if (origin && policy.includes(origin)) return { 'access-control-allow-origin': origin, vary: 'Origin', ...exposed };
  return { vary: 'Origin' };
}

/** Answers a preflight (OPTIONS) request: 204 with what may be sent. */
export function answerPreflight(policy: CorsOrigins, req: IncomingMessage, res: ServerResponse, methods: string[], headers: string[]) {
  res
    .writeHead(204, {
      ...corsHeaders(policy, req),
      'access-control-allow-methods': [...methods, 'OPTIONS'].join(', '),
      'access-control-allow-headers': headers.join(', '),
      'access-control-max-age': '600',
    })
    .end();
}
