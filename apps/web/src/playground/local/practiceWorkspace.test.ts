import { describe, expect, it } from 'vitest';
import { sessionState } from '../../net/test-fixtures';
import { practiceWorkspace, sessionLabels } from './practiceWorkspace';

const fork = (sessionId: string, ownerId: string, ownerName: string) => sessionState({ sessionId, kind: 'fork', ownerId, ownerName, parentId: 'class-1' });

describe('practice workspace', () => {
  it('a new one is one playground at epoch 0, of no class', () => {
    const workspace = practiceWorkspace(null);
    expect(workspace.sessions).toHaveLength(1);
    expect(workspace.sessions[0]!.model.epoch).toBe(0);
    expect(workspace).toMatchObject({ fromClass: null, skipped: 0 });
    expect(practiceWorkspace(null).id).not.toBe(workspace.id);
  });

  it('opens the sessions the engine loads and counts the others', () => {
    const broken = { ...fork('s_broken', 'p-ann', 'Ann'), params: [1, 2, 3] };
    const workspace = practiceWorkspace({ sessions: [fork('s_1', 'p-ann', 'Ann'), broken], fromClass: 'ABC234' });
    expect(workspace.sessions.map((s) => s.origin.sessionId)).toEqual(['s_1']);
    expect(workspace).toMatchObject({ fromClass: 'ABC234', skipped: 1 });
  });

  it("names one person's forks by number, and a class export's by owner", () => {
    const own = practiceWorkspace({ sessions: [fork('s_1', 'p-ann', 'Ann'), fork('s_2', 'p-ann', 'Ann')], fromClass: null });
    expect(sessionLabels(own.sessions)).toEqual([{ key: 'fork', n: 1 }, { key: 'fork', n: 2 }]);
    const exported = practiceWorkspace({
      sessions: [sessionState(), fork('s_a1', 'p-ann', 'Ann'), fork('s_b1', 'p-bo', 'Bo'), fork('s_a2', 'p-ann', 'Ann')],
      fromClass: 'ABC234',
    });
    expect(sessionLabels(exported.sessions)).toEqual([
      { key: 'classSession' },
      { key: 'forkOf', n: 1, name: 'Ann' },
      { key: 'forkOf', n: 1, name: 'Bo' },
      { key: 'forkOf', n: 2, name: 'Ann' },
    ]);
  });
});
