import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { errorText, isFatalJoinError } from './error-text';

const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);
const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh-CN', key, params);

describe('errorText', () => {
  it('names the wrong room code in both languages', () => {
    expect(errorText(en, { code: 'roomNotFound', message: 'x' }, 'ABC234')).toContain('ABC234');
    expect(errorText(zh, { code: 'roomNotFound', message: 'x' }, 'ABC234')).toContain('课堂码为 ABC234');
  });

  it('explains a full class, an ended class and an old client', () => {
    expect(errorText(en, { code: 'classFull', message: '' })).toMatch(/full/);
    expect(errorText(zh, { code: 'classEnded', message: '' })).toBe('这堂课已经结束。');
    expect(errorText(en, { code: 'clientTooOld', message: '' })).toMatch(/Reload/);
  });

  it('explains a locked class, a removed student and a student already gone, in both languages', () => {
    expect(errorText(en, { code: 'classLocked', message: '' })).toBe('The teacher has locked this class. Ask them to unlock it.');
    expect(errorText(zh, { code: 'classLocked', message: '' })).toBe('老师已锁定这个课堂，请让老师解锁后再加入。');
    expect(errorText(en, { code: 'removed', message: '' })).toBe('The teacher removed you from this class.');
    expect(errorText(zh, { code: 'removed', message: '' })).toBe('老师已将你移出这个课堂。');
    expect(errorText(en, { code: 'participantNotFound', message: 'x' })).toBe('That student is no longer in this class.');
    expect(errorText(zh, { code: 'participantNotFound', message: 'x' })).toBe('这名学生已不在这个课堂中。');
  });

  it('never shows a schema message: a refused room code is said from the code, any other badRequest in words (HS-9)', () => {
    // what a student who typed O for 0 was shown: "Something went wrong: payload: must have required properties token"
    const old = { code: 'badRequest', message: 'payload: must have required properties token' };
    expect(errorText(en, old, 'ABCDEO')).toBe(
      'Room codes never use O: it looks too much like another character. Check the code on the teacher’s screen again. O or 0 may be a D or a Q.',
    );
    const onCode = { code: 'badRequest', message: 'room codes never use O, 0, I, L or 1', field: '/code' };
    expect(errorText(zh, onCode, 'ABCDEI')).toBe('课堂码里不会有 I，因为它容易和别的字符看混。请再核对一下老师屏幕上的课堂码。I、L 或 1 可能是 J、T 或 7。');
    expect(errorText(en, { ...onCode, message: 'a room code is 6 characters' }, 'ABC23')).toBe('A room code has 6 letters and digits.');
    for (const t of [en, zh]) {
      const text = errorText(t, { code: 'badRequest', message: '/name: must NOT have more than 32 characters', field: '/name' }, 'ABC234');
      expect(text).not.toMatch(/must|payload|\/name/);
    }
    expect(errorText(en, { code: 'badRequest', message: 'payload: must be object' })).toBe(
      'The server could not read what this page sent. Reload the page and try again.',
    );
    expect(errorText(zh, { code: 'badRequest', message: 'payload: must be object' })).toBe('服务器无法读取这个页面发送的内容。请刷新页面后重试。');
  });

  it('names the ended class when a join or a reload is refused classEnded, in both languages (HS-3)', () => {
    // before: such a join was refused roomNotFound, "There is no class with the code …"
    expect(errorText(en, { code: 'classEnded', message: 'this class has ended' }, 'ABC234')).toBe(
      'This class has ended. The room code ABC234 no longer opens it: if your teacher starts a new class, ask for its code.',
    );
    expect(errorText(zh, { code: 'classEnded', message: 'this class has ended' }, 'ABC234')).toBe(
      '这堂课已经结束。课堂码 ABC234 已不能再进入；如果老师开始了新的课堂，请向老师要新的课堂码。',
    );
  });

  it('falls back to the server message for codes it does not know', () => {
    expect(errorText(en, { code: 'internal', message: 'disk full' })).toBe('Something went wrong: disk full');
  });
});

describe('isFatalJoinError', () => {
  it('drops the identity only when it cannot work again', () => {
    expect(isFatalJoinError('classEnded')).toBe(true);
    expect(isFatalJoinError('removed')).toBe(true);
    expect(isFatalJoinError('badToken')).toBe(true);
    expect(isFatalJoinError('classLocked')).toBe(false);
    expect(isFatalJoinError('network')).toBe(false);
    expect(isFatalJoinError('rateLimited')).toBe(false);
  });
});
