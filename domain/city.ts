// The city the atlas serves, in one place: its code and names, its time zone, its coordinate
// systems, where it lies and which source manifest holds its files. Every text, SQL statement and
// test that names the city or its storage CRS reads it from here; another city changes this file,
// the source manifest and the level counts in areaLevels.ts.
import { text } from './text.ts';

export const CITY = {
  /** The code of the one area of level city. */
  code: 'DO',
  name: 'Dortmund',
  /** Amtlicher Gemeindeschlüssel (the state's school files write it with or without the leading 0). */
  municipalityKey: '05913000',
  /** The city as a publisher and as the line of comparison ("Stadt Dortmund"). */
  officialName: text('Stadt Dortmund', 'City of Dortmund'),
  /** Dates are the city's dates: "today" and every date shown are taken in this zone. */
  timeZone: 'Europe/Berlin',
  /** Longitude and latitude the city lies within (for hints in the API and the benchmarks). */
  bounds: { west: 7.3, south: 51.41, east: 7.64, north: 51.6 },
  /** The source manifest (pinned URLs, checksums, licences), relative to the project root. */
  sourceManifest: 'geodata/sources.json',
  /** The statistics office whose indicators the atlas imports. */
  statisticsOffice: 'Stadt Dortmund, Dortmunder Statistik: Statistikatlas',
} as const;

/** The atlas's name in both languages. */
export const ATLAS_TITLE = text(`Versorgungsatlas ${CITY.name}`, `Provision atlas ${CITY.name}`);

/** Storage CRS: ETRS89 / UTM zone 32N, metres; every distance of the atlas is measured in it. */
export const STORAGE_SRID = 25832;
/** Longitude and latitude (WGS84): what the API takes and gives. */
export const LON_LAT_SRID = 4326;
/** The census grid's CRS (ETRS89-LAEA Europe, 100 m cells). */
export const CENSUS_SRID = 3035;

/** Today's date in the city (ISO, 2026-12-02). `now` is for tests. */
export const todayInCity = (now: Date = new Date()): string => new Intl.DateTimeFormat('sv-SE', { timeZone: CITY.timeZone }).format(now);

/** The text of "lies outside the city" errors. */
export const OUTSIDE_CITY = `lies outside ${CITY.name}`;
