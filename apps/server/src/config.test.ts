import { availableParallelism } from 'node:os';
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

  it('reads ALLOWED_ORIGINS and METRICS_TOKEN, refusing a malformed origin and a short token (SEC-1, SEC-3)', () => {
    expect(readServerOptions({ ALLOWED_ORIGINS: 'https://Playroom.School.example, http://10.0.0.5:3000/' }).allowedOrigins).toEqual([
      'https://playroom.school.example',
      'http://10.0.0.5:3000',
    ]);
    expect(() => readServerOptions({ ALLOWED_ORIGINS: 'playroom.school.example' })).toThrow(/ALLOWED_ORIGINS/);
    expect(() => readServerOptions({ ALLOWED_ORIGINS: 'https://a.example/path' })).toThrow(/ALLOWED_ORIGINS/);
    expect(readServerOptions({}).metricsToken).toBeNull();
    expect(() => readServerOptions({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(readServerOptions({ METRICS_TOKEN: 'a-long-metrics-secret' }).metricsToken).toBe('a-long-metrics-secret');
  });

  it('reads REDIS_URL (refusing what is not a redis URL) and INSTANCE_ID', () => {
    expect(readServerOptions({}).redisUrl).toBeNull();
    expect(readServerOptions({ REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe('redis://127.0.0.1:6379');
    expect(() => readServerOptions({ REDIS_URL: '127.0.0.1:6379' })).toThrow(/REDIS_URL/);
    expect(() => readServerOptions({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL/);
    expect(readServerOptions({ INSTANCE_ID: 'playroom-2' }).instanceId).toBe('playroom-2');
    // unset: the cluster plugin names the process where it listens (hostname:port, hostname:pid with PORT=0)
    expect(readServerOptions({ PORT: '3001' }).instanceId).toBeNull();
  });

  it('reads TRAINING_WORKERS: one per core unless told, 0 for the main thread, a whole number up to 64', () => {
    expect(readServerOptions({}).trainingWorkers).toBe(availableParallelism());
    expect(readServerOptions({ TRAINING_WORKERS: '0' }).trainingWorkers).toBe(0);
    expect(readServerOptions({ TRAINING_WORKERS: '3' }).trainingWorkers).toBe(3);
    expect(() => readServerOptions({ TRAINING_WORKERS: '1.5' })).toThrow(/TRAINING_WORKERS must be a whole number/);
    expect(() => readServerOptions({ TRAINING_WORKERS: '65' })).toThrow(/TRAINING_WORKERS must be a number in \[0, 64\]/);
    expect(() => readServerOptions({ TRAINING_WORKERS: 'many' })).toThrow(/TRAINING_WORKERS/);
  });
});
