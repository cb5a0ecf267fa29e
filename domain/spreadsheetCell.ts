// Text that a spreadsheet must show as text. Excel and LibreOffice run a cell that begins with =, +,
// -, @ (or a tab or carriage return before one of them) as a formula: a facility named
// `=HYPERLINK("http://…")` or `@SUM(…)` in a CSV would become a live formula in the office that
// opens it. As OWASP recommends, such a text gets a leading apostrophe, which the spreadsheet shows
// as a text marker and never evaluates. Numbers are written as numbers and never pass through here.

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text, neutralised when a spreadsheet would read it as a formula. */
export const spreadsheetText = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);
