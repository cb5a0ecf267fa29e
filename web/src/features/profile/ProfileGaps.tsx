// The profile's gaps for the planner's offer: children beyond reach and the largest gap areas.
import { useT } from '../../kit/i18n.ts';
import { formatCount, formatNumber } from '../../kit/format.ts';
import type { ProfileData } from './profileQuery.ts';

/** Gap areas listed by name in the profile (the printed page has room for these). */
const SHOWN = 5;

export function ProfileGaps({ data }: { data: ProfileData }) {
  const t = useT();
  const { gaps } = data;
  if (!gaps.hotspots.length) return <p data-testid="profile-gaps">{t('gapsNone')}</p>;
  return (
    <div data-testid="profile-gaps">
      <p>
        {t('gapsSummary', { n: formatCount(gaps.childrenBeyond), k: gaps.hotspotCount })}
        {gaps.hotspotCount > SHOWN ? ` ${t('gapsLargest', { k: SHOWN })}` : ''}
      </p>
      <ol className="gap-list">
        {gaps.hotspots.slice(0, SHOWN).map((h) => (
          <li key={h.rank}>{t('gapRow', { rank: h.rank, n: formatCount(h.children), km: formatNumber(h.areaKm2, 2) })}</li>
        ))}
      </ol>
    </div>
  );
}
