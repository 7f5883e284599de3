import type { MessagesOf } from '../types';
import type { projector as en } from '../en/projector';

/** 投影模式的简体中文文字：教室大屏（/class/CODE/projector）。 */
export const projector: MessagesOf<typeof en> = {
  'pg.chart.loss': '损失',

  'projector.title': '课堂 {code}',
  'projector.open': '投影',
  'projector.open.tip': '在新标签页中打开供教室大屏使用的课堂画面：学生加入时显示课堂码和二维码，之后放大显示网络的输出。',
  'projector.showClass': '显示课堂实验',
  'projector.showJoin': '显示加入方式',
  'projector.fullscreen': '全屏',
  'projector.exitFullscreen': '退出全屏',
  'projector.noTeacher': '投影画面以老师身份显示课堂 {code}：请在你上课用的浏览器里，从教师页面打开它。',
  'projector.classSession': '课堂实验',
  'projector.epoch': '迭代（Epoch）{epoch}',
  'projector.waiting': '正在等待课堂实验…',
};
