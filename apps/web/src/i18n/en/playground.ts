/** English strings of the playground view (controls, data, features, network, output). */
export const playground = {
  'pg.epoch': 'Epoch',
} as const;
