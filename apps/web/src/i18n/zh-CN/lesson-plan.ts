import type { lessonPlan as en } from '../en/lesson-plan';
import type { MessagesOf } from '../types';

/** 课堂里的课程（TEACH-3/4）与课堂会话上的“演示”（TEACH-1）。 */
export const lessonPlan: MessagesOf<typeof en> = {
  'lessonPlan.title': '课程',
  'lessonPlan.none': '当前没有进行中的课程。课程会带着全班一步一步地看一组例子。',
  'lessonPlan.choose': '开始一节课程',
  'lessonPlan.hideChoice': '关闭',
  'lessonPlan.ready': '现成的课程',
  'lessonPlan.start': '开始',
  'lessonPlan.stepCount': '{n} 步',
  'lessonPlan.build': '自己编排',
  'lessonPlan.build.intro': '按全班观看的顺序添加例子（最多 {max} 步）。',
  'lessonPlan.build.pick': '要添加的例子',
  'lessonPlan.build.add': '添加一步',
  'lessonPlan.build.remove': '删除第 {n} 步',
  'lessonPlan.build.up': '第 {n} 步上移',
  'lessonPlan.build.down': '第 {n} 步下移',
  'lessonPlan.build.start': '开始这节课程',
  'lessonPlan.custom': '我的课程',
  'lessonPlan.step': '第 {n} 步，共 {total} 步',
  'lessonPlan.previous': '上一步',
  'lessonPlan.next': '下一步',
  'lessonPlan.again': '重新开始这一步',
  'lessonPlan.goTo': '跳到第 {n} 步：{title}',
  'lessonPlan.end': '结束课程',
  'lessonPlan.teacherHint': '每一步都会把例子加载到课堂会话，并给全班显示它的概念卡和观察要点。',
  'lessonPlan.studentHint': '复制课堂会话（分支），就能自己动手试这一步。',
  'lessonPlan.readCard': '查看概念卡',
  'lessonPlan.hideCard': '收起概念卡',
  'lessonPlan.showPicture': '显示示意图',
  'lessonPlan.hidePicture': '收起示意图',

  'teach.showMe.off.teacherWatchingFork': '这是学生的分支。“演示”可以用在课堂会话和你自己的分支里。',
  'teach.showMe.off.frozen': '老师让全班暂停了：继续上课后才能加载例子。',
};
