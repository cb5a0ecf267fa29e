// The write suite of the editing tests on the real data: callers of every kind (anonymous, editor
// by session, reviewer by API token, admin by OpenID Connect, and bad tokens: expired, forged, for
// another audience, revoked), and helpers that find a facility, a report or a conflict to work on.
import { afterAll, beforeAll } from 'vitest';
import { createApiToken, revokeApiToken } from '../../api/src/modules/accounts/bearer.ts';
import { startWriteSuite, type WriteSuite } from './writeSuite.ts';

// A place in Bövinghausen, inside the city, and one in Bochum, outside it.
export const INSIDE = { longitude: 7.3212, latitude: 51.5163 };
export const OUTSIDE = { longitude: 7.2, latitude: 51.48 };

export const FACILITY_FIELDS =
  'key version name category { key } origin contact { phone email website } openingHours languages offers lastVerified { at by } retired { on reason by } address { formatted } location { longitude latitude }';
export const CHANGE = `facility { ${FACILITY_FIELDS} } audit { action actor entityKey before after reason } reachRecomputed`;

export type EditingSuite = {
  suite: WriteSuite;
  callers: Record<string, Record<string, string>>;
  post: WriteSuite['post'];
  data: WriteSuite['data'];
  rows: WriteSuite['rows'];
  auditCount: () => Promise<number>;
  /** A facility of the city's data to edit, and its current version. */
  someFacility: (category: string, offset?: number) => Promise<{ key: string; version: number }>;
  currentVersion: (key: string) => Promise<number>;
  openReport: (kind: 'problem' | 'proposal') => Promise<number>;
  openConflict: () => Promise<number>;
};

export function useEditingSuite(): EditingSuite {
  const e = { callers: { anonymous: {} } as Record<string, Record<string, string>> } as EditingSuite;
  e.post = (...args) => e.suite.post(...args);
  e.data = (...args) => e.suite.data(...args);
  e.rows = (...args) => e.suite.rows(...args);
  e.auditCount = () => e.suite.auditCount();
  e.someFacility = async (category, offset = 0) => {
    const [row] = await e.rows(`select key, version from facility where category = ? and origin = 'import' order by id offset ? limit 1`, [category, offset]);
    return row as { key: string; version: number };
  };
  e.currentVersion = async (key) => (await e.rows('select version from facility_record where key = ?', [key]))[0].version as number;
  e.openReport = async (kind) => {
    const facility = await e.someFacility('spielplatz', 3);
    const [row] = await e.rows(
      `insert into facility_report (kind, facility_key, changes, message, client_hash) values (?, ?, ?::jsonb, 'Test report text', 'x') returning id`,
      kind === 'problem'
        ? ['problem', facility.key, JSON.stringify({ openingHours: 'Mo-Fr 8-18' })]
        : ['proposal', null, JSON.stringify({ name: 'Familienzentrum Testweg', category: 'familienzentrum', ...INSIDE })],
    );
    return row.id as number;
  };
  e.openConflict = async () => {
    const facility = await e.someFacility('bibliothek');
    await e.rows(`update facility_conflict set status = 'edit_kept' where facility_key = ? and status = 'open'`, [facility.key]);
    const [row] = await e.rows(
      `insert into facility_conflict (facility_key, source_file, incoming, current) values (?, 'test.geojson', (select source_values from facility_record where key = ?), '{}') returning id`,
      [facility.key, facility.key],
    );
    return row.id as number;
  };

  beforeAll(async () => {
    e.suite = await startWriteSuite();
    const { issuer, db } = e.suite;
    const callers = e.callers;
    callers.editor = await e.suite.signedIn('editor', 'Eda Editor', 'editor');
    callers.editor2 = await e.suite.signedIn('editor2', 'Second Editor', 'editor');
    callers.reviewer = await e.suite.apiToken('review-bot', 'reviewer');
    callers.admin = { authorization: `Bearer ${await issuer.token({ sub: 'u-42', name: 'Ada Admin', realm_access: { roles: ['admin'] } })}` };
    callers.expired = {
      authorization: `Bearer ${await issuer.token({ sub: 'u-42', realm_access: { roles: ['admin'] } }, { expiresIn: Math.floor(Date.now() / 1000) - 600 })}`,
    };
    callers.forged = { authorization: `Bearer ${await issuer.token({ sub: 'u-42', realm_access: { roles: ['admin'] } }, { forged: true })}` };
    callers.wrongAudience = { authorization: `Bearer ${await issuer.token({ sub: 'u-42', realm_access: { roles: ['admin'] } }, { audience: 'another-app' })}` };
    const revoked = await createApiToken(db.knex, { name: 'old-bot', role: 'admin', createdBy: 'test', expiresAt: null });
    await revokeApiToken(db.knex, revoked.row.id);
    callers.revoked = { authorization: `Bearer ${revoked.token}` };
  }, 120_000);

  afterAll(async () => {
    await e.suite?.stop();
  });
  return e;
}
