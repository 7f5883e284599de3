import { describe, expect, it } from 'vitest';
import { Roster, type Participant } from './roster';

const person = (id: string, joinedAt: number, alias?: number): Participant => ({
  id,
  classId: 'c',
  name: id,
  role: id === 't' ? 'teacher' : 'student',
  tokenHash: `h_${id}`,
  joinedAt,
  ...(alias === undefined ? {} : { alias }),
});
const aliases = (roster: Roster) => Object.fromEntries(roster.all().map((p) => [p.id, roster.aliasOf(p.id)]));

describe('NAMES-4: aliases', () => {
  it("gives each newcomer the smallest free alias; a removed student's goes to the next", () => {
    const roster = new Roster();
    for (const [i, id] of ['t', 'a', 'b', 'c'].entries()) roster.add(person(id, i));
    expect(aliases(roster)).toEqual({ t: 0, a: 1, b: 2, c: 3 });
    roster.remove('b');
    roster.add(person('d', 9));
    expect(aliases(roster)).toEqual({ t: 0, a: 1, c: 3, d: 2 });
  });

  it('restores stored aliases as they were, and gives rows from before aliases the free ones in join order', () => {
    // a class restored once after migration 2 (t, a, c got 0, 1, 3 in memory, b had 2), b removed, d joined with 2 stored
    const roster = new Roster();
    roster.restore([person('d', 9, 2), person('c', 3), person('a', 1), person('t', 0)]);
    expect(aliases(roster)).toEqual({ t: 0, a: 1, c: 3, d: 2 });
  });

  it('never lets two participants share one, even from a broken row', () => {
    const roster = new Roster();
    roster.restore([person('t', 0, 0), person('a', 1, 0)]);
    expect(new Set(Object.values(aliases(roster))).size).toBe(2);
  });
});
