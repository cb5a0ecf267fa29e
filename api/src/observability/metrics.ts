// The atlas's metrics in the Prometheus text format (prom-client): requests by interface, operation
// and outcome with their durations, the analysis gate's queue and waits, the coverage cache's hits,
// the database pool, the last import and its precompute, the data version; and Node's own. One
// registry per app (tests run several apps in one process).
import type { Knex } from 'knex';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { coverageCacheStats } from '../../../geodata/coverageCache.ts';
import type { Gate } from '../analysisGate.ts';

export type Outcome = 'ok' | 'client_error' | 'rate_limited' | 'busy' | 'server_error';

/** Operation names come from clients: a name that is not a plain identifier, or beyond the first 200 seen, counts as "other". */
const MAX_OPERATIONS = 200;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function createMetrics(db: Knex, gate: Gate) {
  const registry = new Registry();
  registry.setDefaultLabels({ app: 'versorgungsatlas' });
  collectDefaultMetrics({ register: registry, prefix: 'versorgungsatlas_' });
  const labelNames = ['interface', 'operation', 'outcome'] as const;
  const requests = new Counter({ name: 'versorgungsatlas_requests_total', help: 'Requests by interface (graphql, ogc, tiles, static, health, metrics), operation and outcome', labelNames, registers: [registry] });
  const duration = new Histogram({
    name: 'versorgungsatlas_request_duration_seconds',
    help: 'Request durations by interface, operation and outcome',
    labelNames,
    buckets: [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const waits = new Histogram({ name: 'versorgungsatlas_analysis_wait_seconds', help: 'How long an analysis waited for its slot in the gate', buckets: [0.01, 0.1, 0.5, 1, 5, 15, 60], registers: [registry] });
  new Gauge({ name: 'versorgungsatlas_analysis_running', help: 'Analyses running now', registers: [registry], collect() { this.set(gate.runningCount); } });
  new Gauge({ name: 'versorgungsatlas_analysis_queue', help: 'Analyses waiting for a slot now', registers: [registry], collect() { this.set(gate.waitingCount); } });
  new Counter({ name: 'versorgungsatlas_analysis_refused_total', help: 'Analyses refused because the queue was full or the wait too long (503)', registers: [registry], collect() { this.reset(); this.inc(gate.refusedCount); } });
  new Counter({
    name: 'versorgungsatlas_coverage_cache_total',
    help: 'Coverage questions answered from the cache (hit) or computed (miss), in this process',
    labelNames: ['result'],
    registers: [registry],
    collect() {
      this.reset();
      this.inc({ result: 'hit' }, coverageCacheStats.hits);
      this.inc({ result: 'miss' }, coverageCacheStats.misses);
    },
  });
  const pool = (db.client as { pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number } }).pool;
  new Gauge({
    name: 'versorgungsatlas_db_pool_connections',
    help: 'Database connections of the pool by state (used, free, pending acquires)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      if (!pool) return;
      this.set({ state: 'used' }, pool.numUsed());
      this.set({ state: 'free' }, pool.numFree());
      this.set({ state: 'pending' }, pool.numPendingAcquires());
    },
  });
  const importSeconds = new Gauge({ name: 'versorgungsatlas_last_import_seconds', help: 'Duration of the last completed import', registers: [registry] });
  const precomputeSeconds = new Gauge({ name: 'versorgungsatlas_last_precompute_seconds', help: 'Duration of the precompute of the default coverage after the last import (null until one ran)', registers: [registry] });
  const dataVersion = new Gauge({ name: 'versorgungsatlas_data_version_timestamp_seconds', help: 'When the data in use was imported (Unix time): the data version', registers: [registry] });
  const latestImport = async () => {
    const result = await db.raw(
      /* metrics.lastImport */ `select extract(epoch from finished_at)::float8 as finished, extract(epoch from finished_at - started_at)::float8 as seconds,
              (report ->> 'precomputeSeconds')::float8 as precompute from import_run order by finished_at desc limit 1`,
    );
    return result.rows[0] as { finished: number; seconds: number; precompute: number | null } | undefined;
  };
  const seen = new Set<string>();
  const operationLabel = (name: string | null) => {
    if (!name) return 'anonymous';
    if (!IDENTIFIER.test(name)) return 'other';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATIONS) return 'other';
    seen.add(name);
    return name;
  };
  gate.onWait = (seconds) => waits.observe(seconds);
  return {
    registry,
    /** Counts one finished request. */
    record(interfaceName: string, operation: string | null, outcome: Outcome, seconds: number) {
      const labels = { interface: interfaceName, operation: operationLabel(operation), outcome };
      requests.inc(labels);
      duration.observe(labels, seconds);
    },
    /** The whole text, with the import figures read from the database at each scrape. */
    async text(): Promise<string> {
      const last = await latestImport();
      if (last) {
        importSeconds.set(last.seconds);
        dataVersion.set(last.finished);
        if (last.precompute !== null) precomputeSeconds.set(last.precompute);
      }
      return registry.metrics();
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
