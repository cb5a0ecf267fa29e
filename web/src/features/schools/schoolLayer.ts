// The schools of the state's directory on the map, coloured by their social index (fixed classes
// 1 to 9, grey without one), Startchancen schools ringed: query, features, layer and tooltip.
import type { FeatureCollection, Point } from 'geojson';
import type { AddLayerObject, ExpressionSpecification } from 'maplibre-gl';
import { graphql } from '../../gql/gql.ts';
import type { SchoolsQuery } from '../../gql/graphql.ts';
import { formatNumber } from '../../kit/format.ts';
import type { Translate } from '../../kit/i18n.ts';

export const SCHOOL_SOURCE = 'schools';
export const SCHOOL_LAYER = 'school-circle';

/**
 * One colour per social index 1 (least) to 9 (most burdened school environment): light to dark
 * (ColorBrewer RdPu, 9 classes: apart from the facilities' oranges and the coverage blues).
 */
export const SOCIAL_INDEX_COLORS = ['#fff7f3', '#fde0dd', '#fcc5c0', '#fa9fb5', '#f768a1', '#dd3497', '#ae017e', '#7a0177', '#49006a'];
export const NO_INDEX_COLOR = '#9ca3af';
export const STARTCHANCEN_RING = '#111827';

export const schoolsQuery = graphql(`
  query Schools {
    schools(childrensProvision: true) {
      schulnummer name schulform pupils socialIndex startchancen
      location { longitude latitude }
      facility { key location { longitude latitude } }
    }
  }
`);

export type SchoolProperties = { schulnummer: string; name: string; schulform: string; pupils: number | null; socialIndex: number | null; startchancen: boolean };

/** The schools as points: the official position, else the city's point matched to the school. */
export function schoolFeatures(data: SchoolsQuery): FeatureCollection<Point, SchoolProperties> {
  const features = data.schools.flatMap((s) => {
    const at = s.location ?? s.facility?.location;
    if (!at) return [];
    const properties: SchoolProperties = { schulnummer: s.schulnummer, name: s.name, schulform: s.schulform, pupils: s.pupils ?? null, socialIndex: s.socialIndex ?? null, startchancen: s.startchancen };
    return [{ type: 'Feature' as const, properties, geometry: { type: 'Point' as const, coordinates: [at.longitude, at.latitude] } }];
  });
  return { type: 'FeatureCollection', features };
}

const indexColor: ExpressionSpecification = [
  'case',
  ['==', ['get', 'socialIndex'], null],
  NO_INDEX_COLOR,
  ['match', ['get', 'socialIndex'], ...SOCIAL_INDEX_COLORS.flatMap((color, i) => [i + 1, color]), NO_INDEX_COLOR],
] as unknown as ExpressionSpecification;

export function schoolLayer(): AddLayerObject {
  return {
    id: SCHOOL_LAYER,
    type: 'circle',
    source: SCHOOL_SOURCE,
    paint: {
      'circle-color': indexColor,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, ['case', ['get', 'startchancen'], 6, 4.5], 14, ['case', ['get', 'startchancen'], 11, 8]],
      // A dark outline sets schools apart from the other facilities (white outlines); Startchancen: a thick ring.
      'circle-stroke-color': ['case', ['get', 'startchancen'], STARTCHANCEN_RING, '#4b5563'],
      'circle-stroke-width': ['case', ['get', 'startchancen'], 3.5, 1.5],
    },
  };
}

export function schoolTooltip(p: Record<string, unknown>, t: Translate): string {
  const index = p.socialIndex === null || p.socialIndex === undefined ? t('socialIndexNone') : t('socialIndexValue', { n: String(p.socialIndex) });
  const pupils = p.pupils === null || p.pupils === undefined ? '' : ` · ${t('schoolPupils', { n: formatNumber(Number(p.pupils), 0) })}`;
  return `${p.name} · ${p.schulform} · ${index}${pupils}${p.startchancen ? ` · ${t('schoolsStartchancenOne')}` : ''}`;
}
