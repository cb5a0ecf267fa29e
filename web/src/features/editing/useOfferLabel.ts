// Facilities carry offer keys; their labels come once from the API's `offers`.
import { labelOf, useLang } from '../../kit/i18n.ts';
import { useGraphQL } from '../../kit/useGraphQL.ts';
import { editingChoicesQuery } from './editingApi.ts';

/** The label of an offer key in the current language (the key itself until the labels are in). */
export function useOfferLabel(): (key: string) => string {
  const lang = useLang();
  const choices = useGraphQL(editingChoicesQuery, {});
  const offers = choices.status === 'done' ? choices.value.offers : [];
  return (key) => {
    const offer = offers.find((o) => o.key === key);
    return offer ? labelOf(lang, offer) : key;
  };
}
