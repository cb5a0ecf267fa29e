// How the atlas tells clients apart without keeping their addresses: a salted hash of the address
// and one of its network (IPv4 /24, IPv6 /48), with the installation's salt (app_secret), so that
// the same client counts the same in every process and after a restart.
import { createHash, randomBytes } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { Db } from '../../db/connect.ts';
import { clientSalt } from './modules/accounts/signInStore.ts';

/** The network an address belongs to: its /24 (IPv4) or /48 (IPv6); other strings stand for themselves. */
export function networkOf(address: string): string {
  if (isIPv4(address)) return `${address.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIPv6(address)) {
    const [head, tail = ''] = address.toLowerCase().split('::');
    const groups = head ? head.split(':') : [];
    const missing = 8 - groups.length - (tail ? tail.split(':').length : 0);
    const full = [...groups, ...Array(Math.max(0, missing)).fill('0'), ...(tail ? tail.split(':') : [])];
    return `${full.slice(0, 3).map((g) => Number.parseInt(g || '0', 16).toString(16)).join(':')}::/48`;
  }
  return address;
}

/** The hashes the request context carries: of the address, and of its network. */
export type ClientHasher = (address: string) => { clientHash: string; networkHash: string };

/**
 * Hashes with the installation's salt (made on first start). When the database does not answer at
 * start, a salt of this process serves (the limits then count afresh for this process).
 */
export async function clientHasher(db: Db): Promise<ClientHasher> {
  const fresh = randomBytes(16).toString('hex');
  const salt = await clientSalt(db, fresh).catch((error: Error) => {
    console.error(`client address salt not readable (${error.message.split('\n')[0]}); this process uses its own`);
    return fresh;
  });
  const hash = (text: string) => createHash('sha256').update(salt).update(text).digest('hex').slice(0, 32);
  return (address) => ({ clientHash: hash(address), networkHash: hash(`net:${networkOf(address)}`) });
}
