// The census grid's geometry: INSPIRE cell ids and cell centres in EPSG:3035 (ETRS89-LAEA).
// A cell id names the cell's lower-left corner; the files give the centre.

export type CensusCell = {
  /** INSPIRE id, e.g. CRS3035RES100mN3102100E4110500 (lower-left corner, metres). */
  gridId: string;
  /** Cell centre, EPSG:3035 metres. */
  x: number;
  y: number;
  /** Persons of the census feature (here: under 10) in the cell. */
  count: number;
  /** The census office's quality flag, where the file has one. */
  quality: number | null;
};

/**
 * Where a cell centre of the German census grid can lie: Germany's extent in EPSG:3035 with a
 * margin. A centre outside it is not a German census cell (wrong CRS or swapped columns).
 */
export const GERMANY_3035 = { minX: 4_000_000, maxX: 4_700_000, minY: 2_650_000, maxY: 3_600_000 } as const;

export function isInGermany(x: number, y: number): boolean {
  return x >= GERMANY_3035.minX && x <= GERMANY_3035.maxX && y >= GERMANY_3035.minY && y <= GERMANY_3035.maxY;
}

export function gridIdOf(x: number, y: number, cellSize: number): string {
  const half = cellSize / 2;
  return `CRS3035RES${cellSize}mN${Math.round(y - half)}E${Math.round(x - half)}`;
}

/**
 * Reads a cell id in either spelling the census office uses: `CRS3035RES100mN3102100E4110500`
 * (Zensus 2022, corner in metres) or `100mN31021E41105` (Zensus 2011, corner in cell units).
 * Returns the centre, or null when the text is no cell id of that size.
 */
export function centreOfGridId(id: string, cellSize: number): { x: number; y: number } | null {
  const full = /^CRS3035RES(\d+)mN(\d+)E(\d+)$/.exec(id);
  if (full) {
    if (Number(full[1]) !== cellSize) return null;
    return { x: Number(full[3]) + cellSize / 2, y: Number(full[2]) + cellSize / 2 };
  }
  const short = /^(\d+)mN(\d+)E(\d+)$/.exec(id);
  if (short && Number(short[1]) === cellSize) {
    return { x: Number(short[3]) * cellSize + cellSize / 2, y: Number(short[2]) * cellSize + cellSize / 2 };
  }
  return null;
}
