import type { MessagesOf } from '../types';
import type { playground as en } from '../en/playground';

export const playground: MessagesOf<typeof en> = {
  'pg.epoch': '迭代（Epoch）',
};
