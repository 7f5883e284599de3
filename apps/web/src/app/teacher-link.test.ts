import { describe, expect, it } from 'vitest';
import { teacherLinkOf, teacherTokenFromFragment } from './teacher-link';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz012345';

describe('the teacher link', () => {
  it('is the join link’s origin, /teach/CODE, and the token in the fragment only', () => {
    const link = teacherLinkOf('http://192.168.1.20:3000/join/ABC234', 'ABC234', TOKEN);
    expect(link).toBe(`http://192.168.1.20:3000/teach/ABC234#${TOKEN}`);
    const url = new URL(link);
    expect(url.search).toBe('');
    expect(url.pathname).toBe('/teach/ABC234');
    expect(url.hash).toBe(`#${TOKEN}`);
  });

  it('reads the token back from the fragment, and nothing that cannot be one', () => {
    expect(teacherTokenFromFragment(`#${TOKEN}`)).toBe(TOKEN);
    expect(teacherTokenFromFragment('')).toBeNull();
    expect(teacherTokenFromFragment('#')).toBeNull();
    expect(teacherTokenFromFragment('#short')).toBeNull();
    expect(teacherTokenFromFragment(`#${TOKEN}&x=1`)).toBeNull();
  });
});
