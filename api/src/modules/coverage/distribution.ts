// The words that say, in every method, how children were placed inside a sub-district.
import type { Distribution } from '../../../../domain/distribution.ts';
import { germanDate, text, type Text } from '../../../../domain/text.ts';
import { loadManifest } from '../../../../geodata/import/sourceManifest.ts';

// Read once: the manifest is part of the code, not of the data.
const manifest = loadManifest();

const EVEN_TEXT = text(
  'Gleichverteilung: Die Kinder eines Unterbezirks werden gleichmäßig über seine ganze Fläche verteilt (Wasser, Industrie und Felder eingeschlossen); nur zum Vergleich.',
  'Even spread: the children of a sub-district are spread evenly over its whole area (water, industry and fields included); for comparison only.',
);


/** "Zensus-Gitter ...: Personen unter 10 je 100-m-Zelle, Stichtag 09.05.2011; © ..." from the manifest entry of the dataset. */
export function censusSourceText(dataset: string, refDate: string | null): Text {
  const entry = manifest.files.find((f) => f.dataset === dataset);
  if (!entry?.census) return text(`Zensus-Gitter ${dataset}${refDate ? ` (${germanDate(refDate)})` : ''}`, `census grid ${dataset}${refDate ? ` (${refDate})` : ''}`);
  const { cellSizeMetres, ageClass } = entry.census;
  const date = refDate ?? entry.census.refDate;
  const ageDe = ageClass === 'under 10' ? 'unter 10 Jahren' : ageClass;
  return text(
    `Zensus-Gitter ${dataset}: Personen ${ageDe} je ${cellSizeMetres}-m-Zelle, Stichtag ${germanDate(date)}; ${entry.attribution}, ${entry.licence}`,
    `Census grid ${dataset}: persons ${ageClass} per ${cellSizeMetres} m cell, reference date ${date}; ${entry.attribution}, ${entry.licence}`,
  );
}

export function spreadText(distribution: Distribution, census: Text | null, evenCount: number): Text {
  if (distribution === 'even' || !census) return EVEN_TEXT;
  const fallback =
    evenCount === 0
      ? text('Der Zensus hat in jedem Unterbezirk Kinder verortet.', 'The census located children in every sub-district.')
      : text(
          `${evenCount} Unterbezirk(e), in denen der Zensus niemanden verortet hat, werden gleichmäßig verteilt (aufgeführt in evenSpreadSubDistricts).`,
          `${evenCount} sub-district(s) where the census located nobody are spread evenly (listed in evenSpreadSubDistricts).`,
        );
  return text(
    'Nach dem Zensus verortet: Die Zahl jedes Unterbezirks (Schätzung oder eingelesene Zählung, siehe populationSource) wird auf seine ' +
      '100-m-Stücke verteilt, im Verhältnis der dort im Zensus verorteten Personen unter 10 Jahren (das Gitter des Atlas folgt dem ' +
      'Zensus-Gitter). Der Zensus sagt, wo Kinder 2011 lebten, die Zahlen sagen, wie viele heute dort leben; dasselbe Muster der ' +
      'unter 10-Jährigen gilt auch für 6-17. Zellen mit weniger als 3 Personen veröffentlicht das Statistische Bundesamt nicht. ' +
      fallback.de,
    "Census-located: each sub-district's count (the estimate or real counts, see populationSource) is placed on its 100 m pieces " +
      'in proportion to the census persons under 10 located there (the atlas grid is aligned with the census grid). The census ' +
      'says where children lived in 2011, the counts say how many live there now; the same under-10 pattern is used for 6-17. ' +
      `Cells with fewer than 3 persons are not published by the census office. ${fallback.en}`,
  );
}
