import type { MessagesOf } from '../types';
import type { practice as en } from '../en/practice';

export const practice: MessagesOf<typeof en> = {
  'app.ended.title': '这堂课已经结束',
  'app.ended.endedByTeacher': '老师已结束这堂课。你的分支会按课堂结束时的样子在这台设备上保留 {days} 天。',
  'app.ended.archived': '这堂课因长时间无人使用已关闭。你的分支会在这台设备上保留 {days} 天。',
  'app.ended.yourForks': '我的分支',
  'app.ended.fork': '分支 {n}',
  'app.ended.forkStats': '迭代（Epoch）{epoch} · 测试损失 {loss}',
  'app.ended.continue': '在“自己练习”中继续',
  'app.ended.continue.tip': '在本浏览器中打开你的分支，权重、设置和数据都不变，可以继续训练。',
  'app.ended.download': '下载',
  'app.ended.download.tip': '把你的分支保存为文件，以后在任何电脑上的“自己练习”中都能再次打开。',
  'app.ended.noForks': '你在这堂课中没有分支，所以没有需要保留的内容。',
  'app.ended.notKept': '课堂结束时这台设备没有连接，所以这里没有你的分支。老师那里仍保存着全班的所有分支。',
  'app.ended.teacher': '你已结束这堂课。每位学生都保留了自己的分支。{days} 天内你仍可以在这个页面下载整个课堂的所有分支。',
  'app.ended.downloadClass': '下载整个课堂',
  'app.ended.downloadClass.tip': '把课堂实验和每位学生的分支按结束时的样子保存为一个文件，“自己练习”可以打开它。',
  'app.ended.practice': '自己练习',

  'app.practice.fromClass': '来自课堂 {code} 的分支，保持课堂结束时的样子。现在不会再分享给任何人。',
  'app.practice.open': '打开文件…',
  'app.practice.open.tip': '打开从 Playroom 保存的文件：课堂中的分支、保存的练习场，或老师导出的课堂。',
  'app.practice.save': '保存为文件',
  'app.practice.save.tip': '把这个练习场（权重、设置和数据）下载为文件，以后可以再次打开。',
  'app.practice.sessions': '在“自己练习”中打开的内容',
  'app.practice.classSession': '课堂实验',
  'app.practice.fork': '分支 {n}',
  'app.practice.forkOf': '{name}：分支 {n}',
  'app.practice.error.notPlayground': '这不是 Playroom 文件。请打开从 Playroom 保存的文件。',
  'app.practice.error.invalid': '这个 Playroom 文件已损坏，或来自更新版本的 Playroom，无法打开。',
  'app.practice.error.tooBig': '这个文件太大（超过 {mb} MB），无法打开。',
  'app.practice.skipped': '这个文件中有 {count} 个实验无法打开。',

  'app.home.kept.title': '已结束课堂的成果',
  'app.home.kept.item': '课堂 {code}（{name}）',
};
