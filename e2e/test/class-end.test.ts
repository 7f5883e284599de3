import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readPlaygroundFile, type SessionExport, type SessionState } from '@playroom/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BrowserClass } from '../src/browser-class';
import { epochOf, pollUntil, screenshot, selectedLabel } from '../src/page-probes';

/*
 * The end of a class in real browsers against the real server (CMD-7,
 * REST-3, FILE-1): a student on a phone trains a fork, the teacher ends the
 * class, the student continues it in practice mode with the same epoch,
 * settings and exact weights (compared with the teacher's export of the
 * archived class), downloads it, and practice mode on another device opens
 * that file. Screenshots under e2e/test-results/class-end/, English and Chinese.
 */

const SHOTS = 'class-end';

let room: BrowserClass;
let downloads: string;
let teacher: Page;
let ann: Page;
let code = '';
let teacherToken = '';
/** the fork as the server archived it, from the teacher's export */
let archived: SessionState;
let downloadedFile = '';

/** Clicks what starts a download and returns the saved file, its text and the name the page gave it. */
async function downloadBy(page: Page, testId: string, name: string): Promise<{ text: string; file: string; suggested: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const file = path.join(downloads, name);
  await download.saveAs(file);
  return { text: readFileSync(file, 'utf8'), file, suggested: download.suggestedFilename() };
}

const sessionsIn = (text: string): SessionState[] => {
  const contents = readPlaygroundFile(text);
  if (!contents.ok) throw new Error(`not a playground file: ${contents.detail}`);
  return contents.sessions;
};

const toggleLanguage = (page: Page) => page.getByTestId('language-toggle').click();

beforeAll(async () => {
  room = await BrowserClass.start('class-end');
  downloads = mkdtempSync(path.join(tmpdir(), 'playroom-e2e-downloads-'));
  teacher = await room.newPage({ width: 1440, height: 900 });
  ann = await room.newPage({ width: 390, height: 844 }, true);
});

