import { describe, expect, it } from 'vitest';
import { splitStatements } from './applyFunctions.ts';

describe('splitStatements', () => {
  it('splits at semicolons outside dollar quotes, strings and comments', () => {
    const sql = `-- a comment; with a semicolon
create function f() returns int language sql as $$ select 1; $$;
comment on function f() is 'it; works';
-- Example: select f();`;
    expect(splitStatements(sql)).toEqual([
      'create function f() returns int language sql as $$ select 1; $$',
      "comment on function f() is 'it; works'",
    ]);
  });
});
