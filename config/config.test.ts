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
});
