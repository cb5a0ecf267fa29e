import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

describe('readConfig', () => {
  it('uses the embedded database by default', () => {
    const config = readConfig({});
    expect(config.database.kind).toBe('pglite');
    expect(config.port).toBe(8080);
  });

  it('lists every problem at once and never repeats the connection string', () => {
    let error: unknown;
    try {
      readConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://secret@host/db', BASEMAP_STYLE_URL: 'ftp://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toHaveLength(3);
    expect(message).not.toContain('secret');
  });

  it('switches to the server with DATABASE_URL', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://u@h/db' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@h/db' });
  });

  it('lets every origin read by default; CORS_ORIGINS names origins or none', () => {
    expect(readConfig({}).corsOrigins).toBe('*');
    expect(readConfig({ CORS_ORIGINS: 'https://gis.example.org, http://localhost:5173/' }).corsOrigins).toEqual(['https://gis.example.org', 'http://localhost:5173']);
    expect(readConfig({ CORS_ORIGINS: 'none' }).corsOrigins).toEqual([]);
    expect(() => readConfig({ CORS_ORIGINS: 'gis.example.org' })).toThrow(/CORS_ORIGINS must be \*, none or origins like https:\/\/gis.example.org.*got "gis.example.org"/);
  });

  it('believes no forwarded headers by default; TRUST_PROXY names proxies by address', () => {
    expect(readConfig({}).trustProxy).toEqual([]);
    expect(readConfig({ TRUST_PROXY: 'none' }).trustProxy).toEqual([]);
    expect(readConfig({ TRUST_PROXY: 'loopback, 10.0.0.5' }).trustProxy).toEqual(['127.0.0.1', '::1', '10.0.0.5']);
    expect(() => readConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must be none, loopback or IP addresses .*got "true"/);
  });

  it('takes the public address as an origin without a path', () => {
    expect(readConfig({}).publicUrl).toBeNull();
    expect(readConfig({ PUBLIC_URL: 'https://versorgungsatlas.example.org/' }).publicUrl).toBe('https://versorgungsatlas.example.org');
    expect(() => readConfig({ PUBLIC_URL: 'https://x.example.org/atlas' })).toThrow(/PUBLIC_URL must be the atlas's origin/);
    expect(() => readConfig({ PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/PUBLIC_URL/);
  });

  it('takes a walking network file and a walking pace, and refuses a pace no one walks', () => {
    const config = readConfig({ STREET_NETWORK: 'regions/arnsberg.osm.pbf', WALKING_SPEED_KMH: '3,5' });
    expect(config.geodata.streetNetwork).toEqual({ file: expect.stringMatching(/regions\/arnsberg\.osm\.pbf$/), licence: null, attribution: null });
    expect(config.walkingMetresPerMinute).toBeCloseTo(58.33, 2);
    expect(readConfig({}).geodata.streetNetwork).toBeNull();
    expect(() => readConfig({ WALKING_SPEED_KMH: '45' })).toThrow(/WALKING_SPEED_KMH must be a pace from 2 to 7 km\/h/);
  });
});

