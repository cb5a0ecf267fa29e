import { useState } from 'react';
import { ReportTextFields } from '../editing/formFields.tsx';
import { ErrorNote } from '../../kit/AsyncView.tsx';
import { useOfferLabel } from '../editing/useOfferLabel.ts';
import type { CategoryInfo, FacilityProperties } from '../../api/queries.ts';
import { formatDate } from '../../kit/format.ts';
import { labelOf, type MessageKey, useLang, useT } from '../../kit/i18n.ts';
import { de } from '../../kit/messages/de.ts';
import { useGraphQL } from '../../kit/useGraphQL.ts';
import { confirmFacilityMutation, facilityDetailQuery, reportProblemMutation } from '../editing/editingApi.ts';
import { write } from '../../kit/write.ts';
import { FacilityEdit } from '../editing/FacilityEdit.tsx';
import type { Me } from '../editing/Session.tsx';

type Props = { facility: FacilityProperties; categories: CategoryInfo[]; me: Me; onClose: () => void };

export function FacilityDetails({ facility, categories, me, onClose }: Props) {
  const t = useT();
  const lang = useLang();
  const category = categories.find((c) => c.key === facility.category);
  const label = category ? labelOf(lang, category) : facility.category;
  const detail = useGraphQL(facilityDetailQuery, { key: facility.key }, { lang });
  const info = detail.status === 'done' ? detail.value.facility : null;
  const offerLabel = useOfferLabel();
  const [reporting, setReporting] = useState(false);
  const actionLabel = (action: string) => {
    const key = `action_${action.replace('.', '_')}` as MessageKey;
    return key in de ? t(key) : action;
  };
  // Readers who are not signed in get a role instead of a sign-in name (editor, staff, ...).
  const actorLabel = (actor: string) => {
    const key = `actor_${actor.replace(' ', '_')}` as MessageKey;
    return key in de ? t(key) : actor;
  };
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const confirm = async () => {
    if (!info) return;
    try {
      await write(confirmFacilityMutation, { key: info.key, version: info.version }, lang);
      setNotice(t('confirmed'));
    } catch (e) {
      setNotice((e as Error).message);
    }
  };
  return (
    <section className="facility-details" aria-labelledby="facility-title" data-testid="facility-details">
      <h2 id="facility-title">{facility.name}</h2>
      <dl className="facts">
        <dt>{t('category')}</dt>
        <dd>
          {label}
          {facility.subtype && facility.subtype !== category?.labelDe ? ` (${facility.subtype})` : ''}
        </dd>
        <dt>{t('address')}</dt>
        <dd data-testid="facility-address">{facility.address ?? '–'}</dd>
        {facility.operator && (
          <>
            <dt>{t('operator')}</dt>
            <dd>
              {facility.operator} {info?.origin === 'IMPORT' ? t('fromName') : ''}
            </dd>
          </>
        )}
        {info?.contact.phone && (
          <>
            <dt>{t('phone')}</dt>
            <dd>{info.contact.phone}</dd>
          </>
        )}
        {info?.contact.email && (
          <>
            <dt>{t('email')}</dt>
            <dd>{info.contact.email}</dd>
          </>
        )}
        {info?.contact.website && (
          <>
            <dt>{t('website')}</dt>
            <dd>
              <a href={info.contact.website} rel="noopener noreferrer" target="_blank">
                {info.contact.website}
              </a>
            </dd>
          </>
        )}
        {info?.openingHours && (
          <>
            <dt>{t('openingHours')}</dt>
            <dd>{info.openingHours}</dd>
          </>
        )}
        {info && info.offers.length > 0 && (
          <>
            <dt>{t('offers')}</dt>
            <dd>{info.offers.map(offerLabel).join(', ')}</dd>
          </>
        )}
        {info && info.languages.length > 0 && (
          <>
            <dt>{t('languagesSpoken')}</dt>
            <dd>{info.languages.join(', ')}</dd>
          </>
        )}
        <dt>{t('lastVerified')}</dt>
        <dd data-testid="last-verified">{info?.lastVerified ? t('verifiedBy', { date: formatDate(info.lastVerified.at), by: actorLabel(info.lastVerified.by) }) : t('neverVerified')}</dd>
      </dl>
      {notice && (
        <p className="hint" role="status">
          {notice}
        </p>
      )}
      <div className="detail-actions">
        <button type="button" className="small-button" onClick={() => setReporting((r) => !r)} aria-expanded={reporting} data-testid="report-problem">
          {t('reportProblem')}
        </button>
        {me && info && (
          <>
            <button type="button" className="small-button" onClick={confirm} data-testid="confirm-facility">
              {t('confirmEntry')}
            </button>
            <button type="button" className="small-button" onClick={() => setEditing((e) => !e)} aria-expanded={editing} data-testid="edit-facility">
              {t('editEntry')}
            </button>
          </>
        )}
      </div>
      {editing && info && (
        <FacilityEdit
          facility={info}
          onDone={(text) => {
            setEditing(false);
            setNotice(text);
          }}
        />
      )}
      {reporting && <ReportForm facilityKey={facility.key} onDone={(text) => { setReporting(false); setNotice(text); }} />}
      {info && info.history.length > 0 && (
        <details className="history">
          <summary>{t('history')}</summary>
          <ol>
            {info.history.map((h) => (
              <li key={h.id}>
                {formatDate(h.at)}: {actionLabel(h.action)} ({actorLabel(h.actor)}){h.reason ? `: ${h.reason}` : ''}
              </li>
            ))}
          </ol>
        </details>
      )}
      <button type="button" className="link-button" onClick={onClose}>
        {t('close')}
      </button>
    </section>
  );
}

function ReportForm({ facilityKey, onDone }: { facilityKey: string; onDone: (notice: string) => void }) {
  const t = useT();
  const lang = useLang();
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const contact = String(form.get('contact') ?? '').trim();
    try {
      await write(reportProblemMutation, { key: facilityKey, message: String(form.get('message')), contact: contact || null }, lang);
      onDone(t('reportSent'));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form className="edit-form" onSubmit={submit} data-testid="report-form">
      <ReportTextFields messageLabel={t('reportWhat')} contactLabel={t('reportContact')} />
      <ErrorNote message={error} />
      <button type="submit">{t('send')}</button>
    </form>
  );
}
