import { describe, expect, it } from 'vitest';
import { allowedPath, isPublicPath } from './nav.ts';

describe('who may open a path', () => {
  it.each([
    ['/invite', true],
    ['/reset-password', true],
    ['/forgot-password/', true],
    ['/confirm-email', true],
    ['/', false],
    ['/coach', false],
    ['/invite/other', false],
  ])('%s is public: %s', (path, expected) => expect(isPublicPath(path)).toBe(expected));

  it.each([
    ['coach', '/coach/account', true],
    ['client', '/client/account', true],
    ['client', '/coach/account', false],
  ] as const)('a %s may open %s: %s', (role, path, expected) => expect(allowedPath(role, path)).toBe(expected));
});
