// A copied link opens the same view: every state the dashboard writes reads back unchanged.
import { describe, expect, it } from 'vitest';
import { defaultPartner, defaultPlanner, readUrlState, urlSearchOf, type UrlState } from './urlState.ts';

const base: UrlState = {
  view: 'karte',
  lang: 'de',
  selection: null,
  categories: null,
  planner: defaultPlanner,
  partner: defaultPartner,
  scenario: { open: false, key: null, changes: [] },
  planYear: null,
};

describe('the URL state', () => {
  it.each<[string, UrlState]>([
    ['the default map', base],
    ['the map with chosen categories and an Aktionsraum', { ...base, categories: ['kita', 'spielplatz'], selection: { level: 'AKTIONSRAUM', code: '022' } }],
    [
      'the gap map with every setting, in English',
      {
        ...base,
        view: 'luecken',
        lang: 'en',
        selection: { level: 'UBZ', code: '051' },
        planner: { level: 'SOZIALRAUM', target: 'field:BETREUUNG', ageBand: 'AGE_6_17', threshold: 750, measure: 'childrenBeyond', showGaps: false, showCatchments: true, showChildren: true, showSchools: true },
      },
    ],
    [
      'a partner search around a facility',
      { ...base, view: 'partner', partner: { origin: { longitude: 7.4652, latitude: 51.5236, facilityKey: 'city:kita:12', name: null }, radius: 1500, kinds: ['kita', 'bibliothek'], offers: ['sprachfoerderung'], startchancen: true } },
    ],
    [
      'a stored scenario with draft changes in the gap map',
      {
        ...base,
        view: 'luecken',
        scenario: { open: true, key: 'AbC-12_x', changes: [{ kind: 'ADD', category: 'kita', longitude: 7.478159, latitude: 51.54074, capacity: 60 }, { kind: 'CLOSE', facilityKey: 'city:kita:7' }] },
      },
    ],
    ['the action plan of Borsigplatz for 2027', { ...base, view: 'plan', selection: { level: 'AKTIONSRAUM', code: '023' }, planYear: 2027 }],
  ])('reads back %s unchanged', (_, state) => {
    expect(readUrlState(`?${urlSearchOf(state)}`)).toEqual(state);
  });

  it('writes nothing for the default view, and readable words otherwise', () => {
    expect(urlSearchOf(base)).toBe('');
    expect(urlSearchOf({ ...base, view: 'luecken', planner: { ...defaultPlanner, showChildren: true } })).toBe(
      'ansicht=luecken&ebene=AKTIONSRAUM&angebot=kita&alter=AGE_0_5&mass=shareWithin&kinder=1',
    );
  });

  it('falls back to the defaults for values it does not know', () => {
    const state = readUrlState('?ansicht=nirgends&alter=AGE_99&ebene=LAND&umkreis=7&gebiet=MOND:1&ort=abc');
    expect(state).toMatchObject({ view: 'karte', selection: null, planner: { ageBand: 'AGE_0_5', level: 'AKTIONSRAUM' }, partner: { radius: 1000, origin: null } });
  });
});
