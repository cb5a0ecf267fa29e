// A small static map of one area as SVG: outline, gaps, facilities, legend and scale bar. SVG
// (not the WebGL map) so that it prints sharply on paper and in a PDF.
import type { FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import bbox from '@turf/bbox';
import type { FacilityProperties } from '../../api/queries.ts';
import { useT } from '../../kit/i18n.ts';
import { colorOf } from '../facilities/categoryStyle.ts';
import { GAP_COLOR } from '../coverage/classes.ts';

type Props = {
  outline: Polygon | MultiPolygon;
  gaps: FeatureCollection<Polygon | MultiPolygon>;
  facilities: FeatureCollection<Point, FacilityProperties>;
  categories: { key: string; fieldOfAction: string; label: string }[];
  gapLabel: string;
};

const WIDTH = 600;
const HEIGHT = 380;
const PAD = 12;
const METRES_PER_DEGREE = 111_320;

export function AreaMiniMap({ outline, gaps, facilities, categories, gapLabel }: Props) {
  const t = useT();
  const [west, south, east, north] = bbox(outline);
  const cosLat = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const scale = Math.min((WIDTH - 2 * PAD) / ((east - west) * cosLat), (HEIGHT - 2 * PAD) / (north - south));
  const x = (lon: number) => PAD + (lon - west) * cosLat * scale;
  const y = (lat: number) => PAD + (north - lat) * scale;
  const ring = (positions: Position[]) => `${positions.map(([lon, lat], i) => `${i ? 'L' : 'M'}${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join('')}Z`;
  const path = (geometry: Polygon | MultiPolygon) =>
    (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).flatMap((polygon) => polygon.map(ring)).join('');
  // Scale bar: the roundest length that takes up to a quarter of the width.
  const metresPerPixel = METRES_PER_DEGREE / scale;
  const barMetres = [50, 100, 200, 250, 500, 1000, 2000, 5000].filter((m) => m / metresPerPixel <= WIDTH / 4).pop() ?? 50;
  const barPixels = barMetres / metresPerPixel;
  const shown = categories.filter((c) => facilities.features.some((f) => f.properties.category === c.key));
  return (
    <figure className="mini-map" data-testid="profile-map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('mapOfArea')}>
        <defs>
          <pattern id="profile-gap-hatch" patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
            <rect width={2} height={6} fill={GAP_COLOR} fillOpacity={0.8} />
          </pattern>
        </defs>
        <rect width={WIDTH} height={HEIGHT} fill="#f3f1ec" />
        {gaps.features.map((f) => (
          <path key={String(f.properties?.rank)} d={path(f.geometry)} fill="url(#profile-gap-hatch)" stroke={GAP_COLOR} strokeWidth={0.8} />
        ))}
        <path d={path(outline)} fill="none" stroke="#111827" strokeWidth={2.5} />
        {facilities.features.map((f) => {
          const [lon, lat] = f.geometry.coordinates;
          const category = categories.find((c) => c.key === f.properties.category);
          return <circle key={f.properties.key} cx={x(lon)} cy={y(lat)} r={4} fill={category ? colorOf(category) : '#8c8c8c'} stroke="#fff" strokeWidth={1} />;
        })}
        <g transform={`translate(${PAD}, ${HEIGHT - PAD - 14})`}>
          <rect x={-4} y={-14} width={barPixels + 60} height={30} fill="#fff" fillOpacity={0.8} />
          <line x1={0} x2={barPixels} y1={6} y2={6} stroke="#111827" strokeWidth={3} />
          <text x={barPixels + 6} y={10} fontSize={12}>
            {barMetres >= 1000 ? `${barMetres / 1000} km` : `${barMetres} m`}
          </text>
          <text x={0} y={-2} fontSize={11}>
            {t('scale')}
          </text>
        </g>
        <text x={WIDTH - PAD} y={PAD + 10} fontSize={14} textAnchor="end" fontWeight={700}>
          N ↑
        </text>
      </svg>
      <figcaption>
        <ul className="mini-legend">
          <li>
            <span className="class-swatch hatch" style={{ borderColor: GAP_COLOR }} aria-hidden="true" /> {gapLabel}
          </li>
          {shown.map((c) => (
            <li key={c.key}>
              <span className="swatch" style={{ background: colorOf(c) }} aria-hidden="true" /> {c.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
