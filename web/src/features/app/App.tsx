import { useCallback, useEffect, useState } from 'react';
import { graphql } from '../../api/graphql.ts';
import { atlasDataQuery, type AtlasData, type FacilityProperties } from '../../api/queries.ts';
import { AreaPanel } from '../areas/AreaPanel.tsx';
import { AktionsraumList } from '../areas/AktionsraumList.tsx';
import { CategoryLegend } from '../facilities/CategoryLegend.tsx';
import { defaultCategories } from '../facilities/categoryStyle.ts';
import { FacilityDetails } from '../facilities/FacilityDetails.tsx';
import { MapView } from '../map/MapView.tsx';
import { readUrlState, writeUrlState } from './urlState.ts';
import { useAsync } from './useAsync.ts';

export function App() {
  const data = useAsync(() => graphql<AtlasData>(atlasDataQuery), []);
  const [initial] = useState(readUrlState);
  const [aktionsraum, setAktionsraum] = useState<string | null>(initial.aktionsraum);
  const [categories, setCategories] = useState<string[]>(initial.categories ?? defaultCategories);
  const [facility, setFacility] = useState<FacilityProperties | null>(null);

  useEffect(() => writeUrlState({ aktionsraum, categories }), [aktionsraum, categories]);
  const selectAktionsraum = useCallback((code: string | null) => {
    setFacility(null);
    setAktionsraum(code);
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <h1>Versorgungsatlas Dortmund</h1>
        <p>Aktionsplan Soziale Stadt: Angebote für Kinder und Familien in den 13 Aktionsräumen</p>
      </header>
      <main className="app-main">
        {data.status === 'loading' && <p className="status" role="status">Karte und Daten werden geladen …</p>}
        {data.status === 'error' && (
          <p className="status error" role="alert">
            Die Daten konnten nicht geladen werden: {data.message}
          </p>
        )}
        {data.status === 'done' && (
          <>
            <MapView
              data={data.value}
              categories={categories}
              selectedAktionsraum={aktionsraum}
              onSelectAktionsraum={selectAktionsraum}
              onSelectFacility={setFacility}
            />
            <aside className="panel" aria-label="Details">
              {facility && <FacilityDetails facility={facility} categories={data.value.taxonomy.categories} onClose={() => setFacility(null)} />}
              {aktionsraum ? (
                <AreaPanel code={aktionsraum} onClose={() => selectAktionsraum(null)} />
              ) : (
                <AktionsraumList areas={data.value.aktionsraeume} onSelect={selectAktionsraum} />
              )}
              <CategoryLegend taxonomy={data.value.taxonomy} selected={categories} onChange={setCategories} />
            </aside>
          </>
        )}
      </main>
    </div>
  );
}
