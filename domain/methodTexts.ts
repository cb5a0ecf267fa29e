// The method statements shared by the API's answers, in German and English: how distances are
// measured, how supply is counted, the small-count rule.
import { text } from './text.ts';

export const DISTANCE_FROM_CELL = text(
  'Luftlinie zwischen Gitterzelle und Einrichtung (EPSG:25832), mal Umwegfaktor',
  'straight line between the grid cell and the facility (EPSG:25832), multiplied by the detour factor',
);
export const DISTANCE_FROM_POINT = text(
  'Luftlinie zwischen dem Punkt und der Einrichtung (EPSG:25832), mal Umwegfaktor',
  'straight line between the point and the facility (EPSG:25832), multiplied by the detour factor',
);
export const DISTANCE_ON_NETWORK = text(
  'Fußweg auf dem Wegenetz (kürzester Weg, Zugang zum nächsten Weg als Luftlinie); wo Zelle oder Einrichtung nicht am Netz liegen: Luftlinie mal Umwegfaktor (Anteil am Netz gemessen: shareOnNetwork)',
  'walk on the walking network (shortest path, the access to the nearest way as a straight line); where the cell or the facility is not attached to it: straight line times the detour factor (share measured on the network: shareOnNetwork)',
);
export const DISTANCE_ON_NETWORK_FROM_POINT = text(
  'Fußweg auf dem Wegenetz vom Punkt zur Einrichtung; wo einer von beiden nicht am Netz liegt: Luftlinie mal Umwegfaktor (measuredOn)',
  'walk on the walking network from the point to the facility; where either is not attached to it: straight line times the detour factor (measuredOn)',
);
/** Where the detour factor of an answer comes from. */
export const detourSource = (factor: number, network: boolean) =>
  text(
    `${factor === 1 ? 'Umwegfaktor 1,0: Luftlinie, die Vorgabe des Atlas' : 'Umwegfaktor in der Anfrage gesetzt'}${network ? '; gilt nur, wo nicht auf dem Wegenetz gemessen wird' : ''}. Einen Anhaltswert aus den eigenen Straßen gibt walkingNetwork.calibration (Fußweg zu Luftlinie, sobald ein Wegenetz eingelesen ist).`,
    `${factor === 1 ? "Detour factor 1.0: straight line, the atlas's default" : 'Detour factor set in the query'}${network ? '; it applies only where a distance is not measured on the walking network' : ''}. A value from the city's own streets: walkingNetwork.calibration (walk over straight line, once a walking network is imported).`,
  );
export const DISTANCE_STRAIGHT_LINE = text(
  'Luftlinie (euklidische Entfernung in ETRS89 / UTM 32N, EPSG:25832); Fußwege sind länger',
  'straight line (Euclidean distance in ETRS89 / UTM 32N, EPSG:25832); walking routes are longer',
);

export const SUPPLY_BY_COUNT = text(
  'Anzahl der Einrichtungen: Plätze (Kapazitäten) sind für diese Einrichtungen nicht bekannt, daher zählen die Versorgungsquoten Einrichtungen.',
  'Facility count: capacities (places) are not known for these facilities, so supply ratios count facilities.',
);
export const SUPPLY_BY_PUPILS = text(
  'Schülerinnen und Schüler der Schulen (IT.NRW, Schul- und Adressverzeichnis 2024/25, je Schule auf 5 gerundet): wer dort zur Schule geht, keine Kapazität. Ein städtischer Schulstandort ohne Schule im Verzeichnis des Landes (Teilstandort, geschlossene Schule) zählt 0.',
  'Pupils enrolled in the schools (IT.NRW school directory 2024/25, rounded to 5 per school): who goes there, not capacity. A city school point without a school of the state\'s directory (a branch site, a closed school) counts 0.',
);
export const SUPPLY_BY_PLACES = text('Plätze (Kapazität) der Einrichtungen.', 'Places (capacity) of the facilities.');
/** Said beside the supply measure while a walking network is in use: the 2SFCA catchments are walks. */
export const SUPPLY_CATCHMENT_NETWORK = text(
  ' Einzugsbereiche der 2SFCA-Quote: Fußweg auf dem Wegenetz bis zur Schwelle; wo das Netz Kind und Einrichtung nicht verbindet, Luftlinie mal Umwegfaktor.',
  ' Catchments of the 2SFCA ratio: the walk on the walking network up to the threshold; where the network does not join child and facility, the straight line times the detour factor.',
);

export const smallCountRule = (limit: number, cells = false) =>
  text(
    `Zahlen von Kindern unter ${limit} werden nicht gezeigt (Datenschutz).${cells ? ' Zellwerte sind Modellwerte, keine Zählungen.' : ''}`,
    `Numbers of children under ${limit} are not shown (data protection).${cells ? ' Cell values are model values, not counts.' : ''}`,
  );

/** For the children grid, which has no target: the fields that do not apply. */
export const NOT_APPLICABLE = text('entfällt', 'not applicable');
export const NO_TARGET_THRESHOLD = text('entfällt: wo Kinder leben, ohne Angebot', 'not applicable: where children live, without a target');

/** The indicator that measures need in need x provision: under-15s living on SGB II, in percent. */
export const CHILD_POVERTY_INDICATOR = 'children_under_15_SGB_II_pct';
