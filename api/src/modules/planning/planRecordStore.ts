// All SQL of stored planning records: scenarios with their changes, and the measures of the
// action plans.
import type { Db } from '../../../../db/connect.ts';
import { storagePoint } from '../../../../db/geometrySql.ts';

// --- Stored scenarios -------------------------------------------------------------------------

export type ScenarioRow = {
  id: number;
  key: string;
  title: string;
  description: string;
  owner_account_id: number | null;
  owner: string;
  version: number;
  created_at: string;
  updated_at: string;
};

export type ScenarioChangeRow = {
  id: number;
  scenario_id: number;
  position: number;
  kind: 'add' | 'close' | 'move' | 'capacity';
  facility_key: string | null;
  category: string | null;
  name: string | null;
  lon: number | null;
  lat: number | null;
  capacity: number | null;
};

const SCENARIO_COLUMNS = `id, key, title, description, owner_account_id, owner, version,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at,
  to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as updated_at`;

export async function scenarioByKey(db: Db, key: string, lock = false): Promise<ScenarioRow | null> {
  const result = await db.raw(`/* planning.scenarioByKey */ select ${SCENARIO_COLUMNS} from scenario where key = ?${lock ? ' for update' : ''}`, [key]);
  return result.rows[0] ?? null;
}

export async function scenariosByIds(db: Db, ids: readonly number[]): Promise<ScenarioRow[]> {
  const result = await db.raw(`/* planning.scenariosByIds */ select ${SCENARIO_COLUMNS} from scenario where id = any(?::int[])`, [[...ids]]);
  return result.rows;
}

export async function listScenarios(db: Db, first: number): Promise<ScenarioRow[]> {
  const result = await db.raw(`/* planning.listScenarios */ select ${SCENARIO_COLUMNS} from scenario order by scenario.updated_at desc, scenario.id desc limit ?`, [first]);
  return result.rows;
}

export async function changesOf(db: Db, scenarioIds: readonly number[]): Promise<ScenarioChangeRow[]> {
  const result = await db.raw(
    /* planning.changesOf */ `
    select id, scenario_id, position, kind, facility_key, category, name,
           ST_X(ST_Transform(geom, 4326)) as lon, ST_Y(ST_Transform(geom, 4326)) as lat, capacity
      from scenario_change where scenario_id = any(?::int[]) order by scenario_id, position`,
    [[...scenarioIds]],
  );
  return result.rows;
}

export async function insertScenario(db: Db, s: { key: string; title: string; description: string; ownerAccountId: number | null; owner: string }): Promise<ScenarioRow> {
  const result = await db.raw(
    `/* planning.insertScenario */ insert into scenario (key, title, description, owner_account_id, owner) values (?, ?, ?, ?, ?) returning ${SCENARIO_COLUMNS}`,
    [s.key, s.title, s.description, s.ownerAccountId, s.owner],
  );
  return result.rows[0];
}

export async function updateScenario(db: Db, id: number, s: { title: string; description: string }): Promise<ScenarioRow> {
  const result = await db.raw(
    `/* planning.updateScenario */ update scenario set title = ?, description = ?, version = version + 1, updated_at = now() where id = ? returning ${SCENARIO_COLUMNS}`,
    [s.title, s.description, id],
  );
  return result.rows[0];
}

export async function deleteScenario(db: Db, id: number) {
  await db.raw('/* planning.deleteScenario */ delete from scenario where id = ?', [id]);
}

export type ChangeValues = {
  kind: ScenarioChangeRow['kind'];
  facility_key: string | null;
  category: string | null;
  name: string | null;
  lon: number | null;
  lat: number | null;
  capacity: number | null;
};

export async function replaceChanges(db: Db, scenarioId: number, changes: ChangeValues[]) {
  await db.raw('/* planning.clearChanges */ delete from scenario_change where scenario_id = ?', [scenarioId]);
  if (changes.length === 0) return;
  await db.raw(
    /* planning.insertChanges */ `
    insert into scenario_change (scenario_id, position, kind, facility_key, category, name, geom, capacity)
    select ?, c.position, c.kind, c.facility_key, c.category, c.name,
           case when c.lon is null then null else ${storagePoint('c.lon', 'c.lat')} end, c.capacity
      from jsonb_to_recordset(?::jsonb) as c(position int, kind text, facility_key text, category text, name text, lon float8, lat float8, capacity int)`,
    [scenarioId, JSON.stringify(changes.map((c, i) => ({ ...c, position: i + 1 })))],
  );
}

// --- Measures ---------------------------------------------------------------------------------

export type MeasureRow = {
  id: number;
  aktionsraum_code: string;
  title: string;
  field: string;
  focal_point: string;
  status: 'proposed' | 'decided' | 'in_progress' | 'done';
  responsible: string;
  cost_eur: number | null;
  budget_year: number;
  scenario_id: number | null;
  internal: boolean;
  notes: string;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
};

const MEASURE_COLUMNS = `id, aktionsraum_code, title, field, focal_point, status, responsible, cost_eur::float8 as cost_eur, budget_year,
  scenario_id, internal, notes, version, created_by,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at,
  to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as updated_at`;

export async function listMeasures(db: Db, p: { codes: string[] | null; year: number | null; includeInternal: boolean }): Promise<MeasureRow[]> {
  const result = await db.raw(
    `/* planning.listMeasures */ select ${MEASURE_COLUMNS} from measure
      where (?::text[] is null or aktionsraum_code = any(?::text[])) and (?::int is null or budget_year = ?::int) and (? or not internal)
      order by aktionsraum_code, budget_year, id`,
    [p.codes, p.codes, p.year, p.year, p.includeInternal],
  );
  return result.rows;
}

export async function measureById(db: Db, id: number, lock = false): Promise<MeasureRow | null> {
  const result = await db.raw(`/* planning.measureById */ select ${MEASURE_COLUMNS} from measure where id = ?${lock ? ' for update' : ''}`, [id]);
  return result.rows[0] ?? null;
}

export type MeasureValues = Omit<MeasureRow, 'id' | 'version' | 'created_by' | 'created_at' | 'updated_at'>;

export async function insertMeasure(db: Db, m: MeasureValues, createdBy: string): Promise<MeasureRow> {
  const result = await db.raw(
    `/* planning.insertMeasure */ insert into measure (aktionsraum_code, title, field, focal_point, status, responsible, cost_eur, budget_year, scenario_id, internal, notes, created_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning ${MEASURE_COLUMNS}`,
    [m.aktionsraum_code, m.title, m.field, m.focal_point, m.status, m.responsible, m.cost_eur, m.budget_year, m.scenario_id, m.internal, m.notes, createdBy],
  );
  return result.rows[0];
}

export async function updateMeasure(db: Db, id: number, m: MeasureValues): Promise<MeasureRow> {
  const result = await db.raw(
    `/* planning.updateMeasure */ update measure set aktionsraum_code = ?, title = ?, field = ?, focal_point = ?, status = ?, responsible = ?, cost_eur = ?,
       budget_year = ?, scenario_id = ?, internal = ?, notes = ?, version = version + 1, updated_at = now() where id = ? returning ${MEASURE_COLUMNS}`,
    [m.aktionsraum_code, m.title, m.field, m.focal_point, m.status, m.responsible, m.cost_eur, m.budget_year, m.scenario_id, m.internal, m.notes, id],
  );
  return result.rows[0];
}

export async function deleteMeasure(db: Db, id: number) {
  await db.raw('/* planning.deleteMeasure */ delete from measure where id = ?', [id]);
}
