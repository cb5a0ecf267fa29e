// One colour per category, shared by the map layer and the legend. Categories not listed use the
// colour of their field of action. Chosen to stay apart for common colour-vision deficiencies.
export const categoryColors: Record<string, string> = {
  kita: '#d55e00',
  kinderbetreuung_kurzzeit: '#e69f00',
  grundschule: '#0072b2',
  weiterfuehrende_schule: '#56b4e9',
  foerderschule: '#3d5a98',
  schule_sonstige: '#7f9cc4',
  bibliothek: '#6a3d9a',
  jugendfreizeitstaette: '#009e73',
  spielplatz: '#7ac943',
  schwimmbad: '#00a6a6',
  beratungsstelle: '#cc79a7',
  hebamme: '#b5307a',
  familienzentrum: '#a6761d',
  erziehungsberatung: '#aa4499',
  fruehe_hilfen: '#882255',
};

export const fieldColors: Record<string, string> = {
  betreuung: '#d55e00',
  foerderung_bildung: '#0072b2',
  jugend_freizeit: '#009e73',
  eltern_beratung_gesundheit: '#cc79a7',
  sonstige: '#8c8c8c',
};

export function colorOf(category: { key: string; fieldOfAction: string }): string {
  return categoryColors[category.key] ?? fieldColors[category.fieldOfAction.toLowerCase()] ?? '#8c8c8c';
}

/** Shown when the map first opens: the provision behind the goals of "Kinder stärken". */
export const defaultCategories = [
  'kita',
  'kinderbetreuung_kurzzeit',
  'grundschule',
  'weiterfuehrende_schule',
  'foerderschule',
  'jugendfreizeitstaette',
  'spielplatz',
  'bibliothek',
  'beratungsstelle',
  'hebamme',
];
