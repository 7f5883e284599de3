import type { MessagesOf } from '../types';
import type { shareLink as en } from '../en/share-link';

export const shareLink: MessagesOf<typeof en> = {
  'app.share.copy': '复制设置链接',
  'app.share.copy.tip': '复制一个链接，在任何设备的“自己练习”中打开同样的设置（数据、特征、网络、参数和随机种子）。',
  'app.share.copied': '链接已复制',
  'app.share.copyHere': '请复制这个链接：',
  'app.share.close': '关闭',
  'app.share.leftOut': '链接最多只能带 {max} 个绘制的数据点，所以打开时会改用生成的数据集。',
  'app.share.notes': '这个链接中有部分内容无法使用，这些设置保持默认值：',
  'app.share.note.unknownKey': '“{field}”不是 Playroom 认识的设置。',
  'app.share.note.badValue': '“{field}”的取值无效。',
  'app.share.note.pointsLeftOut': '绘制的数据点太多，链接放不下。',
  'app.share.note.unreadable': '无法读取这个链接，已打开默认的练习场。',
  'app.share.dismiss': '关闭提示',
};
