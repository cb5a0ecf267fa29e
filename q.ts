import { openDatabase } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { createApp } from './api/src/server.ts';
const db = await openDatabase(process.env.DATABASE_URL ? { kind: 'postgres', url: process.env.DATABASE_URL } : { kind: 'pglite', dataDir: '/work/main/data/pglite' });
await migrate(db.knex);
const app = await createApp({ db: db.knex, basemapStyleUrl: null, webDistDir: null });
const run = async (query: string, variables = {}) => {
  const t = Date.now();
  const r = await app.apollo.executeOperation({ query, variables }, { contextValue: app.contextFor() });
  const body = r.body.kind === 'single' ? r.body.singleResult : null;
  console.log(Date.now() - t, 'ms', JSON.stringify(body).slice(0, 1800));
};
await run(`{ coverage(level: AKTIONSRAUM, target: { category: "kita" }, ageBand: AGE_0_5) { method { thresholdMetres thresholdSource supplyMeasure populationDates dataDate } city { children { display } childrenWithin { value } shareWithin medianDistanceMetres p90DistanceMetres supplyPer1000Children facilitiesPer1000Children } areas { area { name } children { value } childrenBeyond { display } shareWithin facilitiesInside medianDistanceMetres supplyPer1000Children } } }`);
await run(`{ coverage(level: AKTIONSRAUM, target: { fieldOfAction: JUGEND_FREIZEIT }, ageBand: AGE_6_17) { city { shareWithin } } }`);
await run(`{ gaps(target: { category: "spielplatz" }, ageBand: AGE_0_5, area: { level: AKTIONSRAUM, code: "022" }, limit: 3) { childrenBeyond { display } hotspots { rank children { display } areaKm2 subDistrictCodes } } }`);
await run(`{ gaps(target: { category: "kita" }, ageBand: AGE_0_5, limit: 5) { childrenBeyond { display } hotspots { rank children { display } areaKm2 subDistrictCodes } } }`);
await run(`{ reachAtPoint(point: { longitude: 7.4652, latitude: 51.5236 }, ageBand: AGE_0_5) { subDistrict { name } categories { category { key } distanceMetres thresholdMetres withinThreshold nearestFacility { name } } } }`);
await run(`{ needProvision(level: AKTIONSRAUM, target: { category: "kita" }, ageBand: AGE_0_5) { cityChildPoverty2024 cityShareWithin rows { area { name } childPoverty2024 childPovertyChange shareWithin priorityScore highNeedPoorProvision } } }`);
await app.stop(); await db.close();
