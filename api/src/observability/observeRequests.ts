// Every HTTP request measured and logged: a request id (the caller's X-Request-Id when it is a
// plain token, else a new one; sent back), the interface it reached, the GraphQL operation name,
// the status as an outcome, the duration. /metrics answers here, on or off or behind a token.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from './log.ts';
import { SLOW_REQUEST_MS } from './log.ts';
import type { Metrics, Outcome } from './metrics.ts';

export type MetricsAccess = { enabled: boolean; token: string | null };

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<unknown>;

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const OPERATION = /^\s*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/;

/** The interface a path reaches (a bounded set: the label of the metrics). */
export function interfaceOf(path: string): string {
  if (path === '/graphql') return 'graphql';
  if (path === '/ogc' || path.startsWith('/ogc/')) return 'ogc';
  if (path === '/tiles' || path.startsWith('/tiles/')) return 'tiles';
  if (path === '/metrics') return 'metrics';
  if (path.startsWith('/healthz')) return 'health';
  return 'static';
}

export function outcomeOf(status: number): Outcome {
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'busy';
  if (status >= 500) return 'server_error';
  if (status >= 400) return 'client_error';
  return 'ok';
}

/** The operation's name as the client wrote it (operationName, else the first named operation of the query). */
function operationOf(req: IncomingMessage, url: URL): string | null {
  const fromUrl = url.searchParams.get('operationName') ?? url.searchParams.get('query')?.match(OPERATION)?.[1];
  if (fromUrl) return fromUrl;
  const body = (req as IncomingMessage & { parsedBody?: { operationName?: unknown; query?: unknown } }).parsedBody;
  if (typeof body?.operationName === 'string') return body.operationName;
  return typeof body?.query === 'string' ? (body.query.match(OPERATION)?.[1] ?? null) : null;
}

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export function observeRequests(handle: Handle, metrics: Metrics, log: Logger, access: MetricsAccess, slowMs = SLOW_REQUEST_MS): Handle {
  return async (req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', id);
    const where = interfaceOf(url.pathname);
    res.once('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      const operation = where === 'graphql' ? operationOf(req, url) : null;
      const outcome = outcomeOf(res.statusCode);
      metrics.record(where, operation, outcome, seconds);
      if (where === 'static' || where === 'health' || where === 'metrics') return;
      const line = { requestId: id, interface: where, operation, path: where === 'graphql' ? undefined : url.pathname, method: req.method, status: res.statusCode, outcome, durationMs: Math.round(seconds * 1000) };
      if (seconds * 1000 >= slowMs) log.warn(line, `slow request: ${operation ?? url.pathname} took ${line.durationMs} ms`);
      else if (outcome === 'server_error') log.error(line, 'request failed');
      else log.info(line, 'request');
    });
    if (url.pathname === '/metrics') return answerMetrics(req, res, metrics, access);
    return handle(req, res);
  };
}

async function answerMetrics(req: IncomingMessage, res: ServerResponse, metrics: Metrics, access: MetricsAccess) {
  if (!access.enabled) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  if (access.token) {
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    if (!bearer || !sameToken(bearer, access.token)) {
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer realm="metrics"' }).end('The metrics need "Authorization: Bearer <METRICS_TOKEN>".');
      return;
    }
  }
  res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' }).end(await metrics.text());
}
