import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from './route';

describe('parseRoute', () => {
  it('reads the four pages', () => {
    expect(parseRoute('/')).toEqual({ page: 'home', joinCode: null });
    expect(parseRoute('/join/abc123')).toEqual({ page: 'home', joinCode: 'ABC123' });
    expect(parseRoute('/class/QWERTY')).toEqual({ page: 'class', code: 'QWERTY' });
    expect(parseRoute('/local')).toEqual({ page: 'local' });
    expect(parseRoute('/class/qwerty/projector')).toEqual({ page: 'projector', code: 'QWERTY' });
    expect(parseRoute('/teach/qwerty')).toEqual({ page: 'teach', code: 'QWERTY' });
  });

  it('reads a code in lower case, with separators or in full width, as the server does (HS-8)', () => {
    expect(parseRoute('/join/abc-234')).toEqual({ page: 'home', joinCode: 'ABC234' });
    expect(parseRoute(`/class/${encodeURIComponent('ａｂｃ２３４')}`)).toEqual({ page: 'class', code: 'ABC234' });
  });

  it('tolerates trailing slashes and a bare /join', () => {
    expect(parseRoute('/class/AB12/')).toEqual({ page: 'class', code: 'AB12' });
    expect(parseRoute('/join')).toEqual({ page: 'home', joinCode: null });
  });

  it('reports unknown paths instead of guessing', () => {
    expect(parseRoute('/class')).toEqual({ page: 'not-found', path: '/class' });
    expect(parseRoute('/nope/x/y')).toEqual({ page: 'not-found', path: '/nope/x/y' });
  });

  it('round-trips through routePath', () => {
    for (const path of ['/', '/join/XY7Z', '/class/XY7Z', '/class/XY7Z/projector', '/teach/XY7Z', '/local']) {
      expect(routePath(parseRoute(path))).toBe(path);
    }
  });
});
