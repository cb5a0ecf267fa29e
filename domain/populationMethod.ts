// How the numbers of children per sub-district are estimated, in words: the method statement of
// every figure based on the estimate (geodata/population/estimatePopulation.ts computes it).
export const POPULATION_ESTIMATE_METHOD =
  'Estimate: district figures (population.csv) scaled to add up to their borough; shared among sub-districts by ' +
  'published sub-district figures where they exist, else by the census persons under 10 located in each (Zensus 2011 ' +
  'grid; published density x area where none); age bands from the Statistikatlas 2024 age shares. Not the city\'s figures.';
