import type { MessagesOf } from '../types';
import type { lesson as en } from '../en/lesson';

export const lesson: MessagesOf<typeof en> = {
  'pg.lesson.locked': '老师在本节课锁定了这一项。',

  'lesson.title': '课堂控件',
  'lesson.intro': '选择学生可以在自己的分支里修改哪些设置。你的课堂实验和你自己的分支不受限制。',
  'lesson.summary.open': '学生可以修改所有设置',
  'lesson.summary': '锁定 {locked} 项，隐藏 {hidden} 项',
  'lesson.state.open': '开放',
  'lesson.state.locked': '锁定',
  'lesson.state.hidden': '隐藏',
  'lesson.state.open.tip': '学生能看到，也可以在自己的分支里修改。',
  'lesson.state.locked.tip': '学生能看到（带锁形标记），但不能修改。',
  'lesson.state.hidden.tip': '学生看不到，也不能修改。',
  'lesson.group.data': '数据',
  'lesson.group.network': '网络',
  'lesson.group.training': '训练',
  'lesson.control.dataset': '数据集（及重新生成）',
  'lesson.control.hiddenLayers': '隐藏层的层数',
  'lesson.control.neurons': '每层的神经元数',
  'lesson.control.trainRatio': '训练数据与测试数据的比例',
  'lesson.openAll': '全部开放',
  'lesson.saving': '正在保存…',
  'lesson.inFork': '这是你的分支。老师在本节课锁定或隐藏了部分控件，其余控件都可以使用。',
  'lesson.error.controlLocked': '老师在本节课锁定了“{control}”。',
  'lesson.error.controlLocked.any': '老师在本节课锁定了这项设置。',
};
