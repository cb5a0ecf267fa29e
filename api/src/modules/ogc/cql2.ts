// The CQL2 text filter of OGC API - Features Part 3, as far as Basic CQL2 goes: comparisons
// (=, <>, <, <=, >, >=) between queryables and literals (text, numbers, booleans, DATE(...),
// TIMESTAMP(...)), IS [NOT] NULL, AND, OR, NOT and parentheses. Parsed into SQL with bindings:
// a property is only ever a queryable's own SQL expression, a literal only ever a binding.
//
// Written here rather than taken from a package: the JavaScript CQL parsers on npm read ECQL
// (GeoServer's dialect, for styles), not CQL2, and this is the whole grammar we offer.

export type PropertyType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'date-time';

/** A property a filter may name: its type and the SQL expression that gives its value. */
export type Queryable = { type: PropertyType; sql: string };

export class FilterError extends Error {}

/** Longest filter text, and how deep and how long an expression may get. */
export const FILTER_LIMITS = { chars: 4000, depth: 20, predicates: 50 };

type Token =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'quoted'; text: string; at: number }
  | { kind: 'string'; text: string; at: number }
  | { kind: 'number'; text: string; at: number }
  | { kind: 'op'; text: string; at: number }
  | { kind: 'end'; text: ''; at: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    const at = i;
    if (c === "'") {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= text.length) throw new FilterError(`a text in quotes that starts at position ${at + 1} does not end`);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += text[i];
        i += 1;
      }
      tokens.push({ kind: 'string', text: value, at });
    } else if (c === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) throw new FilterError(`a property name in double quotes that starts at position ${at + 1} does not end`);
      tokens.push({ kind: 'quoted', text: text.slice(i + 1, close), at });
      i = close + 1;
    } else if (/[-+\d.]/.test(c) && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.test(text.slice(i))) {
      const m = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text.slice(i))!;
      tokens.push({ kind: 'number', text: m[0], at });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.:]*/.exec(text.slice(i))!;
      tokens.push({ kind: 'word', text: m[0], at });
      i += m[0].length;
    } else {
      const op = ['<>', '<=', '>=', '=', '<', '>', '(', ')'].find((o) => text.startsWith(o, i));
      if (!op) throw new FilterError(`unexpected "${c}" at position ${at + 1}`);
      tokens.push({ kind: 'op', text: op, at });
      i += op.length;
    }
  }
  tokens.push({ kind: 'end', text: '', at: text.length });
  return tokens;
}

type Scalar = { sql: string; type: PropertyType | 'null'; property?: string };

const COMPARISON = new Set(['=', '<>', '<', '<=', '>', '>=']);
const numeric = (t: Scalar['type']) => t === 'number' || t === 'integer';

