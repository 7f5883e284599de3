import type { MessagesOf } from '../types';
import type { app as en } from '../en/app';

export const app: MessagesOf<typeof en> = {
  'app.title': 'Playroom 神经网络课堂',
  'app.language': '语言',
};
