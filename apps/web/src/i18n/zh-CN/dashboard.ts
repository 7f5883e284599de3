import type { MessagesOf } from '../types';
import type { dashboard as en } from '../en/dashboard';

export const dashboard: MessagesOf<typeof en> = {
  'dashboard.sort': '排序',
  'dashboard.sort.name': '姓名',
  'dashboard.sort.loss': '测试损失',
  'dashboard.sort.activity': '最近进展',
  'dashboard.needsHelp': '需要帮助（{count}）',
  'dashboard.needsHelp.tip': '只显示训练发散或一分钟没有进展的分支',
  'dashboard.noneNeedHelp': '目前没有人需要帮助。',
  'dashboard.help.diverged': '训练发散',
  'dashboard.help.stalled': '一分钟没有进展',
  'dashboard.watch': '查看',
  'dashboard.watch.tip': '在这里打开 {name}',
  'dashboard.epoch': '迭代（Epoch）{epoch}',
  'dashboard.testLoss': '测试损失 {loss}',
  'dashboard.shape': '网络 {shape}',
  'dashboard.heatmap': '{name} 的输出',
  'dashboard.noPreview': '等待权重',
  'dashboard.wide': '卡片全宽显示',
  'dashboard.narrow': '返回实验区',
  'dashboard.onScreen': '投屏展示：{name}',
  'dashboard.count': '{count} 个分支',
};
