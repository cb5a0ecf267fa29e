// An editor changes a facility in its details: the fields people ask about, or retires it. The
// edit names the version it started from; when someone else saved first, the server's message
// says so and the form shows the current entry again.
import { useState } from 'react';
import type { FacilityDetailQuery } from '../../gql/graphql.ts';
import { labelOf, useLang, useT } from '../../kit/i18n.ts';
import { queryClient, useGraphQL } from '../../kit/useGraphQL.ts';
import { ChoiceFieldset, fieldsFromForm } from './formFields.tsx';
import { ErrorNote } from '../../kit/AsyncView.tsx';
import { editingChoicesQuery, retireFacilityMutation, updateFacilityMutation } from './editingApi.ts';
import { write } from '../../kit/write.ts';

type Facility = NonNullable<FacilityDetailQuery['facility']>;

export function FacilityEdit({ facility, onDone }: { facility: Facility; onDone: (notice: string) => void }) {
  const t = useT();
  const lang = useLang();
  const choices = useGraphQL(editingChoicesQuery, {});
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => {
    setError((e as Error).message);
    void queryClient.invalidateQueries();
  };
  const save = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      await write(
        updateFacilityMutation,
        {
          key: facility.key,
          version: facility.version,
          fields: fieldsFromForm(form, { clearEmpty: true }),
          reason: String(form.get('reason') ?? '').trim() || null,
        },
        lang,
      );
      onDone(t('savedChange'));
    } catch (e) {
      fail(e);
    }
  };
  const [retireReason, setRetireReason] = useState('');
  const retire = async () => {
    try {
      await write(retireFacilityMutation, { key: facility.key, version: facility.version, reason: retireReason }, lang);
      onDone(t('retired'));
    } catch (e) {
      fail(e);
    }
  };
  return (
    <div data-testid="facility-edit">
      <form className="edit-form" onSubmit={save} key={facility.version}>
        <label>
          {t('name')}
          <input name="name" defaultValue={facility.name} required minLength={2} maxLength={200} />
        </label>
        <div className="field-row">
          <label>
            {t('street')}
            <input name="street" defaultValue={facility.address.street ?? ''} />
          </label>
          <label>
            {t('houseNumber')}
            <input name="houseNumber" defaultValue={facility.address.houseNumber ?? ''} size={5} />
          </label>
        </div>
        <label>
          {t('phone')}
          <input name="phone" type="tel" defaultValue={facility.contact.phone ?? ''} />
        </label>
        <label>
          {t('email')}
          <input name="email" type="email" defaultValue={facility.contact.email ?? ''} />
        </label>
        <label>
          {t('website')}
          <input name="website" type="url" defaultValue={facility.contact.website ?? ''} />
        </label>
        <label>
          {t('openingHours')}
          <input name="openingHours" defaultValue={facility.openingHours ?? ''} />
        </label>
        {choices.status === 'done' && (
          <ChoiceFieldset
            legend={t('offers')}
            name="offers"
            marker="offerChoice"
            items={choices.value.offers.map((o) => ({ value: o.key, label: labelOf(lang, o) }))}
            checked={facility.offers}
          />
        )}
        <label>
          {t('changeReason')}
          <input name="reason" maxLength={1000} />
        </label>
        <ErrorNote message={error} />
        <button type="submit">{t('save')}</button>
      </form>
      <div className="report-actions">
        <label>
          {t('retireReason')}
          <input value={retireReason} onChange={(e) => setRetireReason(e.target.value)} />
        </label>
        <button type="button" disabled={retireReason.trim().length < 3} onClick={retire}>
          {t('retire')}
        </button>
      </div>
    </div>
  );
}
