// The CQL2 text filter: what Basic CQL2 allows becomes SQL with bindings (never a literal in the
// SQL text); whatever else gets an error that says what and where.
import { describe, expect, it } from 'vitest';
import { cql2ToSql, FILTER_LIMITS, type Queryable } from './cql2.ts';

const queryables: Record<string, Queryable> = {
  category: { type: 'string', sql: 'category' },
  capacity: { type: 'integer', sql: 'capacity' },
  share: { type: 'number', sql: 'share_within' },
  imported_at: { type: 'date-time', sql: 'imported_at' },
  open: { type: 'boolean', sql: 'is_open' },
};
const parse = (text: string) => cql2ToSql(text, queryables);

describe('CQL2 text filter', () => {
  it('turns comparisons joined by AND, OR and NOT into SQL with bindings', () => {
    expect(parse("category = 'kita'")).toEqual({ sql: '((category) = ?::text)', bindings: ['kita'] });
    expect(parse("category = 'kita' AND capacity >= 100")).toEqual({ sql: '(((category) = ?::text) and ((capacity) >= ?::float8))', bindings: ['kita', 100] });
    expect(parse("category='kita' or category = 'grundschule' and not capacity < 5")).toEqual({
      sql: '(((category) = ?::text) or (((category) = ?::text) and (not ((capacity) < ?::float8))))',
      bindings: ['kita', 'grundschule', 5],
    });
    expect(parse('(capacity > 10 OR capacity IS NULL) AND share <> 0.5').sql).toBe('(((((capacity) > ?::float8) or ((capacity) is null))) and ((share_within) <> ?::float8))');
    expect(parse('capacity IS NOT NULL').sql).toBe('((capacity) is not null)');
  });

  it('reads quoted texts, double-quoted names, numbers, booleans and dates as CQL2 writes them', () => {
    expect(parse("category = 'Kinder''garten'").bindings).toEqual(["Kinder'garten"]);
    expect(parse(`"category" = 'kita'`).sql).toBe('((category) = ?::text)');
    expect(parse('share >= -1.5e-1').bindings).toEqual([-0.15]);
    expect(parse('open = TRUE').bindings).toEqual([true]);
    expect(parse("imported_at > TIMESTAMP('2024-05-01T00:00:00Z')")).toEqual({ sql: '((imported_at) > ?::timestamptz)', bindings: ['2024-05-01T00:00:00Z'] });
    expect(parse("imported_at < DATE('2025-01-31')").sql).toBe('((imported_at) < ?::date)');
    expect(parse("100 <= capacity").sql).toBe('(?::float8 <= (capacity))');
  });

  it('keeps hostile text out of the SQL', () => {
    const { sql, bindings } = parse("category = 'x''); drop table facility; --'");
    expect(sql).toBe('((category) = ?::text)');
    expect(bindings).toEqual(["x'); drop table facility; --"]);
    expect(() => parse('category = 1; drop table facility')).toThrow(/unexpected ";" at position 13/);
  });

  it('says what is wrong, and where', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['colour = 3', /"colour" \(position 1\) is not a queryable.*category, capacity/],
      ["capacity = 'many'", /cannot compare the integer property "capacity" with a string \(position 10\)/],
      ["category = 'kita' AND", /found the end of the filter/],
      ["category LIKE 'ki%'", /expected a comparison .* found "LIKE" at position 10/],
      ["category = 'kita", /does not end/],
      ['(capacity > 1', /expected "\)" but found the end/],
      ["imported_at > TIMESTAMP('yesterday')", /is not a valid timestamp/],
      ["imported_at > '2024-01-01'", /cannot compare the date-time property "imported_at" with a string/],
      ['open > FALSE', /booleans compare only with = or <>/],
      ["'a' IS NULL", /IS NULL needs a property/],
      ["category = 'kita' category = 'x'", /unexpected "category" at position 19; join conditions with AND or OR/],
    ];
    for (const [text, message] of cases) expect(() => parse(text), text).toThrow(message);
  });

  it('refuses filters too long, too deep or with too many conditions', () => {
    expect(() => parse(`category = '${'x'.repeat(FILTER_LIMITS.chars)}'`)).toThrow(/longer than 4000 characters/);
    expect(() => parse(`${'('.repeat(30)}capacity = 1${')'.repeat(30)}`)).toThrow(/nests deeper than 20 levels/);
    expect(() => parse(`${'NOT '.repeat(21)}capacity = 1`)).toThrow(/nests deeper than 20 levels/);
    expect(() => parse(`${'NOT '.repeat(900)}capacity = 1`)).toThrow(/nests deeper than 20 levels/);
    expect(parse(`${'NOT '.repeat(20)}capacity = 1`).sql).toContain('not');
    expect(() => parse(Array.from({ length: 51 }, () => 'capacity = 1').join(' OR '))).toThrow(/more than 50 conditions/);
    expect(() => parse("category = 'a\u0000'")).toThrow(/NUL/);
  });
});
