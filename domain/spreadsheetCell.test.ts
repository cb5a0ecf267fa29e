import { describe, expect, it } from 'vitest';
import { spreadsheetText } from './spreadsheetCell.ts';

describe('spreadsheet text', () => {
  it('puts an apostrophe before texts that begin like a formula (=, +, -, @, tab, CR), as OWASP recommends', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) expect(spreadsheetText(text)).toBe(`'${text}`);
  });

  it('leaves every other text as it is', () => {
    for (const text of ['Kita Nordmarkt', '< 5', "'schon Text", ' =1', '1-2', 'E-Mail']) expect(spreadsheetText(text)).toBe(text);
  });
});
