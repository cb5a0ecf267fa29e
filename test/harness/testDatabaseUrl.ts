// Names of the databases the tests create on a server (DATABASE_URL): one template with the data
// imported once, and one copy of it per test file.
export const TEMPLATE_DB = 'versorgungsatlas_test_template';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
