import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isLoopbackUrl, joinPath, joinUrlOf } from './join-link';

describe('join links', () => {
  it('put the /join/CODE page on the public origin', () => {
    expect(joinPath('ABC234')).toBe('/join/ABC234');
    expect(joinUrlOf('http://192.168.1.20:3000', 'ABC234')).toBe('http://192.168.1.20:3000/join/ABC234');
    expect(joinUrlOf('https://playroom.school.example/', 'ABC234')).toBe('https://playroom.school.example/join/ABC234');
  });

  it('know the addresses that open on this machine only', () => {
    for (const host of ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', '::ffff:127.0.0.1']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ['192.168.1.20', '10.0.0.5', 'playroom.school.example', '::ffff:10.0.0.1', 'fd00::2', '0.0.0.0x', 'localhost.school.example']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
    expect(isLoopbackUrl('http://localhost:3000/join/ABC234')).toBe(true);
    expect(isLoopbackUrl('http://[::1]:3000/join/ABC234')).toBe(true);
    expect(isLoopbackUrl('http://192.0.2.2:3000/join/ABC234')).toBe(false);
    expect(isLoopbackUrl('not a url')).toBe(false);
  });
});
