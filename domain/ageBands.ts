// The age bands of the population model: the API's enum values and the keys used in SQL and data.
// Finer bands are not published for small areas; 0-17 is the sum of 0-5 and 6-17.
export const ageBands = { AGE_0_5: '0-5', AGE_6_17: '6-17', AGE_0_17: '0-17' } as const;

export type AgeBandEnum = keyof typeof ageBands;
export type AgeBand = (typeof ageBands)[AgeBandEnum];

/** The bands a band is made of in the stored counts. */
export const storedBands = (band: AgeBand): AgeBand[] => (band === '0-17' ? ['0-5', '6-17'] : [band]);
