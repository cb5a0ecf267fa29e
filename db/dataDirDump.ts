// A PGlite data folder as a tarball, without the spare write-ahead log: after a big import PGlite
// keeps a dozen 16 MB WAL segments (recycled for later writes), about 60 % of the tarball, and
// loading it takes twice as long. After a checkpoint only the segment holding it is needed.
import type { PGlite } from '@electric-sql/pglite';

/** Checkpoints and dumps the data folder (uncompressed tar) with only the current WAL segment. */
export async function dumpWithoutSpareWal(pglite: PGlite): Promise<Blob> {
  await pglite.exec('checkpoint');
  const { rows } = await pglite.query<{ segment: string }>('select pg_walfile_name(pg_current_wal_lsn()) as segment');
  const tar = Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
  return new Blob([new Uint8Array(withoutWalSegmentsBut(tar, rows[0].segment))]);
}

const field = (header: Buffer, start: number, end: number) => header.subarray(start, end).toString('utf8').replace(/\0.*$/s, '');

/** The tar (ustar) without the WAL segment files other than `keep`; every other entry as it was. */
export function withoutWalSegmentsBut(tar: Buffer, keep: string): Buffer {
  const kept: Buffer[] = [];
  let at = 0;
  while (at + 512 <= tar.length) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const prefix = field(header, 345, 500);
    const name = prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100);
    const size = Number.parseInt(field(header, 124, 136).trim() || '0', 8);
    const end = at + 512 + Math.ceil(size / 512) * 512;
    if (end > tar.length) throw new Error(`truncated tarball: ${name} needs ${size} bytes`);
    const segment = /(?:^|\/)pg_wal\/([0-9A-F]{24})$/.exec(name);
    if (!segment || segment[1] === keep) kept.push(tar.subarray(at, end));
    at = end;
  }
  kept.push(Buffer.alloc(1024));
  return Buffer.concat(kept);
}