/** The filter as a SQL condition over the queryables' expressions, with its bindings. */
export function cql2ToSql(text: string, queryables: Record<string, Queryable>): { sql: string; bindings: unknown[] } {
  if (text.length > FILTER_LIMITS.chars) throw new FilterError(`the filter is longer than ${FILTER_LIMITS.chars} characters`);
  if (text.includes('\u0000')) throw new FilterError('the filter must not contain NUL characters');
  const tokens = tokenize(text);
  const bindings: unknown[] = [];
  let pos = 0;
  let predicates = 0;
  const peek = () => tokens[pos];
  const keyword = (word: string) => peek().kind === 'word' && peek().text.toUpperCase() === word;
  const describe = (t: Token) => (t.kind === 'end' ? 'the end of the filter' : `"${t.kind === 'string' ? `'${t.text}'` : t.text}" at position ${t.at + 1}`);
  const expect = (op: string) => {
    if (peek().kind !== 'op' || peek().text !== op) throw new FilterError(`expected "${op}" but found ${describe(peek())}`);
    pos += 1;
  };

  const property = (name: string, at: number): Scalar => {
    const q = queryables[name];
    if (!q) throw new FilterError(`"${name}" (position ${at + 1}) is not a queryable of this collection; see its queryables: ${Object.keys(queryables).join(', ')}`);
    return { sql: `(${q.sql})`, type: q.type, property: name };
  };

  const literalCall = (kind: 'DATE' | 'TIMESTAMP'): Scalar => {
    pos += 1;
    expect('(');
    const value = peek();
    if (value.kind !== 'string') throw new FilterError(`${kind}(...) takes a text in single quotes, found ${describe(value)}`);
    pos += 1;
    expect(')');
    const pattern = kind === 'DATE' ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
    if (!pattern.test(value.text) || Number.isNaN(Date.parse(value.text))) {
      throw new FilterError(`${kind}('${value.text}') is not a valid ${kind === 'DATE' ? 'date (YYYY-MM-DD)' : 'timestamp (YYYY-MM-DDThh:mm:ssZ)'}`);
    }
    bindings.push(value.text);
    return kind === 'DATE' ? { sql: '?::date', type: 'date' } : { sql: '?::timestamptz', type: 'date-time' };
  };

  const scalar = (): Scalar => {
    const t = peek();
    if (t.kind === 'string') {
      pos += 1;
      bindings.push(t.text);
      return { sql: '?::text', type: 'string' };
    }
    if (t.kind === 'number') {
      pos += 1;
      const value = Number(t.text);
      if (!Number.isFinite(value)) throw new FilterError(`${t.text} is not a finite number`);
      bindings.push(value);
      return { sql: '?::float8', type: 'number' };
    }
    if (t.kind === 'quoted') {
      pos += 1;
      return property(t.text, t.at);
    }
    if (t.kind === 'word') {
      const upper = t.text.toUpperCase();
      if (upper === 'TRUE' || upper === 'FALSE') {
        pos += 1;
        bindings.push(upper === 'TRUE');
        return { sql: '?::boolean', type: 'boolean' };
      }
      if ((upper === 'DATE' || upper === 'TIMESTAMP') && tokens[pos + 1]?.text === '(') return literalCall(upper);
      pos += 1;
      return property(t.text, t.at);
    }
    throw new FilterError(`expected a property or a value but found ${describe(t)}`);
  };

  const comparable = (a: Scalar['type'], b: Scalar['type']) =>
    a === b || (numeric(a) && numeric(b)) || (a === 'date-time' && b === 'date') || (a === 'date' && b === 'date-time');

  const predicate = (): string => {
    predicates += 1;
    if (predicates > FILTER_LIMITS.predicates) throw new FilterError(`the filter has more than ${FILTER_LIMITS.predicates} conditions`);
    const start = peek();
    const left = scalar();
    if (keyword('IS')) {
      pos += 1;
      const not = keyword('NOT');
      if (not) pos += 1;
      if (!keyword('NULL')) throw new FilterError(`expected NULL after IS${not ? ' NOT' : ''} but found ${describe(peek())}`);
      pos += 1;
      if (!left.property) throw new FilterError(`IS NULL needs a property on its left (position ${start.at + 1})`);
      return `${left.sql} is ${not ? 'not ' : ''}null`;
    }
    const op = peek();
    if (op.kind !== 'op' || !COMPARISON.has(op.text)) throw new FilterError(`expected a comparison (=, <>, <, <=, >, >=) after ${describe(start)} but found ${describe(op)}`);
    pos += 1;
    const right = scalar();
    if (!comparable(left.type, right.type)) {
      const name = (s: Scalar) => (s.property ? `the ${s.type} property "${s.property}"` : `a ${s.type}`);
      throw new FilterError(`cannot compare ${name(left)} with ${name(right)} (position ${op.at + 1})`);
    }
    if (left.type === 'boolean' && op.text !== '=' && op.text !== '<>') throw new FilterError(`booleans compare only with = or <> (position ${op.at + 1})`);
    return `${left.sql} ${op.text} ${right.sql}`;
  };

  const expression = (depth: number): string => {
    if (depth > FILTER_LIMITS.depth) throw new FilterError(`the filter nests deeper than ${FILTER_LIMITS.depth} levels`);
    const terms = [term(depth)];
    while (keyword('OR')) {
      pos += 1;
      terms.push(term(depth));
    }
    return terms.length === 1 ? terms[0] : `(${terms.join(' or ')})`;
  };
  const term = (depth: number): string => {
    const factors = [factor(depth)];
    while (keyword('AND')) {
      pos += 1;
      factors.push(factor(depth));
    }
    return factors.length === 1 ? factors[0] : `(${factors.join(' and ')})`;
  };
  const factor = (depth: number): string => {
    // A chain of NOTs nests like parentheses: the same limit holds (NOT NOT ... without end would
    // otherwise recurse until the stack runs out).
    if (depth > FILTER_LIMITS.depth) throw new FilterError(`the filter nests deeper than ${FILTER_LIMITS.depth} levels`);
    if (keyword('NOT')) {
      pos += 1;
      return `(not ${factor(depth + 1)})`;
    }
    if (peek().kind === 'op' && peek().text === '(') {
      pos += 1;
      const inner = expression(depth + 1);
      expect(')');
      return `(${inner})`;
    }
    return `(${predicate()})`;
  };

  if (peek().kind === 'end') throw new FilterError('the filter is empty');
  const sql = expression(0);
  if (peek().kind !== 'end') throw new FilterError(`unexpected ${describe(peek())}; join conditions with AND or OR`);
  return { sql, bindings };
}
