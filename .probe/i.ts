import { readConfig } from '../config/config.ts';
import { openDatabase } from '../db/connect.ts';
const db = await openDatabase(readConfig().database);
const r = await db.knex.raw(`select d.key, v.year, round(avg(v.value)::numeric, 2) as mean, count(*) n, round(min(v.value)::numeric,2) mn, round(max(v.value)::numeric,2) mx
  from indicator_value v join indicator d on d.key = v.indicator_key join area a on a.id = v.area_id where a.level = 'ubz' group by 1, 2 order by 1, 2`);
for (const x of r.rows) console.log(x.key.padEnd(40), x.year, String(x.mean).padStart(8), x.n, x.mn, x.mx);
await db.close();
