// An editor reads in a CSV of additional facilities: first checked line by line (nothing
// written), then written when every line is right. The columns are named in the hint.
import { useState } from 'react';
import type { SupplementReportFieldsFragment } from '../../gql/graphql.ts';
import { useLang, useT } from '../../kit/i18n.ts';
import { importCsvMutation } from './editingApi.ts';
import { write } from '../../kit/write.ts';
import { ErrorNote } from '../../kit/AsyncView.tsx';

export function SupplementImport() {
  const t = useT();
  const lang = useLang();
  const [report, setReport] = useState<(SupplementReportFieldsFragment & { dryRun: boolean }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (form: HTMLFormElement, dryRun: boolean) => {
    const data = new FormData(form);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) return setError(t('csvChooseFile'));
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const source = { name: String(data.get('sourceName') ?? ''), licence: String(data.get('licence') ?? ''), attribution: String(data.get('attribution') ?? '') };
      const result = await write(importCsvMutation, { csv: await file.text(), source, dryRun }, lang);
      setReport({ ...result.importFacilitiesCsv, dryRun });
    } catch (e) {
      setError((e as Error).message);
      setReport(null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="edit-form" data-testid="supplement-import" onSubmit={(e) => e.preventDefault()}>
      <h2>{t('csvImport')}</h2>
      <p className="hint">{t('csvImportHint')}</p>
      <label>
        {t('csvSourceName')}
        <input name="sourceName" required minLength={2} maxLength={100} />
      </label>
      <label>
        {t('csvLicence')}
        <input name="licence" required minLength={2} maxLength={200} placeholder="dl-de/by-2-0" />
      </label>
      <label>
        {t('csvAttribution')}
        <input name="attribution" required minLength={2} maxLength={300} />
      </label>
      <label>
        {t('csvFile')}
        <input name="file" type="file" accept=".csv,text/csv" />
      </label>
      <div className="detail-actions">
        <button type="button" disabled={busy} onClick={(e) => run(e.currentTarget.form!, true)}>
          {t('csvCheck')}
        </button>
        <button type="button" disabled={busy || !report || !report.dryRun || report.errors > 0} onClick={(e) => run(e.currentTarget.form!, false)}>
          {t('csvWrite')}
        </button>
      </div>
      <ErrorNote message={error} />
      {report && (
        <div data-testid="supplement-report">
          <p role="status">
            {t(report.written ? 'csvWritten' : report.errors > 0 ? 'csvHasErrors' : 'csvChecked', { created: report.created, updated: report.updated, unchanged: report.unchanged, errors: report.errors })}
          </p>
          {report.errors > 0 && (
            <ul>
              {report.lines
                .filter((l) => l.status === 'ERROR')
                .map((l) => (
                  <li key={l.line}>{t('csvLineError', { line: l.line, message: l.message ?? '' })}</li>
                ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
