// The words that say, in every method, how children were placed inside a sub-district.
import type { Distribution } from '../../../../domain/distribution.ts';
import { loadManifest } from '../../../../geodata/import/sourceManifest.ts';

// Read once: the manifest is part of the code, not of the data.
const manifest = loadManifest();

const EVEN_TEXT =
  'Even spread: the children of a sub-district are spread evenly over its whole area (water, industry and fields included); for comparison only.';

/** "Zensus 2011 ... (9 May 2011), 100 m cells, persons under 10; © ..." from the manifest entry of the dataset. */
export function censusSourceText(dataset: string, refDate: string | null): string {
  const entry = manifest.files.find((f) => f.dataset === dataset);
  if (!entry?.census) return `census grid ${dataset}${refDate ? ` (${refDate})` : ''}`;
  const { cellSizeMetres, ageClass } = entry.census;
  return `Census grid ${dataset}: persons ${ageClass} per ${cellSizeMetres} m cell, reference date ${refDate ?? entry.census.refDate}; ${entry.attribution}, ${entry.licence}`;
}

export function spreadText(distribution: Distribution, census: string | null, evenCount: number): string {
  if (distribution === 'even' || !census) return EVEN_TEXT;
  const fallback =
    evenCount === 0
      ? 'The census located children in every sub-district.'
      : `${evenCount} sub-district(s) where the census located nobody are spread evenly (listed in evenSpreadSubDistricts).`;
  return (
    'Census-located: each sub-district\'s count (the estimate or real counts, see populationSource) is placed on its 100 m pieces ' +
    'in proportion to the census persons under 10 located there (the atlas grid is aligned with the census grid). The census ' +
    'says where children lived in 2011, the counts say how many live there now; the same under-10 pattern is used for 6-17. ' +
    `Cells with fewer than 3 persons are not published by the census office. ${fallback}`
  );
}