afterAll(async () => {
  await room?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

describe('the end of a class keeps the student’s fork', () => {
  it('a student on a phone forks, changes the learning rate and trains', async () => {
    code = await room.startClass(teacher, 'Ms Chen');
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    // the teacher's identity, as their page keeps it (forgotten once the class has ended)
    teacherToken = JSON.parse((await teacher.evaluate((c) => localStorage.getItem(`playroom.identity.${c}`), code))!).token;
    await room.join(ann, code, 'Ann');
    await ann.getByTestId('fork-button').click();
    await pollUntil(() => ann.getByTestId('session-playground').getAttribute('data-readonly'), (r) => r === 'false', 5000, 'her fork is editable');
    // on her phone the controls are folded (phone first): one tap opens them
    await ann.getByTestId('controls-toggle').click();
    await ann.getByTestId('learning-rate').selectOption({ label: '0.1' });
    await pollUntil(() => selectedLabel(ann, 'learning-rate'), (v) => v === '0.1', 2000, "the fork's learning rate");
    await ann.getByTestId('play-pause').click();
    await pollUntil(() => epochOf(ann), (e) => e > 40, 15_000, 'her fork trains');
  });

  it('the teacher ends the class while the fork trains: the student sees her fork kept, in both languages', async () => {
    teacher.once('dialog', (dialog) => void dialog.accept());
    await teacher.getByTestId('end-class').click();
    await ann.getByTestId('class-ended').waitFor();
    expect(await ann.getByTestId('class-ended').getAttribute('data-forks')).toBe('1');
    expect(await ann.getByTestId('class-ended').textContent()).toContain('This class has ended');
    const shownEpoch = Number(await ann.getByTestId('ended-fork').getAttribute('data-epoch'));
    expect(shownEpoch).toBeGreaterThan(40);

    // the teacher's export of the archived class (REST-3) holds the same fork, exactly
    const kept = JSON.parse((await ann.evaluate((c) => localStorage.getItem(`playroom.kept.${c}`), code))!) as { forks: SessionState[] };
    const classId = kept.forks[0]!.classId;
    const response = await fetch(`${room.url}/api/sessions/${classId}/export`, { headers: { authorization: `Bearer ${teacherToken}` } });
    expect(response.status).toBe(200);
    const exported = (await response.json()) as SessionExport;
    archived = exported.sessions.find((s) => s.kind === 'fork')!;
    expect(archived.ownerName).toBe('Ann');
    expect(archived.epoch).toBe(shownEpoch);
    expect(archived.config.learningRate).toBe(0.1);
    expect(kept.forks[0]!.params).toEqual(archived.params);

    await screenshot(ann, SHOTS, '01-student-phone-class-ended-en');
    await toggleLanguage(ann);
    expect(await ann.getByTestId('class-ended').textContent()).toContain('这堂课已经结束');
    expect(await ann.getByTestId('continue-practice').textContent()).toBe('在“自己练习”中继续');
    await screenshot(ann, SHOTS, '02-student-phone-class-ended-zh');
    await toggleLanguage(ann);
  });

  it('download saves a playground file with the exact fork', async () => {
    const saved = await downloadBy(ann, 'download-forks', 'ann-forks.json');
    expect(saved.suggested).toBe(`playroom-${code}-forks.json`);
    const [fork] = sessionsIn(saved.text);
    expect(fork!.epoch).toBe(archived.epoch);
    expect(fork!.params).toEqual(archived.params);
    expect(fork!.config).toEqual(archived.config);
    expect(saved.text).not.toContain(teacherToken);
    downloadedFile = saved.file;
  });

  it('the teacher downloads the whole archived class from their ended page; practice mode opens it too', async () => {
    await teacher.getByTestId('class-ended').waitFor();
    expect(await teacher.getByTestId('class-ended').textContent()).toContain('Each student keeps their own forks');
    await screenshot(teacher, SHOTS, '03-teacher-class-ended-en');
    await toggleLanguage(teacher);
    expect(await teacher.getByTestId('download-class').textContent()).toBe('下载整个课堂');
    await screenshot(teacher, SHOTS, '04-teacher-class-ended-zh');
    await toggleLanguage(teacher);
    const whole = await downloadBy(teacher, 'download-class', 'class.json');
    expect(whole.suggested).toBe(`playroom-${code}.json`);
    const exported = JSON.parse(whole.text) as SessionExport;
    expect(exported.format).toBe('playroom-session');
    expect(exported.sessions.find((s) => s.sessionId === archived.sessionId)!.params).toEqual(archived.params);

    await teacher.goto(`${room.url}/local`);
    await teacher.getByTestId('open-file-input').setInputFiles(whole.file);
    await pollUntil(() => teacher.getByTestId('local-view').getAttribute('data-sessions'), (n) => n === '2', 5000, 'the class export opens');
    expect(await teacher.getByTestId('practice-session').allTextContents()).toEqual(['Class session', 'Ann: fork 1']);
    await teacher.getByTestId('practice-session').nth(1).click();
    expect(await epochOf(teacher)).toBe(archived.epoch);
  });

  it('a reload of the class page still offers the kept fork', async () => {
    await ann.reload();
    await ann.getByTestId('class-ended').waitFor();
    expect(await ann.getByTestId('ended-fork').getAttribute('data-epoch')).toBe(String(archived.epoch));
  });

  it('continue in practice mode opens the fork in /local with the same epoch, settings, losses and exact weights', async () => {
    await ann.getByTestId('continue-practice').click();
    await ann.getByTestId('local-view').waitFor();
    expect(new URL(ann.url()).pathname).toBe('/local');
    expect(await epochOf(ann)).toBe(archived.epoch);
    expect(await selectedLabel(ann, 'learning-rate')).toBe('0.1');
    // the losses are measured again in the browser from those weights on the same data: the server's numbers
    expect(await ann.getByTestId('test-loss').first().textContent()).toBe(archived.metrics.testLoss!.toFixed(3));
    expect(await ann.getByTestId('train-loss').first().textContent()).toBe(archived.metrics.trainLoss!.toFixed(3));
    expect(await ann.getByTestId('local-view').textContent()).toContain(`Sessions from class ${code}`);
    await screenshot(ann, SHOTS, '05-student-phone-practice-en');
    await toggleLanguage(ann);
    expect(await ann.getByTestId('local-view').textContent()).toContain(`来自课堂 ${code} 的实验`);
    await screenshot(ann, SHOTS, '06-student-phone-practice-zh');
    await toggleLanguage(ann);

    // what practice mode holds, saved from it: the very Float64 weights the server archived
    const fromPractice = await downloadBy(ann, 'save-file', 'ann-practice.json');
    const [held] = sessionsIn(fromPractice.text);
    expect(held!.params).toEqual(archived.params);
    expect(held!.epoch).toBe(archived.epoch);

    // and it trains on from there
    await ann.getByTestId('play-pause').click();
    await pollUntil(() => epochOf(ann), (e) => e > archived.epoch + 20, 15_000, 'practice mode trains on');
  });

  it('practice mode on another device opens the downloaded file', async () => {
    const other = await room.newPage({ width: 1280, height: 800 });
    await other.goto(`${room.url}/local`);
    await other.getByTestId('local-view').waitFor();
    expect(await epochOf(other)).toBe(0);
    await other.getByTestId('open-file-input').setInputFiles(downloadedFile);
    await pollUntil(() => epochOf(other), (e) => e === archived.epoch, 5000, 'the file opens at its epoch');
    expect(await selectedLabel(other, 'learning-rate')).toBe('0.1');
    expect(await other.getByTestId('test-loss').first().textContent()).toBe(archived.metrics.testLoss!.toFixed(3));
    await screenshot(other, SHOTS, '07-desktop-practice-opened-file-en');
    await toggleLanguage(other);
    await other.getByTestId('open-file-input').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
    await other.getByTestId('practice-file-error').waitFor();
    expect(await other.getByTestId('practice-file-error').textContent()).toBe('这不是 Playroom 文件。请打开从 Playroom 保存的文件。');
    await screenshot(other, SHOTS, '08-desktop-practice-not-a-file-zh');
    expect(await epochOf(other)).toBe(archived.epoch);
    expect(room.pageErrors).toEqual([]);
  });
});
