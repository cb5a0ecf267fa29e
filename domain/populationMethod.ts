// How the numbers of children per sub-district are estimated, in words: the method statement of
// every figure based on the estimate (geodata/population/estimatePopulation.ts computes it).
import { text } from './text.ts';

export const POPULATION_ESTIMATE_METHOD = text(
  'Schätzung: Einwohnerzahlen der statistischen Bezirke (population.csv), auf die Summe ihres Stadtbezirks skaliert; auf die ' +
    'Unterbezirke verteilt nach deren veröffentlichten Zahlen, wo es sie gibt, sonst nach den im Zensus 2011 dort verorteten ' +
    'Personen unter 10 Jahren (Zensus-Gitter; ohne Zensus: veröffentlichte Dichte mal Fläche); Altersgruppen nach den Anteilen ' +
    'des Statistikatlas 2024. Keine Zahlen der Stadt.',
  'Estimate: district figures (population.csv) scaled to add up to their borough; shared among sub-districts by ' +
    'published sub-district figures where they exist, else by the census persons under 10 located in each (Zensus 2011 ' +
    "grid; published density x area where none); age bands from the Statistikatlas 2024 age shares. Not the city's figures.",
);

/** The method of real counts imported per sub-district. */
export const IMPORTED_COUNTS = text('Eingelesene Zählungen je Unterbezirk (population_count)', 'Imported counts per sub-district (population_count)');
