// Builds the GraphQL server and the HTTP handler (API at /graphql, the map at /) without
// listening, so that tests can run operations with or without HTTP.
import { WALKING } from '../../domain/distance.ts';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Knex } from 'knex';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Lang } from '../../domain/text.ts';
import type { Context } from './context.ts';
import { createLoaders } from './loaders.ts';
import type { CorsOrigins, OidcConfig } from '../../config/config.ts';
import { answerPreflight, corsHeaders } from './cors.ts';
import { compressFor } from './compress.ts';
import { accountOfSession } from './modules/accounts/accountStore.ts';
import { bearerTokenOf, isCrossSite, sessionTokenOf, unauthenticated, type Principal } from './modules/accounts/auth.ts';
import { oidcVerifier, principalOfBearer } from './modules/accounts/bearer.ts';
import { sharedReportLimit } from './modules/editing/reportLimit.ts';
import { clientHasher } from './clientIdentity.ts';
import { Gate } from './analysisGate.ts';
import { LIMITS, queryLimitsPlugin, validationRules } from './queryLimits.ts';
import { resolvers, typeDefs } from './schema.ts';
import { securityHeaders, serveStatic } from './serveStatic.ts';
import { handleOgc } from './modules/ogc/ogcHandler.ts';
import { handleTiles } from './modules/tiles/tileHandler.ts';
import { clientAddressOf, forwardedHttps, type OriginOptions } from './requestOrigin.ts';
import { createLogger, type Logger } from './observability/log.ts';
import { createMetrics } from './observability/metrics.ts';
import { type MetricsAccess, observeRequests } from './observability/observeRequests.ts';
import { answerReadiness } from './observability/readiness.ts';
import { answerBackup } from './adminBackup.ts';

const CLIENT_ERROR_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'QUERY_TOO_EXPENSIVE',
  'SERVER_BUSY',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'VERSION_CONFLICT',
  'RATE_LIMITED',
  'NOT_FOUND',
]);

/** PostgreSQL's code for a statement stopped by statement_timeout. */
const QUERY_CANCELED = '57014';

/**
 * Client mistakes keep their message; a statement stopped by the time limit says so in one log
 * line; anything else is logged with its stack and returned as a generic error.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) return formatted;
  const cause = unwrapResolverError(error) as { code?: string; message?: string };
  if (cause?.code === QUERY_CANCELED) {
    console.error(`query stopped by the statement time limit: ${formatted.path?.join('.') ?? '(no path)'}`);
    return { message: 'The query took too long and was stopped; ask for less per request.', path: formatted.path, extensions: { code: 'QUERY_TIMEOUT' } };
  }
  console.error('internal error:', cause);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

export type AppOptions = {
  db: Knex;
  basemapStyleUrl: string | null;
  /** Walking pace for minutes on foot, metres per minute (default: domain/distance.ts WALKING). */
  walkingMetresPerMinute?: number | null;
  webDistDir: string | null;
  /** Analyses (coverage, gaps, ...) run at once; more wait in a short queue. */
  analysisSlots?: number;
  /** How many analyses may wait for a slot (32), and for how long (60 s). */
  analysisQueue?: number;
  analysisWaitMs?: number;
  /** How long an analysis lets cheap requests in flight go first (the embedded database: 1 s). */
  yieldToCheapMs?: number;
  /** Mark session cookies Secure (served over https). */
  secureCookies?: boolean;
  /** Accept OpenID Connect bearer tokens of this issuer. */
  oidc?: OidcConfig | null;
  /** Web origins that may read the API from a browser (default: every origin). */
  corsOrigins?: CorsOrigins;
  /** The public address for links (PUBLIC_URL) and the reverse proxies whose forwarded headers count (TRUST_PROXY). */
  publicUrl?: string | null;
  trustProxy?: string[];
  /** /metrics: on (default), off, or behind a bearer token. */
  metrics?: MetricsAccess;
  /** The JSON logger (default: pino to stdout at LOG_LEVEL). */
  logger?: Logger;
  /** Writes a backup of the database (POST /admin/backup, admins only); none: not offered. */
  backup?: () => Promise<Buffer>;
  /** A request slower than this is logged as a warning (default 2 s). */
  slowRequestMs?: number;
};

