// CSV files that open right in a spreadsheet of the user's language. German (the default):
// semicolons, decimal comma, no thousands separator; English: commas and decimal points. Area
// codes stay text ("023" would become 23): written as ="023", which Excel and LibreOffice show as
// the code. The first row says where the file came from (view, settings, date). A text that a
// spreadsheet would run as a formula (a name beginning with =, +, -, @) is neutralised.
import { spreadsheetText } from '../../../../domain/spreadsheetCell.ts';
import type { Lang } from '../../kit/i18n.ts';

/** A cell: words, a number (written in the file's number format), a code (kept as text), or empty. */
export type CsvCell = string | number | null | { code: string };

/** Offers text as a file download. */
export function downloadFile(filename: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** The file's text: UTF-8 with BOM, CRLF line ends, the note first, then the header and rows. */
export function csvText(lang: Lang, note: string, header: string[], rows: CsvCell[][]): string {
  const separator = lang === 'de' ? ';' : ',';
  const quote = (words: string) => (words.includes(separator) || /["\r\n]/.test(words) ? `"${words.replace(/"/g, '""')}"` : words);
  const cell = (value: CsvCell): string => {
    if (value === null) return '';
    if (typeof value === 'number') {
      const plain = Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
      return lang === 'de' ? plain.replace('.', ',') : plain;
    }
    if (typeof value === 'object') return `="${value.code.replace(/"/g, '')}"`;
    return quote(spreadsheetText(value));
  };
  const lines = [[note], header, ...rows].map((row) => row.map(cell).join(separator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function downloadCsv(filename: string, lang: Lang, note: string, header: string[], rows: CsvCell[][]) {
  downloadFile(filename, csvText(lang, note, header, rows), 'text/csv;charset=utf-8');
}
