import type { MessagesOf } from '../types';
import type { teacherLink as en } from '../en/teacher-link';

/** 教师链接的简体中文文字：在另一台设备上以老师身份打开课堂。 */
export const teacherLink: MessagesOf<typeof en> = {
  'teacherLink.show': '在其他设备上授课',
  'teacherLink.title': '教师链接',
  'teacherLink.warning':
    '在你的另一台设备（教室电脑、手机）上打开这个链接或扫描这个二维码，就能在那里继续授课。拿到它的人可以操控并结束你的课堂：不要投屏展示，也不要分享给别人。',
  'teacherLink.qr': '你的教师链接的二维码',
  'teacherLink.hide': '隐藏',
  'teacherLink.incomplete': '课堂 {code} 的这个教师链接不完整。请打开完整的链接，或重新扫描它的二维码。',
};
