// The tar filter of the test snapshots: drops the spare WAL segments, keeps every other entry.
import { describe, expect, it } from 'vitest';
import { withoutWalSegmentsBut } from './dataDirDump.ts';

/** A ustar entry: header (name, octal size, checksum) and its data padded to 512 bytes. */
function entry(name: string, data: string, prefix = ''): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 'utf8');
  header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124, 'utf8');
  header.write('ustar\0', 257, 'utf8');
  header.write(prefix, 345, 'utf8');
  const body = Buffer.alloc(Math.ceil(data.length / 512) * 512);
  body.write(data, 0, 'utf8');
  return Buffer.concat([header, body]);
}

const names = (tar: Buffer) => {
  const found: string[] = [];
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    found.push(header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, ''));
    const size = Number.parseInt(header.subarray(124, 136).toString('utf8').replace(/\0.*$/s, ''), 8);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return found;
};

describe('withoutWalSegmentsBut', () => {
  const current = '00000001000000000000000F';
  const tar = Buffer.concat([
    entry('/base/5/18600', 'x'.repeat(700)),
    entry('/pg_wal/00000001000000000000000E', 'old'),
    entry(`/pg_wal/${current}`, 'current'),
    entry('/pg_wal/000000010000000000000010', 'recycled'),
    entry('/pg_wal/archive_status', ''),
    entry('/global/pg_control', 'control'),
    Buffer.alloc(1024),
  ]);

  it('keeps the current segment and every file that is not a WAL segment', () => {
    expect(names(withoutWalSegmentsBut(tar, current))).toEqual(['/base/5/18600', `/pg_wal/${current}`, '/pg_wal/archive_status', '/global/pg_control']);
  });

  it('keeps file contents byte for byte', () => {
    const slim = withoutWalSegmentsBut(tar, current);
    expect(slim.subarray(0, 512 + 1024).equals(tar.subarray(0, 512 + 1024))).toBe(true);
    expect(slim.length).toBe(tar.length - 2 * 1024);
  });

  it('refuses a truncated tarball instead of writing half a database', () => {
    expect(() => withoutWalSegmentsBut(tar.subarray(0, 700), current)).toThrow(/truncated tarball: \/base\/5\/18600/);
  });
});
