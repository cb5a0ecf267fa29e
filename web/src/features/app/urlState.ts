// State worth sharing lives in the URL: the selected Aktionsraum and the shown categories
// (?aktionsraum=022&kategorien=kita,spielplatz). The map position is in the hash (#karte=...).
export type UrlState = { aktionsraum: string | null; categories: string[] | null };

export function readUrlState(search = window.location.search): UrlState {
  const params = new URLSearchParams(search);
  const categories = params.get('kategorien');
  return {
    aktionsraum: params.get('aktionsraum'),
    categories: categories === null ? null : categories.split(',').filter(Boolean),
  };
}

export function writeUrlState(state: UrlState) {
  const params = new URLSearchParams(window.location.search);
  const set = (key: string, value: string | null) => (value === null ? params.delete(key) : params.set(key, value));
  set('aktionsraum', state.aktionsraum);
  set('kategorien', state.categories ? state.categories.join(',') : null);
  const search = params.toString().replace(/%2C/g, ',');
  window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`);
}
