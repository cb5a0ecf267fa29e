// The only reader of process.env. Every problem is listed at once, then the caller exits.
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string | null }
  | { kind: 'postgres'; url: string };

export type GeodataConfig = {
  /** Folder with the raw source files, when the user points at one (GEODATA_DIR). */
  dir: string | null;
  /**
   * Folder with the census grid file (CENSUS_DIR); when unset, GEODATA_DIR itself and then its
   * sibling folder named in the manifest (zensus2011) are searched.
   */
  censusDir?: string | null;
  /** Where downloaded files are kept between runs. */
  cacheDir: string;
  /**
   * The walking network (STREET_NETWORK): an OpenStreetMap extract (.osm.pbf) or a GeoJSON of
   * street lines; null = distances are straight lines. Its licence and attribution: OpenStreetMap's
   * for a .pbf, else STREET_NETWORK_LICENCE and STREET_NETWORK_ATTRIBUTION.
   */
  streetNetwork?: { file: string; licence: string | null; attribution: string | null } | null;
};

export type Config = {
  host: string;
  port: number;
  database: DatabaseConfig;
  geodata: GeodataConfig;
  /** Optional MapLibre style URL for a street basemap; the map works without it. */
  basemapStyleUrl: string | null;
  /** Session cookies marked Secure (SECURE_COOKIES=1): when the atlas is served over https. */
  secureCookies: boolean;
  /** OpenID Connect bearer tokens from the city's identity provider (OIDC_ISSUER); null = off. */
  oidc: OidcConfig | null;
  /**
   * Which web origins may read the API from a browser (CORS_ORIGINS): '*' (every origin, the
   * default: reading is public and cross-site requests never carry the session), a list of
   * origins, or none (CORS_ORIGINS=none).
   */
  corsOrigins: CorsOrigins;
  /**
   * The atlas's public address (PUBLIC_URL, e.g. https://versorgungsatlas.dortmund.de): the links
   * of the OGC API and the tiles are built from it. Unset: from the request's Host header (checked).
   */
  publicUrl: string | null;
  /**
   * Addresses of reverse proxies whose X-Forwarded-For/-Proto/-Host are believed (TRUST_PROXY, a
   * list; `loopback` = 127.0.0.1 and ::1). Empty (the default): those headers are ignored.
   */
  trustProxy: string[];
  /**
   * /metrics (Prometheus text format): on by default (METRICS=on), off with METRICS=off; with
   * METRICS_TOKEN set, only for `Authorization: Bearer <METRICS_TOKEN>`.
   */
  metrics: { enabled: boolean; token: string | null };
  /** Scheduled backups of the running atlas (BACKUP_DIR; every BACKUP_EVERY_HOURS, default 24; the newest BACKUP_KEEP, default 7, kept); null: none. */
  scheduledBackups: { dir: string; everyHours: number; keep: number } | null;
  /** Walking pace for minutes on foot (WALKING_SPEED_KMH, 2 to 7; default 4.5 km/h), in metres per minute; null = the default. */
  walkingMetresPerMinute: number | null;
  webDistDir: string;
};

export type CorsOrigins = '*' | string[];

