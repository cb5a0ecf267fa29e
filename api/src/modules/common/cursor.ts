import { badUserInput } from './errors.ts';

/** What each element of a cursor's key must be, in order. */
export type CursorShape = readonly ('integer' | 'string')[];

/** Opaque keyset cursors: base64url of a JSON array of the sort key. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const fits = (value: unknown, kind: CursorShape[number]) =>
  kind === 'integer' ? Number.isSafeInteger(value) : typeof value === 'string' && !value.includes('\u0000');

/** The key of a cursor this API issued; anything else (forged, truncated, wrong types) is a client error. */
export function decodeCursor(cursor: string, shape: CursorShape): unknown[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && key.every((v, i) => fits(v, shape[i]))) return key;
  } catch {
    // fall through to the error below
  }
  throw badUserInput('after must be a cursor returned as endCursor or cursor by this API');
}
