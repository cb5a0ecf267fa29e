// Ranking of the areas for the chosen measure, with the city as a row; sortable and exportable.
import { useState } from 'react';
import { useLang, useT, type MessageKey } from '../../kit/i18n.ts';
import { formatCount, formatNumber } from '../../kit/format.ts';
import { type CsvCell, downloadCsv } from './downloadCsv.ts';
import type { CoverageRow, PlannerData } from './plannerQuery.ts';
import { CITY } from '../../../../domain/city.ts';

type Column = {
  key: string;
  label: MessageKey;
  /** Unit for the CSV header, e.g. "%" -> "Anteil in Reichweite (%)". */
  unit?: string;
  value: (row: CoverageRow) => number | string | null;
  format: (row: CoverageRow) => string;
  /** The cell in the CSV file: a number stays a number; a suppressed count stays as the API writes it ("< 5"). */
  csv: (row: CoverageRow) => CsvCell;
  /** False: only in the CSV export (the panel is narrow). */
  shown?: boolean;
};

const count = (c: CoverageRow['children']): CsvCell => (c.suppressed || c.value === null ? c.display : c.value);
const rounded = (value: number | null, decimals: number): CsvCell => (value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals);

const columns: Column[] = [
  { key: 'name', label: 'col_name', value: (r) => r.area.name, format: (r) => r.area.name, csv: (r) => r.area.name },
  { key: 'children', label: 'col_children', value: (r) => r.children.value, format: (r) => formatCount(r.children), csv: (r) => count(r.children) },
  { key: 'beyond', label: 'col_beyond', value: (r) => r.childrenBeyond.value, format: (r) => formatCount(r.childrenBeyond), csv: (r) => count(r.childrenBeyond) },
  {
    key: 'share',
    label: 'col_share',
    unit: '%',
    value: (r) => r.shareWithin,
    format: (r) => (r.shareWithin === null ? '–' : `${formatNumber(r.shareWithin * 100, 0)} %`),
    csv: (r) => rounded(r.shareWithin === null ? null : r.shareWithin * 100, 1),
  },
  {
    key: 'median',
    label: 'col_median',
    unit: 'm',
    value: (r) => r.medianDistanceMetres,
    format: (r) => (r.medianDistanceMetres === null ? '–' : `${formatNumber(r.medianDistanceMetres, 0)} m`),
    csv: (r) => r.medianDistanceMetres,
    shown: false,
  },
  {
    key: 'supply',
    label: 'col_supply',
    value: (r) => r.supplyPer1000Children,
    format: (r) => (r.supplyPer1000Children === null ? '–' : formatNumber(r.supplyPer1000Children, 1)),
    csv: (r) => rounded(r.supplyPer1000Children, 3),
  },
];

type Props = {
  coverage: PlannerData['coverage'];
  hovered: string | null;
  onHover: (code: string | null) => void;
  onSelect: (code: string) => void;
  csvName: string;
  /** First row of the CSV file: which view and settings it comes from. */
  csvNote: string;
};

export function RankingTable({ coverage, hovered, onHover, onSelect, csvName, csvNote }: Props) {
  const t = useT();
  const lang = useLang();
  const [sort, setSort] = useState<{ key: string; descending: boolean }>({ key: 'share', descending: false });
  const column = columns.find((c) => c.key === sort.key)!;
  const visible = columns.filter((c) => c.shown !== false);
  const rows = [...coverage.areas].sort((a, b) => {
    const [x, y] = [column.value(a), column.value(b)];
    if (x === null) return 1;
    if (y === null) return -1;
    const order = typeof x === 'string' ? x.localeCompare(String(y), 'de') : x - (y as number);
    return sort.descending ? -order : order;
  });
  const city = { ...coverage.city, area: { code: CITY.code, name: t('city') } };
  const exportCsv = () =>
    downloadCsv(
      csvName,
      lang,
      csvNote,
      [...columns.map((c) => (c.unit ? `${t(c.label)} (${c.unit})` : t(c.label))), t('col_code')],
      [...rows, city].map((r) => [...columns.map((c) => c.csv(r)), { code: r.area.code }]),
    );
  return (
    <section aria-labelledby="ranking-title">
      <div className="section-head">
        <h3 id="ranking-title">{t('ranking')}</h3>
        <button type="button" className="small-button" onClick={exportCsv} data-testid="ranking-csv">
          {t('downloadCsv')}
        </button>
      </div>
      <div className="table-scroll">
        <table className="figures ranking" data-testid="ranking">
          <thead>
            <tr>
              {visible.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button
                    type="button"
                    className="sort-button"
                    title={t('sortBy', { c: t(c.label) })}
                    onClick={() => setSort({ key: c.key, descending: sort.key === c.key ? !sort.descending : false })}
                  >
                    {t(c.label)}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.area.code}
                data-code={r.area.code}
                className={hovered === r.area.code ? 'hovered' : undefined}
                onMouseEnter={() => onHover(r.area.code)}
                onMouseLeave={() => onHover(null)}
              >
                <td>
                  <button type="button" className="link-button" onClick={() => onSelect(r.area.code)} data-focus-key={`area:${r.area.code}`}>
                    {r.area.name.replace(/\//g, '/\u200b')}
                  </button>
                </td>
                {visible.slice(1).map((c) => (
                  <td key={c.key}>{c.format(r)}</td>
                ))}
              </tr>
            ))}
            <tr className="city-row" data-code={CITY.code}>
              <td>{city.area.name}</td>
              {visible.slice(1).map((c) => (
                <td key={c.key}>{c.format(city)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
