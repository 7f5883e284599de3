import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { LESSON_CONTROLS, sessionViewFromState, type ClassStatus, type LessonControls } from '@playroom/protocol';
import { useLanguageStore } from '../i18n';
import { classConnection } from '../net';
import { sessionState } from '../net/test-fixtures';
import { useAppStore } from '../store/app-store';
import { NO_CLASS_STATUS } from '../store/forks-slice';
import { LessonControlsPanel } from './LessonControlsPanel';
import { SessionPlayground } from './SessionPlayground';

/*
 * The teacher sets lesson controls (LESSON-1) against the store and a
 * stubbed connection; what they do to each viewer's playground: students
 * only (LESSON-3).
 */

const withControls = (lessonControls: LessonControls): ClassStatus => ({ ...NO_CLASS_STATUS, lessonControls });
let send: ReturnType<typeof vi.spyOn>;

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
});
beforeEach(() => {
  useLanguageStore.getState().setLanguage('en');
  useAppStore.getState().resetClassState();
  send = vi.spyOn(classConnection, 'send').mockResolvedValue({ ok: true } as never);
});
afterEach(() => vi.restoreAllMocks());

const stateOf = (control: string) => screen.getByTestId(`lesson-${control}`).getAttribute('data-state');
const summary = () => screen.getByTestId('lesson-summary').textContent;

describe("the teacher's lesson controls", () => {
  it('shows every control open at first, and a choice sends the whole setting', async () => {
    render(<LessonControlsPanel />);
    for (const control of LESSON_CONTROLS) expect(stateOf(control), control).toBe('open');
    expect(summary()).toBe('Students may change everything');
    fireEvent.click(screen.getByTestId('lesson-learningRate-locked'));
    expect(send).toHaveBeenCalledWith({ type: 'setLessonControls', controls: { learningRate: 'locked' } });
    // the choice shows at once, and stays once the server's classStatus says the same
    expect(stateOf('learningRate')).toBe('locked');
    await waitFor(() => expect(screen.getByTestId('lesson-regularization-hidden').closest('fieldset')!.disabled).toBe(false));
    act(() => useAppStore.getState().setClassStatus(withControls({ learningRate: 'locked' })));
    fireEvent.click(screen.getByTestId('lesson-regularization-hidden'));
    expect(send).toHaveBeenLastCalledWith({ type: 'setLessonControls', controls: { learningRate: 'locked', regularization: 'hidden' } });
    act(() => useAppStore.getState().setClassStatus(withControls({ learningRate: 'locked', regularization: 'hidden' })));
    await waitFor(() => expect(summary()).toBe('1 locked, 1 hidden'));
    // opening one again leaves it out
    fireEvent.click(screen.getByTestId('lesson-learningRate-open'));
    expect(send).toHaveBeenLastCalledWith({ type: 'setLessonControls', controls: { regularization: 'hidden' } });
  });

  it('follows the class status another teacher device set, and "open everything" clears it, in both languages', async () => {
    act(() => useAppStore.getState().setClassStatus(withControls({ noise: 'hidden', features: 'locked', neurons: 'locked' })));
    render(<LessonControlsPanel />);
    expect([stateOf('noise'), stateOf('features'), stateOf('neurons'), stateOf('dataset')]).toEqual(['hidden', 'locked', 'locked', 'open']);
    expect(summary()).toBe('2 locked, 1 hidden');
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(summary()).toBe('锁定 2 项，隐藏 1 项');
    expect(screen.getByText('课堂控件')).toBeTruthy();
    expect(screen.getByTestId('lesson-noise').getAttribute('aria-label')).toBe('噪声');
    fireEvent.click(screen.getByTestId('lesson-open-all'));
    expect(send).toHaveBeenLastCalledWith({ type: 'setLessonControls', controls: {} });
    await waitFor(() => expect((screen.getByTestId('lesson-open-all') as HTMLButtonElement).disabled).toBe(true));
  });

  it('says why when the server refuses, and shows the stored setting again', async () => {
    send.mockResolvedValue({ ok: false, error: { code: 'storageUnavailable', message: 'db down' } } as never);
    render(<LessonControlsPanel />);
    fireEvent.click(screen.getByTestId('lesson-batchSize-locked'));
    expect((await screen.findByTestId('lesson-error')).textContent).toBe('The server could not save this just now, so nothing changed. Try again in a moment.');
    expect(stateOf('batchSize')).toBe('open');
  });
});

describe('lesson controls hold for students only', () => {
  function enterAs(role: 'teacher' | 'student', participantId: string): void {
    const s = useAppStore.getState();
    s.setIdentity({ code: 'ABC234', role, token: 'tok', name: participantId });
    s.setParticipantId(participantId);
    s.putSession(sessionViewFromState(sessionState()));
    s.putSession(sessionViewFromState(sessionState({ sessionId: 'fork-ann', kind: 'fork', ownerId: 'p-ann', ownerName: 'Ann', parentId: 'class-1' })));
    s.setClassStatus(withControls({ learningRate: 'locked', regularization: 'hidden' }));
  }

  it('LESSON-1: in a student’s own fork the rate is locked and regularization gone; in the class session too', () => {
    enterAs('student', 'p-ann');
    const { unmount } = render(<SessionPlayground sessionId="fork-ann" />);
    expect(screen.getByTestId('session-playground').getAttribute('data-readonly')).toBe('false');
    expect((screen.getByTestId('learning-rate') as HTMLSelectElement).disabled).toBe(true);
    expect(screen.getAllByTestId('lock-mark')).toHaveLength(1);
    expect(screen.queryByTestId('regularization')).toBeNull();
    expect((screen.getByTestId('activation') as HTMLSelectElement).disabled).toBe(false);
    unmount();
    render(<SessionPlayground sessionId="class-1" />);
    expect(screen.queryByTestId('regularization')).toBeNull();
    expect(screen.getAllByTestId('lock-mark')).toHaveLength(1);
  });

  it('LESSON-3: the teacher sees and drives every control of the class session', () => {
    enterAs('teacher', 'p-teacher');
    render(<SessionPlayground sessionId="class-1" />);
    expect((screen.getByTestId('learning-rate') as HTMLSelectElement).disabled).toBe(false);
    expect(screen.getByTestId('regularization')).toBeTruthy();
    expect(screen.queryAllByTestId('lock-mark')).toHaveLength(0);
  });
});
