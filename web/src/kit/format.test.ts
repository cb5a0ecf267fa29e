import { afterEach, describe, expect, it } from 'vitest';
import { dataDates, formatCount, formatDate, formatNumber, formatToday, setNumberLocale } from './format.ts';

afterEach(() => setNumberLocale('de'));

describe('numbers and dates in the dashboard language', () => {
  it('writes German numbers with a decimal comma and English ones with a decimal point', () => {
    setNumberLocale('de');
    expect(formatNumber(1234.5, 1)).toBe('1.234,5');
    expect(formatCount({ value: 12345, suppressed: false, display: '12.345' })).toBe('12.345');
    setNumberLocale('en');
    expect(formatNumber(1234.5, 1)).toBe('1,234.5');
    expect(formatCount({ value: 12345, suppressed: false, display: '12.345' })).toBe('12,345');
    expect(formatCount({ value: null, suppressed: true, display: '< 5' })).toBe('< 5');
  });

  it('writes dates as 25.11.2026 in German and 25 Nov 2026 in English', () => {
    setNumberLocale('de');
    expect(formatDate('2023-12-31')).toBe('31.12.2023');
    expect(formatDate('2026-11-25T23:30:00Z')).toBe('26.11.2026'); // the city is an hour ahead of UTC
    setNumberLocale('en');
    expect(formatDate('2023-12-31')).toBe('31 Dec 2023');
  });

  it('writes today with two-digit day and month on the first nine days of a month (02.12.2026), in city time', () => {
    setNumberLocale('de');
    expect(formatToday(new Date('2026-12-02T09:00:00Z'))).toBe('02.12.2026');
    expect(formatToday(new Date('2027-01-08T23:30:00Z'))).toBe('09.01.2027');
    expect(formatDate('2026-03-01')).toBe('01.03.2026');
    setNumberLocale('en');
    expect(formatToday(new Date('2026-12-02T09:00:00Z'))).toBe('2 Dec 2026');
  });

  it('dates figures by their data, first to last reference date, and names the import separately', () => {
    setNumberLocale('de');
    expect(dataDates({ populationDates: ['2023-12-31', '2021-12-31', '2022-12-31'], importedAt: '2026-11-25T10:00:00Z' })).toEqual({
      population: '31.12.2021 – 31.12.2023',
      imported: '25.11.2026',
    });
    expect(dataDates({ populationDates: ['2023-12-31'], importedAt: null })).toEqual({ population: '31.12.2023', imported: '–' });
  });
});
