// Need x provision as a scatter: child poverty 2024 against the share of children within reach,
// one dot per area, the city values as cross lines. Hover and click are shared with the map.
import { useT } from '../../kit/i18n.ts';
import { formatNumber } from '../../kit/format.ts';
import type { NeedData } from './plannerQuery.ts';

type Props = {
  need: NeedData['needProvision'];
  labelAll: boolean;
  hovered: string | null;
  onHover: (code: string | null) => void;
  onSelect: (code: string) => void;
};

const W = 380;
const H = 300;
const M = { left: 44, right: 12, top: 12, bottom: 40 };

export function NeedChart({ need, labelAll, hovered, onHover, onSelect }: Props) {
  const t = useT();
  const rows = need.rows.filter((r) => r.childPoverty2024 !== null && r.shareWithin !== null);
  const values = [...rows.map((r) => r.childPoverty2024!), need.cityChildPoverty2024 ?? 0];
  const minX = Math.floor(Math.min(...values) / 10) * 10;
  const maxX = Math.max(minX + 10, Math.ceil(Math.max(...values) / 10) * 10);
  const x = (v: number) => M.left + ((v - minX) / (maxX - minX)) * (W - M.left - M.right);
  const y = (share: number) => M.top + (1 - share) * (H - M.top - M.bottom);
  const xTicks = Array.from({ length: (maxX - minX) / 10 + 1 }, (_, i) => minX + i * 10);
  const labels = placeLabels(rows.map((r) => ({ code: r.area.code, text: r.area.name, x: x(r.childPoverty2024!), y: y(r.shareWithin!) })));
  return (
    <figure className="need-chart" data-testid="need-chart">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG chart cannot be a fieldset */}
      <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-label={`${t('needTitle')}: ${t('needX')} / ${t('needY')}`}>
        {[0, 0.25, 0.5, 0.75, 1].map((s) => (
          <g key={s}>
            <line x1={M.left} x2={W - M.right} y1={y(s)} y2={y(s)} stroke="#e5e7eb" />
            <text x={M.left - 6} y={y(s) + 4} fontSize={11} textAnchor="end">
              {s * 100}
            </text>
          </g>
        ))}
        {xTicks.map((v) => (
          <text key={v} x={x(v)} y={H - M.bottom + 16} fontSize={11} textAnchor="middle">
            {v}
          </text>
        ))}
        <text x={(M.left + W - M.right) / 2} y={H - 6} fontSize={12} textAnchor="middle">
          {t('needX')}
        </text>
        <text transform={`translate(12 ${(M.top + H - M.bottom) / 2}) rotate(-90)`} fontSize={12} textAnchor="middle">
          {t('needY')}
        </text>
        {need.cityChildPoverty2024 !== null && (
          <line x1={x(need.cityChildPoverty2024)} x2={x(need.cityChildPoverty2024)} y1={M.top} y2={H - M.bottom} stroke="#6b7280" strokeDasharray="4 3" />
        )}
        {need.cityShareWithin !== null && (
          <>
            <line x1={M.left} x2={W - M.right} y1={y(need.cityShareWithin)} y2={y(need.cityShareWithin)} stroke="#6b7280" strokeDasharray="4 3" />
            <text x={W - M.right} y={y(need.cityShareWithin) - 4} fontSize={10} textAnchor="end" fill="#374151">
              {t('needCity')}
            </text>
          </>
        )}
        {rows.map((r) => {
          const active = hovered === r.area.code;
          const label = `${r.area.name}: ${t('needX')} ${formatNumber(r.childPoverty2024!, 1)}, ${t('needY')} ${formatNumber(r.shareWithin! * 100, 0)}${
            r.highNeedPoorProvision ? ` (${t('needUrgent')})` : ''
          }`;
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG point cannot be a <button>; Enter and Space are handled
            <g
              key={r.area.code}
              className="need-point"
              data-code={r.area.code}
              tabIndex={0}
              role="button"
              aria-label={label}
              onMouseEnter={() => onHover(r.area.code)}
              onMouseLeave={() => onHover(null)}
              onFocus={() => onHover(r.area.code)}
              onBlur={() => onHover(null)}
              onClick={() => onSelect(r.area.code)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' && e.key !== ' ') return;
                e.preventDefault();
                onSelect(r.area.code);
              }}
            >
              <title>{label}</title>
              <circle
                cx={x(r.childPoverty2024!)}
                cy={y(r.shareWithin!)}
                r={active ? 8 : labelAll ? 5.5 : 4}
                fill={r.highNeedPoorProvision ? '#b2182b' : '#2166ac'}
                fillOpacity={0.85}
                stroke={active ? '#111827' : '#fff'}
                strokeWidth={active ? 2.5 : 1}
              />
              {(active || (labelAll && labels.has(r.area.code))) && (
                <LabelText x={x(r.childPoverty2024!)} y={y(r.shareWithin!)} text={r.area.name} side={labels.get(r.area.code) ?? 'right'} bold={active} />
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="hint">
        <span className="dot urgent" aria-hidden="true" /> {t('needUrgent')}. {t('needHint')} {t('needMethod')}
      </figcaption>
    </figure>
  );
}

const CHAR_WIDTH = 5.6;
type Side = 'right' | 'left';

function LabelText({ x, y, text, side, bold }: { x: number; y: number; text: string; side: Side; bold: boolean }) {
  return (
    <text x={side === 'right' ? x + 7 : x - 7} y={y + 4} fontSize={10.5} fontWeight={bold ? 700 : 400} textAnchor={side === 'right' ? 'start' : 'end'} paintOrder="stroke" stroke="#fff" strokeWidth={3}>
      {text}
    </text>
  );
}

/** Greedy label placement: right of the dot, else left, else no label (the dot keeps its tooltip). */
function placeLabels(points: { code: string; text: string; x: number; y: number }[]): Map<string, Side> {
  const boxes: [number, number, number, number][] = points.map((p) => [p.x - 5, p.y - 5, p.x + 5, p.y + 5]);
  const placed = new Map<string, Side>();
  const overlaps = (b: [number, number, number, number]) => boxes.some((o) => b[0] < o[2] && b[2] > o[0] && b[1] < o[3] && b[3] > o[1]);
  for (const p of [...points].sort((a, b) => a.y - b.y)) {
    const width = p.text.length * CHAR_WIDTH;
    for (const side of ['right', 'left'] as const) {
      const left = side === 'right' ? p.x + 7 : p.x - 7 - width;
      const box: [number, number, number, number] = [left, p.y - 6, left + width, p.y + 6];
      if (box[0] < M.left || box[2] > W - 2 || overlaps(box)) continue;
      boxes.push(box);
      placed.set(p.code, side);
      break;
    }
  }
  return placed;
}
