// A new facility: an editor enters it, anyone else proposes it for review (with a short text
// and an optional contact). The place comes from a click on the map.
import { useState } from 'react';
import type { CategoryInfo } from '../../api/queries.ts';
import { labelOf, useLang, useT } from '../../kit/i18n.ts';
import { useGraphQL } from '../../kit/useGraphQL.ts';
import { ChoiceFieldset, fieldsFromForm, ReportTextFields } from './formFields.tsx';
import { createFacilityMutation, editingChoicesQuery, proposeFacilityMutation } from './editingApi.ts';
import { write } from '../../kit/write.ts';

type Props = { categories: CategoryInfo[]; point: { longitude: number; latitude: number } | null; onSaved: () => void; propose?: boolean };

export function FacilityEditor({ categories, point, onSaved, propose = false }: Props) {
  const t = useT();
  const lang = useLang();
  const choices = useGraphQL(editingChoicesQuery, {});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!point) return setMessage({ ok: false, text: t('placeFirst') });
    const element = event.currentTarget;
    const form = new FormData(element);
    setBusy(true);
    try {
      const fields = fieldsFromForm(form, { clearEmpty: false });
      if (propose) {
        await write(proposeFacilityMutation, { fields, location: point, message: String(form.get('message') ?? ''), contact: String(form.get('contact') ?? '').trim() || null }, lang);
        setMessage({ ok: true, text: t('reportSent') });
      } else {
        const { createFacility } = await write(createFacilityMutation, { fields, location: point }, lang);
        setMessage({ ok: true, text: t('savedFacility', { name: createFacility.facility.name }) });
      }
      element.reset();
      onSaved();
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="edit-form" onSubmit={submit} data-testid="facility-editor">
      <h2>{t(propose ? 'proposeFacility' : 'newFacility')}</h2>
      {propose && <p className="hint">{t('proposeHint')}</p>}
      <p className="hint" data-testid="new-point">
        {point ? t('placedAt', { lon: point.longitude.toFixed(5), lat: point.latitude.toFixed(5) }) : t('clickToPlace')}
      </p>
      <label>
        {t('name')}
        <input name="name" required minLength={2} maxLength={200} />
      </label>
      <label>
        {t('category')}
        <select name="category" required defaultValue="familienzentrum">
          {categories.map((c) => (
            <option key={c.key} value={c.key}>
              {labelOf(lang, c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('operator')}
        <input name="operator" maxLength={200} />
      </label>
      <div className="field-row">
        <label>
          {t('street')}
          <input name="street" maxLength={200} />
        </label>
        <label>
          {t('houseNumber')}
          <input name="houseNumber" maxLength={20} size={5} />
        </label>
      </div>
      <label>
        {t('phone')}
        <input name="phone" type="tel" />
      </label>
      <label>
        {t('email')}
        <input name="email" type="email" />
      </label>
      <label>
        {t('website')}
        <input name="website" type="url" placeholder="https://" />
      </label>
      <label>
        {t('openingHours')}
        <input name="openingHours" maxLength={500} />
      </label>
      {choices.status === 'done' && (
        <>
          <ChoiceFieldset legend={t('offers')} name="offers" marker="offerChoice" items={choices.value.offers.map((o) => ({ value: o.key, label: labelOf(lang, o) }))} />
          <ChoiceFieldset
            legend={t('languagesSpoken')}
            name="languages"
            marker="languageChoice"
            items={choices.value.spokenLanguages.map((l) => ({ value: l.code, label: labelOf(lang, l) }))}
          />
        </>
      )}
      {propose && <ReportTextFields messageLabel={t('proposeWhy')} contactLabel={t('reportContact')} />}
      {message && (
        <p className={message.ok ? 'hint' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t(propose ? 'send' : 'save')}
      </button>
    </form>
  );
}
