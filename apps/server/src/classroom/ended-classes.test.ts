import { describe, expect, it } from 'vitest';
import { EndedClasses } from './ended-classes';

describe('EndedClasses', () => {
  it('remembers ended codes up to its limit, forgetting the oldest first', () => {
    const ended = new EndedClasses(2);
    ended.remember('AAAAAA', 1);
    ended.remember('BBBBBB', 2);
    ended.remember('AAAAAA', 3); // ended again (a reused code): now the newest
    ended.remember('CCCCCC', 4);
    expect(['AAAAAA', 'BBBBBB', 'CCCCCC'].map((code) => ended.has(code))).toEqual([true, false, true]);
    expect(ended.size).toBe(2);
  });
});
