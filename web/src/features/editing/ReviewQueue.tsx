// The reviewers' queue: open reports from the field, oldest first; accept applies the proposed
// change (audited with the reporter's text), reject needs a reason.
import { ErrorNote } from '../../kit/AsyncView.tsx';
import { useState } from 'react';
import { useLang, useT } from '../../kit/i18n.ts';
import { useGraphQL } from '../../kit/useGraphQL.ts';
import { acceptReportMutation, rejectReportMutation, reportsQuery } from './editingApi.ts';
import { useWrite, write } from '../../kit/write.ts';

export function ReviewQueue() {
  const t = useT();
  const lang = useLang();
  const reports = useGraphQL(reportsQuery, {});
  const { act, error } = useWrite();
  return (
    <section className="review-queue" data-testid="review-queue" aria-labelledby="review-title">
      <h2 id="review-title">{t('reviewQueue')}</h2>
      {reports.status === 'loading' && <p className="hint">{t('loading')}</p>}
      {reports.status === 'error' && <p className="error">{reports.message}</p>}
      {reports.status === 'done' && reports.value.reports.length === 0 && <p className="hint">{t('noReports')}</p>}
      <ErrorNote message={error} />
      <ul>
        {reports.status === 'done' &&
          reports.value.reports.map((r) => (
            <li key={r.id} data-testid="report">
              <strong>{r.kind === 'PROBLEM' ? t('reportProblemKind', { name: r.facility?.name ?? r.facilityKey ?? '' }) : t('reportProposalKind')}</strong>
              <p>{r.message}</p>
              {r.proposed != null && <pre className="proposed">{JSON.stringify(r.proposed, null, 1)}</pre>}
              {r.contact && <p className="hint">{t('reporterContact', { contact: r.contact })}</p>}
              <ReportActions
                canApply={r.proposed != null}
                onAccept={(fields) => act(() => write(acceptReportMutation, { id: r.id, fields }, lang))}
                onReject={(note) => act(() => write(rejectReportMutation, { id: r.id, note }, lang))}
              />
            </li>
          ))}
      </ul>
    </section>
  );
}

function ReportActions({ canApply, onAccept, onReject }: { canApply: boolean; onAccept: (fields?: { openingHours?: string; street?: string; houseNumber?: string; name?: string }) => void; onReject: (note: string) => void }) {
  const t = useT();
  const [note, setNote] = useState('');
  const [fix, setFix] = useState('');
  return (
    <div className="report-actions">
      {!canApply && (
        <label>
          {t('correctedAddress')}
          <input value={fix} onChange={(e) => setFix(e.target.value)} placeholder={t('streetAndNumber')} />
        </label>
      )}
      <button
        type="button"
        onClick={() => {
          const match = /^(.*\S)\s+(\d+\s*\w?)$/.exec(fix.trim());
          onAccept(canApply ? undefined : match ? { street: match[1], houseNumber: match[2] } : undefined);
        }}
      >
        {t('accept')}
      </button>
      <label>
        {t('rejectReason')}
        <input value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="button" disabled={note.trim().length < 3} onClick={() => onReject(note)}>
        {t('reject')}
      </button>
    </div>
  );
}
