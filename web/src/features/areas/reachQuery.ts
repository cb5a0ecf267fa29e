// Reach of the main offers for children in one Aktionsraum, against the city (coverage API).
export const reachTargets = [
  { alias: 'kita', category: 'kita', band: 'AGE_0_5', labelDe: 'Kita', bandDe: 'unter 6' },
  { alias: 'spielplatz', category: 'spielplatz', band: 'AGE_0_5', labelDe: 'Spielplatz', bandDe: 'unter 6' },
  { alias: 'grundschule', category: 'grundschule', band: 'AGE_6_17', labelDe: 'Grundschule', bandDe: '6 bis 17' },
  { alias: 'jugend', category: 'jugendfreizeitstaette', band: 'AGE_6_17', labelDe: 'Jugendfreizeitstätte', bandDe: '6 bis 17' },
] as const;

export type ReachRow = {
  method: { thresholdMetres: number; populationIsEstimate: boolean };
  areas: { area: { code: string }; children: { display: string }; childrenWithin: { display: string }; shareWithin: number | null }[];
  city: { shareWithin: number | null };
};

export type ReachData = Record<(typeof reachTargets)[number]['alias'], ReachRow>;

export const reachQuery = /* GraphQL */ `
  query AktionsraumReach {
    ${reachTargets
      .map(
        (t) => `${t.alias}: coverage(level: AKTIONSRAUM, target: { category: "${t.category}" }, ageBand: ${t.band}) {
      method { thresholdMetres populationIsEstimate }
      areas { area { code } children { display } childrenWithin { display } shareWithin }
      city { shareWithin }
    }`,
      )
      .join('\n')}
  }
`;
