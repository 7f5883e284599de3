import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readPlaygroundFile, type SavedSession, type SessionExport } from '@playroom/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BrowserClass } from '../src/browser-class';
import { epochOf, pollUntil, screenshot } from '../src/page-probes';

/*
 * Session files in real browsers against the real server (CMD-11, FILE-2,
 * REST-1 `from`): a student on a phone downloads her fork in a class; the
 * file opens in practice mode on a laptop at the same epoch, and starts a new
 * class whose session is exactly the file's; a damaged file is refused in
 * words, in English and Chinese. Screenshots under e2e/test-results/session-files/.
 */

const SHOTS = 'session-files';

let room: BrowserClass;
let downloads: string;
let teacher: Page;
let ann: Page;
let saved: SavedSession;
let file = '';

const toggleLanguage = (page: Page) => page.getByTestId('language-toggle').click();

beforeAll(async () => {
  room = await BrowserClass.start('session-files');
  downloads = mkdtempSync(path.join(tmpdir(), 'playroom-e2e-session-files-'));
  teacher = await room.newPage({ width: 1440, height: 900 });
  ann = await room.newPage({ width: 390, height: 844 }, true);
});

afterAll(async () => {
  await room?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

describe('session files', () => {
  it('a student on a phone downloads her fork, with its exact trainer state', async () => {
    const code = await room.startClass(teacher, 'Ms Chen');
    await room.join(ann, code, 'Ann');
    await ann.getByTestId('fork-button').click();
    await pollUntil(() => ann.getByTestId('session-playground').getAttribute('data-readonly'), (r) => r === 'false', 5000, 'her fork is editable');
    await ann.getByTestId('controls-toggle').click();
    await ann.getByTestId('play-pause').click();
    await pollUntil(() => epochOf(ann), (e) => e > 20, 15_000, 'her fork trains');
    await ann.getByTestId('play-pause').click();
    // paused once the epoch on screen stops moving
    let last = -1;
    const { value: shown } = await pollUntil(
      async () => {
        await ann.waitForTimeout(400);
        const now = await epochOf(ann);
        const settled = now === last;
        last = now;
        return settled ? now : -1;
      },
      (e) => e >= 0,
      10_000,
      'her fork pauses',
    );
    await screenshot(ann, SHOTS, '01-student-phone-download-en');
    await toggleLanguage(ann);
    expect(await ann.getByTestId('download-session').textContent()).toBe('下载');
    await screenshot(ann, SHOTS, '02-student-phone-download-zh');
    await toggleLanguage(ann);

    const [download] = await Promise.all([ann.waitForEvent('download'), ann.getByTestId('download-session').click()]);
    file = path.join(downloads, 'ann-fork.json');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^playroom-${code}-s_.+\\.json$`));
    const contents = readPlaygroundFile(readFileSync(file, 'utf8'));
    if (!contents.ok) throw new Error(contents.detail);
    saved = contents.sessions[0]!;
    expect(saved).toMatchObject({ kind: 'fork', ownerName: 'Ann', epoch: shown, trainer: { epoch: shown } });
  });

  it('practice mode on a laptop opens it at the same epoch', async () => {
    await teacher.goto(`${room.url}/local`);
    await teacher.getByTestId('open-file-input').setInputFiles(file);
    await pollUntil(() => epochOf(teacher), (e) => e === saved.epoch, 5000, 'the file opens at its epoch');
    await screenshot(teacher, SHOTS, '03-laptop-practice-opened-en');
  });

  it('starts a new class from it whose session is exactly the file’s', async () => {
    await teacher.getByTestId('start-class-from-session').click();
    await teacher.getByTestId('start-class-from-session-name').fill('Mr Wu');
    await screenshot(teacher, SHOTS, '04-laptop-start-class-from-file-en');
    await toggleLanguage(teacher);
    expect(await teacher.getByTestId('start-class-from-session-submit').textContent()).toBe('开始上课');
    await screenshot(teacher, SHOTS, '05-laptop-start-class-from-file-zh');
    await toggleLanguage(teacher);
    await teacher.getByTestId('start-class-from-session-submit').click();
    await teacher.getByTestId('teacher-view').waitFor();
    const code = (await teacher.getByTestId('room-code').textContent())?.trim() ?? '';
    await pollUntil(() => epochOf(teacher), (e) => e === saved.epoch, 5000, 'the class starts at the file’s epoch');
    await screenshot(teacher, SHOTS, '06-laptop-class-from-file-en');

    const token = JSON.parse((await teacher.evaluate((c) => localStorage.getItem(`playroom.identity.${c}`), code))!).token as string;
    const classId = await teacher.evaluate(() => document.querySelector('[data-testid="session-playground"]')?.getAttribute('data-session-id'));
    const response = await fetch(`${room.url}/api/sessions/${classId}/export`, { headers: { authorization: `Bearer ${token}` } });
    const exported = (await response.json()) as SessionExport;
    const classSession = exported.sessions.find((s) => s.kind === 'class')!;
    expect(classSession.epoch).toBe(saved.epoch);
    expect(classSession.params).toEqual(saved.params);
    expect(classSession.config).toEqual(saved.config);
  });

  it('a damaged file is refused on the phone, saying what is wrong, in both languages', async () => {
    const damaged = path.join(downloads, 'damaged.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(damaged, text.replace('"rng":[', '"rng":[0,0,0,0],"ignored":['));
    await ann.goto(`${room.url}/local`);
    await ann.getByTestId('open-file-input').setInputFiles(damaged);
    await ann.getByTestId('practice-file-error').waitFor();
    expect(await ann.getByTestId('practice-file-error').textContent()).toContain('damaged');
    expect(await ann.getByTestId('practice-file-detail').textContent()).toContain('trainer');
    await screenshot(ann, SHOTS, '07-phone-damaged-file-en');
    await toggleLanguage(ann);
    expect(await ann.getByTestId('practice-file-error').textContent()).toContain('无法打开');
    await screenshot(ann, SHOTS, '08-phone-damaged-file-zh');
    await toggleLanguage(ann);
    expect(room.pageErrors).toEqual([]);
  });
});
