import { describe, expect, it } from 'vitest';
import { languageOf } from './server.ts';

describe('the language of method texts', () => {
  it('is German when the client asks for German first, else English', () => {
    expect(languageOf('de')).toBe('de');
    expect(languageOf('de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(languageOf('en-GB,de;q=0.5')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
    expect(languageOf('*')).toBe('en');
  });
});
