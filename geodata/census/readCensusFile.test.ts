// The census reader on the census office's two CSV formats (hand-made fixtures) and broken
// input: every problem names the file. The real Parquet file is read in test/census.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { centreOfGridId, gridIdOf } from './censusGrid.ts';
import { CensusFileError, readCensusFile } from './readCensusFile.ts';

const fixtures = path.resolve(import.meta.dirname, '../../test/fixtures/census');
const fixture = (name: string) => readFileSync(path.join(fixtures, name));
const csv = (text: string) => Buffer.from(text, 'utf8');

describe('census grid ids', () => {
  it('reads both spellings of a cell id and writes the INSPIRE one', () => {
    expect(centreOfGridId('CRS3035RES100mN3100000E4110000', 100)).toEqual({ x: 4110050, y: 3100050 });
    expect(centreOfGridId('100mN31000E41100', 100)).toEqual({ x: 4110050, y: 3100050 });
    expect(centreOfGridId('CRS3035RES1000mN3100000E4110000', 100)).toBeNull();
    expect(gridIdOf(4110050, 3100050, 100)).toBe('CRS3035RES100mN3100000E4110000');
  });
});

describe('readCensusFile', () => {
  it('reads the Zensus 2011 long CSV: class 1 of ALTER_10JG only, suppressed values left out', async () => {
    const cells = await readCensusFile(fixture('zensus2011-long.csv'), 'zensus2011-long.csv', {
      format: 'csv', cellSizeMetres: 100, encoding: 'latin1', where: { Merkmal: 'ALTER_10JG', Auspraegung_Code: '1' },
    });
    expect(cells).toEqual([
      { gridId: 'CRS3035RES100mN3100000E4110000', x: 4110050, y: 3100050, count: 30, quality: 0 },
      { gridId: 'CRS3035RES100mN3100500E4110500', x: 4110550, y: 3100550, count: 7, quality: 1 },
    ]);
  });

  it('reads the Zensus 2022 wide CSV by its count column', async () => {
    const cells = await readCensusFile(fixture('zensus2022-wide.csv'), 'zensus2022-wide.csv', { format: 'csv', cellSizeMetres: 100, countColumn: 'Unter10' });
    expect(cells.map((c) => [c.gridId, c.count])).toEqual([
      ['CRS3035RES100mN3100000E4110000', 25],
      ['CRS3035RES100mN3100900E4111000', 4],
    ]);
  });

  it.each([
    ['no count column', 'GITTER_ID_100m;x_mp_100m;y_mp_100m;Frauen\nCRS3035RES100mN3100000E4110000;4110050;3100050;3\n', /has no count column/],
    ['no position', 'Merkmal;Anzahl\nALTER_10JG;3\n', /neither a cell id column/],
    ['a count that is no number', 'GITTER_ID_100m;x_mp_100m;y_mp_100m;Unter10\nCRS3035RES100mN3100000E4110000;4110050;3100050;drei\n', /line 2: count "drei"/],
    ['swapped x and y', 'GITTER_ID_100m;x_mp_100m;y_mp_100m;Unter10\nX;3100050;4110050;3\n', /outside Germany/],
    ['coordinates in degrees', 'GITTER_ID_100m;x_mp_100m;y_mp_100m;Unter10\nX;7.46;51.51;3\n', /outside Germany/],
    ['a centre off the grid', 'GITTER_ID_100m;x_mp_100m;y_mp_100m;Unter10\nX;4110000;3100000;3\n', /not the centre of a 100 m census cell/],
    ['an empty file', '', /is empty/],
  ])('refuses a CSV with %s, naming the file', async (_, text, message) => {
    const error = await readCensusFile(csv(text), 'bad.csv', { format: 'csv', cellSizeMetres: 100 }).catch((e) => e);
    expect(error).toBeInstanceOf(CensusFileError);
    expect(error.message).toMatch(/^bad\.csv: /);
    expect(error.message).toMatch(message);
  });

  it('refuses a file that is not Parquet, naming it', async () => {
    const error = await readCensusFile(csv('value,x,y\n1,2,3\n'), 'grid.parquet', { format: 'parquet', cellSizeMetres: 100 }).catch((e) => e);
    expect(error.message).toMatch(/^grid\.parquet: is not a readable Parquet file/);
  });
});