export type OidcConfig = {
  /** The issuer URL; its keys come from <issuer>/.well-known/openid-configuration. */
  issuer: string;
  /** The audience the tokens must be issued for (OIDC_AUDIENCE). */
  audience: string;
  /** Claim with the roles (OIDC_ROLE_CLAIM, default roles; a dotted path like realm_access.roles works). */
  roleClaim: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

export function readConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const text = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : null;
  };

  const port = Number(text('PORT') ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be a whole number from 0 to 65535 (got "${env.PORT}")`);
  }

  const url = text('DATABASE_URL');
  if (url && !/^postgres(ql)?:\/\//.test(url)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql:// (value not shown)');
  }
  const database: DatabaseConfig = url
    ? { kind: 'postgres', url }
    : { kind: 'pglite', dataDir: path.resolve(projectRoot, text('DATA_DIR') ?? 'data/pglite') };

  const basemapStyleUrl = text('BASEMAP_STYLE_URL');
  if (basemapStyleUrl && !/^https?:\/\//.test(basemapStyleUrl)) {
    problems.push(`BASEMAP_STYLE_URL must be an http(s) URL (got "${basemapStyleUrl}")`);
  }

  const secure = text('SECURE_COOKIES') ?? '0';
  if (!['0', '1'].includes(secure)) problems.push(`SECURE_COOKIES must be 0 or 1 (got "${secure}")`);

  const issuer = text('OIDC_ISSUER');
  const audience = text('OIDC_AUDIENCE');
  if (issuer && !/^https?:\/\//.test(issuer)) problems.push(`OIDC_ISSUER must be an http(s) URL (got "${issuer}")`);
  if (issuer && !audience) problems.push('OIDC_AUDIENCE must be set when OIDC_ISSUER is (the client id the tokens are issued for)');

  const cors = text('CORS_ORIGINS') ?? '*';
  const corsOrigins: CorsOrigins = cors === '*' ? '*' : cors === 'none' ? [] : cors.split(',').map((o) => o.trim().replace(/\/$/, ''));
  for (const origin of corsOrigins === '*' ? [] : corsOrigins) {
    if (!/^https?:\/\/[^/\s?#]+$/.test(origin)) problems.push(`CORS_ORIGINS must be *, none or origins like https://gis.example.org separated by commas (got "${origin}")`);
  }

  const publicUrl = text('PUBLIC_URL')?.replace(/\/$/, '') ?? null;
  if (publicUrl && !/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(publicUrl)) {
    problems.push(`PUBLIC_URL must be the atlas's origin like https://versorgungsatlas.example.org, without a path (got "${publicUrl}")`);
  }
  const trustProxy = parseTrustProxy(text('TRUST_PROXY'), problems);
  const metricsSetting = text('METRICS') ?? 'on';
  if (!['on', 'off'].includes(metricsSetting)) problems.push(`METRICS must be on or off (got "${metricsSetting}")`);
  const metricsToken = text('METRICS_TOKEN');
  const backupDir = text('BACKUP_DIR');
  const everyHours = Number(text('BACKUP_EVERY_HOURS') ?? '24');
  const keep = Number(text('BACKUP_KEEP') ?? '7');
  if (!(everyHours >= 1 && everyHours <= 24 * 7)) problems.push(`BACKUP_EVERY_HOURS must be from 1 to 168 (got "${text('BACKUP_EVERY_HOURS')}")`);
  if (!(Number.isInteger(keep) && keep >= 1 && keep <= 365)) problems.push(`BACKUP_KEEP must be a whole number from 1 to 365 (got "${text('BACKUP_KEEP')}")`);
  if (metricsToken !== null && metricsToken.length < 16) problems.push('METRICS_TOKEN must be at least 16 characters (a random string)');
  const speed = text('WALKING_SPEED_KMH');
  const kmh = speed === null ? null : Number(speed.replace(',', '.'));
  if (kmh !== null && !(kmh >= 2 && kmh <= 7)) problems.push(`WALKING_SPEED_KMH must be a pace from 2 to 7 km/h, e.g. 3.5 for small children (got "${speed}")`);

  if (problems.length > 0) throw new ConfigError(problems);
  const geodataDir = text('GEODATA_DIR');
  const censusDir = text('CENSUS_DIR');
  return {
    host: text('HOST') ?? '127.0.0.1',
    port,
    database,
    geodata: {
      dir: geodataDir ? path.resolve(process.cwd(), geodataDir) : null,
      censusDir: censusDir ? path.resolve(process.cwd(), censusDir) : null,
      cacheDir: path.resolve(projectRoot, text('GEODATA_CACHE_DIR') ?? '.cache/geodata'),
      streetNetwork: text('STREET_NETWORK')
        ? { file: path.resolve(process.cwd(), text('STREET_NETWORK')!), licence: text('STREET_NETWORK_LICENCE'), attribution: text('STREET_NETWORK_ATTRIBUTION') }
        : null,
    },
    basemapStyleUrl,
    secureCookies: secure === '1',
    oidc: issuer && audience ? { issuer, audience, roleClaim: text('OIDC_ROLE_CLAIM') ?? 'roles' } : null,
    corsOrigins,
    publicUrl,
    trustProxy,
    metrics: { enabled: metricsSetting === 'on', token: metricsToken },
    scheduledBackups: backupDir ? { dir: path.resolve(process.cwd(), backupDir), everyHours, keep } : null,
    walkingMetresPerMinute: kmh === null ? null : (kmh * 1000) / 60,
    webDistDir: path.resolve(projectRoot, 'web/dist'),
  };
}

/** TRUST_PROXY: none (default), or IPv4/IPv6 addresses separated by commas; `loopback` = 127.0.0.1 and ::1. */
function parseTrustProxy(value: string | null, problems: string[]): string[] {
  if (!value || value === 'none') return [];
  const addresses = value.split(',').map((a) => a.trim()).filter(Boolean).flatMap((a) => (a === 'loopback' ? ['127.0.0.1', '::1'] : [a]));
  for (const address of addresses) {
    if (!isIP(address)) problems.push(`TRUST_PROXY must be none, loopback or IP addresses of proxies separated by commas (got "${address}")`);
  }
  return addresses;
}
