// What the facility forms share: reading the fields from a form, and the error line.
import type { FacilityFields } from '../../gql/graphql.ts';

/**
 * The facility fields of a form. On a new facility an empty input is left out; on an edit it is
 * sent as null, which clears the field.
 */
export function fieldsFromForm(form: FormData, { clearEmpty }: { clearEmpty: boolean }): FacilityFields {
  const text = (name: string) => {
    if (!form.has(name)) return undefined;
    const value = String(form.get(name) ?? '').trim();
    return value === '' ? (clearEmpty ? null : undefined) : value;
  };
  const fields: FacilityFields = {
    name: text('name'),
    category: text('category'),
    operator: text('operator'),
    street: text('street'),
    houseNumber: text('houseNumber'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    openingHours: text('openingHours'),
  };
  // The lists only where the form showed their choices (an unchecked list clears them).
  if (form.has('offerChoice')) fields.offers = form.getAll('offers').map(String);
  if (form.has('languageChoice')) fields.languages = form.getAll('languages').map(String);
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as FacilityFields;
}

/**
 * A list of checkboxes (offers, languages). The hidden marker tells the form reader that the
 * list was shown, so that an unchecked list clears the field rather than leaving it unsent.
 */
export function ChoiceFieldset({ legend, name, marker, items, checked = [] }: { legend: string; name: string; marker: string; items: { value: string; label: string }[]; checked?: string[] }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <input type="hidden" name={marker} value="1" />
      {items.map((item) => (
        <label key={item.value} className="check">
          <input type="checkbox" name={name} value={item.value} defaultChecked={checked.includes(item.value)} /> {item.label}
        </label>
      ))}
    </fieldset>
  );
}

/** What a report or a proposal says, and how to reach its sender (optional). */
export function ReportTextFields({ messageLabel, contactLabel }: { messageLabel: string; contactLabel: string }) {
  return (
    <>
      <label>
        {messageLabel}
        <textarea name="message" required minLength={5} maxLength={2000} rows={3} />
      </label>
      <label>
        {contactLabel}
        <input name="contact" maxLength={200} />
      </label>
    </>
  );
}
