/** Offers text as a file download. */
export function downloadFile(filename: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** Offers rows as a CSV file (semicolon-separated, UTF-8 with BOM, as spreadsheet programs in Germany expect). */
export function downloadCsv(filename: string, rows: string[][]) {
  const quote = (cell: string) => (/[";\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  downloadFile(filename, `\uFEFF${rows.map((row) => row.map(quote).join(';')).join('\r\n')}\r\n`, 'text/csv;charset=utf-8');
}
