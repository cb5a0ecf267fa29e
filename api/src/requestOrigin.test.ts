import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressOf, publicBaseOf } from './requestOrigin.ts';

const request = (remoteAddress: string, headers: Record<string, string>) => ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage;
const open = { publicUrl: null, trustProxy: [] };
const behindProxy = { publicUrl: null, trustProxy: ['127.0.0.1'] };

describe('the address the atlas was asked under', () => {
  it('is the configured public address whatever the headers say', () => {
    const req = request('203.0.113.9', { host: 'evil.example', 'x-forwarded-host': 'evil.example' });
    expect(publicBaseOf(req, { publicUrl: 'https://atlas.example.org', trustProxy: [] })).toEqual({ base: 'https://atlas.example.org', vary: [] });
  });

  it('ignores forwarded headers from anyone but a trusted proxy', () => {
    const req = request('203.0.113.9', { host: 'atlas.example.org:8080', 'x-forwarded-host': 'x"><script>alert(1)</script>', 'x-forwarded-proto': 'https' });
    expect(publicBaseOf(req, open)).toEqual({ base: 'http://atlas.example.org:8080', vary: [] });
  });

  it('believes a trusted proxy, but only a host name and http or https', () => {
    const good = request('::ffff:127.0.0.1', { host: '127.0.0.1:8080', 'x-forwarded-host': 'atlas.example.org', 'x-forwarded-proto': 'https' });
    expect(publicBaseOf(good, behindProxy)).toEqual({ base: 'https://atlas.example.org', vary: ['X-Forwarded-Proto', 'X-Forwarded-Host'] });
    const markup = request('127.0.0.1', { host: '127.0.0.1:8080', 'x-forwarded-host': 'a"><b>', 'x-forwarded-proto': 'https' });
    expect(publicBaseOf(markup, behindProxy)).toEqual({ base: 'http://127.0.0.1:8080', vary: [] });
    const scheme = request('127.0.0.1', { host: '127.0.0.1:8080', 'x-forwarded-host': 'atlas.example.org', 'x-forwarded-proto': 'javascript' });
    expect(publicBaseOf(scheme, behindProxy)?.base).toBe('http://127.0.0.1:8080');
  });

  it('refuses a Host header that is not a host name', () => {
    expect(publicBaseOf(request('203.0.113.9', { host: 'a"><script>' }), open)).toBeNull();
    expect(publicBaseOf(request('203.0.113.9', { host: '[::1]:8080' }), open)?.base).toBe('http://[::1]:8080');
  });
});

describe('the client address', () => {
  it('is the socket\'s unless a trusted proxy forwards it', () => {
    expect(clientAddressOf(request('203.0.113.9', { 'x-forwarded-for': '198.51.100.1' }), open)).toBe('203.0.113.9');
    expect(clientAddressOf(request('::ffff:127.0.0.1', { 'x-forwarded-for': '198.51.100.1' }), behindProxy)).toBe('198.51.100.1');
  });

  it('takes the nearest untrusted address, not the one the client wrote first', () => {
    expect(clientAddressOf(request('127.0.0.1', { 'x-forwarded-for': '1.2.3.4, 198.51.100.1' }), behindProxy)).toBe('198.51.100.1');
    expect(clientAddressOf(request('127.0.0.1', { 'x-forwarded-for': 'not an address' }), behindProxy)).toBe('127.0.0.1');
  });
});
