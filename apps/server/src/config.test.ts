import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readServerOptions } from './config';

describe('readServerOptions', () => {
  it('puts the SQLite folder where `npm start` was typed, not in the workspace folder npm runs the server from', () => {
    const options = readServerOptions({ INIT_CWD: '/srv/playroom' });
    expect(options.dataDir).toBe(path.resolve('/srv/playroom', 'data'));
  });

  it('resolves a relative DATA_DIR against that same folder, and keeps an absolute one', () => {
    expect(readServerOptions({ INIT_CWD: '/srv/playroom', DATA_DIR: 'classes' }).dataDir).toBe('/srv/playroom/classes');
    expect(readServerOptions({ INIT_CWD: '/srv/playroom', DATA_DIR: '/var/lib/playroom' }).dataDir).toBe('/var/lib/playroom');
  });

  it('refuses a port out of range with the variable named', () => {
    expect(() => readServerOptions({ PORT: '70000' })).toThrow(/PORT must be a number in \[0, 65535\]/);
  });
});
