import { describe, expect, it } from 'vitest';
import { KeyedRateLimiter, TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('allows a burst of `capacity`, then refills at the rate', () => {
    let now = 0;
    const bucket = new TokenBucket(2, 3, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now += 499;
    expect(bucket.take()).toBe(false);
    now += 1;
    expect(bucket.take()).toBe(true);
    now += 10_000;
    expect(bucket.isFull()).toBe(true);
  });
});

describe('KeyedRateLimiter', () => {
  it('keeps one budget per key', () => {
    let now = 0;
    const limiter = new KeyedRateLimiter(1, 2, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([true, true, false]);
    expect(limiter.take('b')).toBe(true);
    now += 1000;
    expect(limiter.take('a')).toBe(true);
  });

  it('tells whether a key has budget without spending it', () => {
    let now = 0;
    const limiter = new KeyedRateLimiter(1, 1, () => now);
    expect(limiter.hasBudget('a')).toBe(true);
    expect(limiter.hasBudget('a')).toBe(true);
    expect(limiter.take('a')).toBe(true);
    expect(limiter.hasBudget('a')).toBe(false);
    now += 1000;
    expect(limiter.hasBudget('a')).toBe(true);
  });
});
