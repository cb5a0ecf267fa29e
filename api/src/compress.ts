// Large answers gzipped for clients that accept it (GeoJSON shrinks to about a sixth), shared by
// GraphQL and the OGC API.
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Answers smaller than this go as they are. */
export const COMPRESS_FROM_BYTES = 16_384;

/** The body to send: gzipped (with its encoding) when it is large and the client accepts gzip. */
export async function compressFor(req: IncomingMessage, body: string): Promise<{ body: string | Buffer; encoding: 'gzip' | null }> {
  if (body.length < COMPRESS_FROM_BYTES || !/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return { body, encoding: null };
  return { body: await gzipAsync(body, { level: 6 }), encoding: 'gzip' };
}
