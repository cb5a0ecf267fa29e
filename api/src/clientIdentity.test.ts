import { describe, expect, it } from 'vitest';
import { networkOf } from './clientIdentity.ts';

describe('the network of a client address', () => {
  it('is the /24 of an IPv4 address and the /48 of an IPv6 one', () => {
    expect(networkOf('198.51.100.17')).toBe('198.51.100.0/24');
    expect(networkOf('2001:db8:abcd:12::1')).toBe('2001:db8:abcd::/48');
    expect(networkOf('2001:db8::1')).toBe('2001:db8:0::/48');
    expect(networkOf('::1')).toBe('0:0:0::/48');
    expect(networkOf('local')).toBe('local');
  });
});