/** What the server needs to know of one request to tell who is asking. */
export type RequestIdentity = {
  sessionToken: string | null;
  /** The Authorization header's bearer token: undefined without one, null when malformed. */
  bearer?: string | null;
  /** The client's address (only its salted hash is kept). */
  address?: string;
  /** Asked over https (a trusted proxy's X-Forwarded-Proto): the session cookie is Secure. */
  https?: boolean;
};

/**
 * Idle keep-alive connections stay open longer than a reverse proxy's (nginx 60 s) and than a
 * client's pause between requests on a busy machine: with Node's 5 s, a client that reuses a
 * connection the server is just closing gets "socket closed" instead of an answer.
 */
export function keepConnectionsAlive(server: Server) {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

export async function createApp(options: AppOptions) {
  // One gate for the analyses of every interface (GraphQL, OGC API, tiles).
  const gate = new Gate(options.analysisSlots ?? 2, options.analysisQueue ?? 32, options.analysisWaitMs ?? 60_000, options.yieldToCheapMs ?? 0);
  const cors = options.corsOrigins ?? '*';
  const origin: OriginOptions = { publicUrl: options.publicUrl ?? null, trustProxy: options.trustProxy ?? [] };
  const apollo = new ApolloServer<Context>({
    typeDefs,
    resolvers,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    validationRules,
    plugins: [
      queryLimitsPlugin(gate),
      // Apollo's landing page loads its scripts from a CDN; the API's documentation is the schema
      // (introspection) and the README.
      ApolloServerPluginLandingPageDisabled(),
      // The cache-control plugin wraps every field's resolver; nothing here uses @cacheControl, and
      // on a list of 150 partners it took more time than the query.
      ApolloServerPluginCacheControlDisabled(),
    ],
    // main.ts owns the signals: it stops the server, closes the database and releases its lock.
    // Apollo's own handler would re-send the signal and kill the process before that.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const oidc = options.oidc ? oidcVerifier(options.oidc) : null;
  // Counted in the database: every process of the atlas sees the same reports.
  const reportLimiter = sharedReportLimit(options.db);
  const hashClient = await clientHasher(options.db);
  const principalOf = async (identity: RequestIdentity): Promise<Principal | null> => {
    if (identity.bearer === null) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    if (identity.bearer !== undefined) return principalOfBearer(options.db, identity.bearer, oidc);
    if (!identity.sessionToken) return null;
    const account = await accountOfSession(options.db, identity.sessionToken);
    return account ? { via: 'session', account_id: account.id, login: account.login, display_name: account.display_name, role: account.role } : null;
  };
  const contextFor = (lang: Lang = 'en', identity: RequestIdentity = { sessionToken: null }, cookies: string[] = []): Context => {
    let viewer: Promise<Principal | null> | null = null;
    return {
      db: options.db,
      loaders: createLoaders(options.db),
      basemapStyleUrl: options.basemapStyleUrl,
      walkingMetresPerMinute: options.walkingMetresPerMinute ?? WALKING.metresPerMinute,
      lang,
      sessionToken: identity.sessionToken,
      viewer: () => {
        viewer ??= principalOf(identity);
        return viewer;
      },
      ...hashClient(identity.address ?? 'local'),
      reportLimiter,
      setCookie: (cookie) => cookies.push(cookie),
      secureCookies: (options.secureCookies ?? false) || identity.https === true,
    };
  };

  const staticHeaders = securityHeaders(options.basemapStyleUrl !== null);

  const identityOf = (req: IncomingMessage): RequestIdentity => ({
    // The session cookie counts only for requests from the atlas's own pages (CSRF).
    sessionToken: isCrossSite(req.headers as Record<string, string>) ? null : sessionTokenOf(req.headers.cookie),
    bearer: bearerTokenOf(req.headers.authorization),
    address: clientAddressOf(req, origin),
    https: forwardedHttps(req, origin),
  });
  const metrics = createMetrics(options.db, gate);
  const log = options.logger ?? createLogger();
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('x-content-type-options', 'nosniff');
    if (url.pathname === '/graphql') {
      if (req.method === 'OPTIONS') return answerPreflight(cors, req, res, ['GET', 'POST'], ['Content-Type', 'Authorization', 'Accept', 'Accept-Language', 'Apollo-Require-Preflight']);
      return handleGraphQL(req, res, url);
    }
    if (url.pathname === '/ogc' || url.pathname.startsWith('/ogc/')) return handleOgc(options.db, req, res, url, { cors, gate, origin });
    if (url.pathname === '/tiles' || url.pathname.startsWith('/tiles/')) return handleTiles(options.db, req, res, url, { cors, gate, origin });
    if (url.pathname === '/admin/backup') return answerBackup(req, res, options.db, contextFor('en', identityOf(req)).viewer, options.backup);
    if (url.pathname === '/healthz/live') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (url.pathname === '/healthz' || url.pathname === '/healthz/ready') return answerReadiness(options.db, res);
    if (options.webDistDir && (req.method === 'GET' || req.method === 'HEAD')) return serveStatic(options.webDistDir, url.pathname, res, staticHeaders);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
  };

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL) {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    try {
      body = await readBody(req);
      // The operation's name for the request log and the metrics (observeRequests).
      (req as IncomingMessage & { parsedBody?: unknown }).parsedBody = body;
      const query = req.method === 'POST' ? (body as { query?: unknown } | undefined)?.query : url.searchParams.get('query');
      if (typeof query === 'string' && query.length > LIMITS.queryChars) throw new Error(`the query text is longer than ${LIMITS.queryChars} characters`);
    } catch (error) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: (error as Error).message, extensions: { code: 'BAD_REQUEST' } }] }));
      return;
    }
    const cookies: string[] = [];
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () =>
        contextFor(
          languageOf(req.headers['accept-language']),
          identityOf(req),
          cookies,
        ),
    });
    for (const [name, value] of result.headers) if (name !== 'vary') res.setHeader(name, value);
    for (const [name, value] of Object.entries(corsHeaders(cors, req))) if (name !== 'vary') res.setHeader(name, value);
    addVary(res, [result.headers.get('vary'), cors === '*' ? undefined : 'Origin']);
    if (cookies.length) res.setHeader('set-cookie', cookies);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      await sendBody(req, res, result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }

  // Every request measured and logged; /metrics answered there.
  const handle = observeRequests(route, metrics, log, options.metrics ?? { enabled: true, token: null }, options.slowRequestMs);
  return { apollo, handle, contextFor, gate, metrics, log, stop: () => apollo.stop() };
}

export type App = Awaited<ReturnType<typeof createApp>>;

/** German when the client's first language is German (Accept-Language: de, de-DE, ...), else English. */
export function languageOf(acceptLanguage: string | undefined): Lang {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first === 'de' || first.startsWith('de-') || first.startsWith('de;') ? 'de' : 'en';
}

/** Adds to the Vary header (several parts of an answer may depend on request headers). */
function addVary(res: ServerResponse, values: (string | undefined)[]) {
  const parts = [String(res.getHeader('vary') ?? ''), ...values].flatMap((v) => (v ?? '').split(',')).map((v) => v.trim()).filter(Boolean);
  if (parts.length) res.setHeader('vary', [...new Set(parts.map((p) => p.toLowerCase()))].join(', '));
}

const MAX_BODY_BYTES = 1_000_000;

async function sendBody(req: IncomingMessage, res: ServerResponse, text: string) {
  addVary(res, ['accept-encoding']);
  const { body, encoding } = await compressFor(req, text);
  if (encoding) {
    res.setHeader('content-encoding', encoding);
    res.setHeader('content-length', body.length);
  }
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error(`request body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!(req.headers['content-type'] ?? '').includes('application/json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('request body is not valid JSON');
  }
}
