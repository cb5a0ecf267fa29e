// How the children of a sub-district are placed inside it: by the census grid, or evenly by area.
export const distributions = { CENSUS: 'census', EVEN: 'even' } as const;

export type Distribution = (typeof distributions)[keyof typeof distributions];
