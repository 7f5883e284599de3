import { app as enApp } from './en/app';
import { dashboard as enDashboard } from './en/dashboard';
import { lesson as enLesson } from './en/lesson';
import { playground as enPlayground } from './en/playground';
import { projector as enProjector } from './en/projector';
import { teacherLink as enTeacherLink } from './en/teacher-link';
import { practice as enPractice } from './en/practice';
import { names as enNames } from './en/names';
import { teaching as enTeaching } from './en/teaching';
import { lessonPlan as enLessonPlan } from './en/lesson-plan';
import { shareLink as enShareLink } from './en/share-link';
import { challenge as enChallenge } from './en/challenge';
import { app as zhApp } from './zh-CN/app';
import { dashboard as zhDashboard } from './zh-CN/dashboard';
import { lesson as zhLesson } from './zh-CN/lesson';
import { playground as zhPlayground } from './zh-CN/playground';
import { projector as zhProjector } from './zh-CN/projector';
import { teacherLink as zhTeacherLink } from './zh-CN/teacher-link';
import { practice as zhPractice } from './zh-CN/practice';
import { names as zhNames } from './zh-CN/names';
import { teaching as zhTeaching } from './zh-CN/teaching';
import { lessonPlan as zhLessonPlan } from './zh-CN/lesson-plan';
import { shareLink as zhShareLink } from './zh-CN/share-link';
import { challenge as zhChallenge } from './zh-CN/challenge';
import type { Language } from './types';

const en = { ...enApp, ...enPlayground, ...enDashboard, ...enLesson, ...enPractice, ...enProjector, ...enTeacherLink, ...enNames, ...enTeaching, ...enLessonPlan, ...enShareLink, ...enChallenge };
export type MessageKey = keyof typeof en;

/** Every language's messages; zh-CN is checked key by key against English at compile time. */
export const MESSAGES: Record<Language, Record<MessageKey, string>> = {
  en,
  'zh-CN': { ...zhApp, ...zhPlayground, ...zhDashboard, ...zhLesson, ...zhPractice, ...zhProjector, ...zhTeacherLink, ...zhNames, ...zhTeaching, ...zhLessonPlan, ...zhShareLink, ...zhChallenge },
};
