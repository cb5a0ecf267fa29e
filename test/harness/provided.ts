// What the global setups hand to the test files (vitest's provide / inject).
declare module 'vitest' {
  export interface ProvidedContext {
    /** Embedded database: a snapshot (tar, without spare WAL) of the imported data; null on a server or without data. */
    pgliteSnapshot: string | null;
    /** Embedded database: a snapshot with the schema and no data (hand-made fixtures); null on a server. */
    emptySnapshot: string | null;
    /** Server database (DATABASE_URL); null for the embedded database. */
    databaseUrl: string | null;
    /** Real-data layers: the folders with the source files. */
    geodataDir: string;
    censusDir: string;
  }
}

export {};
