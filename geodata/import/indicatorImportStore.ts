// The import's SQL for indicator definitions and values (one JSON parameter per file).
import type { Db } from '../../db/connect.ts';
import type { IndicatorDefinition } from '../indicators.ts';

const json = (value: unknown) => JSON.stringify(value);

export async function upsertIndicatorDefinitions(db: Db, definitions: IndicatorDefinition[], source: string) {
  await db.raw(
    /* import.upsertIndicatorDefinitions */ `
    insert into indicator (key, label_de, label_en, unit, description, source)
    select r."key", r."labelDe", r."labelEn", r.unit, r.description, ?
      from jsonb_to_recordset(?::jsonb) as r("key" text, "labelDe" text, "labelEn" text, unit text, description text)
    on conflict (key) do update set label_de = excluded.label_de, label_en = excluded.label_en,
      unit = excluded.unit, description = excluded.description, source = excluded.source`,
    [source, json(definitions)],
  );
}

export type IndicatorValueInput = { ubz: string; key: string; value: number };

export async function replaceIndicatorValues(db: Db, year: number, values: IndicatorValueInput[], sourceFile: string) {
  await db.raw(/* import.clearIndicatorYear */ 'delete from indicator_value where year = ?', [year]);
  await db.raw(
    /* import.insertIndicatorValues */ `
    insert into indicator_value (area_id, indicator_key, year, value, source_file)
    select a.id, r."key", ?, r.value, ?
      from jsonb_to_recordset(?::jsonb) as r(ubz text, "key" text, value double precision)
      join area a on a.level = 'ubz' and a.code = r.ubz`,
    [year, sourceFile, json(values)],
  );
}

/** Facilities whose point lies in no sub-district: outside the city. */
