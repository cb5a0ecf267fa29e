const formatters = new Map<number, Intl.NumberFormat>();

/** German number format with a fixed number of decimals (1.234,5). */
export function formatNumber(value: number, decimals: number): string {
  if (!formatters.has(decimals)) {
    formatters.set(decimals, new Intl.NumberFormat('de-DE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }));
  }
  return formatters.get(decimals)!.format(value);
}
