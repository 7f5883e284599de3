import type os from 'node:os';
import { describe, expect, it } from 'vitest';
import { readServerOptions } from './config';
import { describePublicUrl, firstNetworkAddress, parsePublicUrl, resolvePublicUrl, type Interfaces } from './public-url';

function iface(address: string, family: 'IPv4' | 'IPv6' = 'IPv4', internal = false): os.NetworkInterfaceInfo {
  return { address, family, internal, netmask: '', mac: '00:00:00:00:00:00', cidr: null, ...(family === 'IPv6' ? { scopeid: 0 } : {}) } as os.NetworkInterfaceInfo;
}

const LAPTOP: Interfaces = {
  lo: [iface('127.0.0.1', 'IPv4', true), iface('::1', 'IPv6', true)],
  docker0: [iface('172.17.0.1')],
  wlan0: [iface('fe80::1', 'IPv6'), iface('192.168.1.20')],
};

describe('the public URL', () => {
  it('reads PUBLIC_URL as an origin and refuses a path, a query or another scheme', () => {
    expect(parsePublicUrl(undefined)).toBeNull();
    expect(parsePublicUrl(' ')).toBeNull();
    expect(parsePublicUrl('https://Playroom.School.example/')).toBe('https://playroom.school.example');
    expect(parsePublicUrl('http://10.0.0.5:3000')).toBe('http://10.0.0.5:3000');
    for (const bad of ['playroom.school.example', 'ftp://a.example', 'https://a.example/playroom', 'https://a.example/?x=1']) {
      expect(() => parsePublicUrl(bad), bad).toThrow(/PUBLIC_URL/);
    }
    expect(readServerOptions({ PUBLIC_URL: 'https://playroom.school.example/' }).publicUrl).toBe('https://playroom.school.example');
    expect(readServerOptions({}).publicUrl).toBeNull();
  });

  it('PUBLIC_URL wins over any address of the machine', () => {
    const url = resolvePublicUrl({ publicUrl: 'https://playroom.school.example', host: '0.0.0.0', port: 3000 }, LAPTOP);
    expect(url).toEqual({ origin: 'https://playroom.school.example', reachable: true, source: 'configured' });
  });

  it('listening on every address, it is the first network IPv4 address with the port (a Wi-Fi before a container bridge)', () => {
    expect(firstNetworkAddress(LAPTOP)).toBe('192.168.1.20');
    expect(resolvePublicUrl({ publicUrl: null, host: '0.0.0.0', port: 3000 }, LAPTOP)).toEqual({
      origin: 'http://192.168.1.20:3000',
      reachable: true,
      source: 'interface',
    });
    expect(resolvePublicUrl({ publicUrl: null, host: '::', port: 8080 }, LAPTOP).origin).toBe('http://192.168.1.20:8080');
    // only a bridge: better than loopback
    expect(firstNetworkAddress({ lo: LAPTOP.lo, docker0: LAPTOP.docker0 })).toBe('172.17.0.1');
    // a link-local address (no DHCP answer) reaches nobody
    expect(firstNetworkAddress({ lo: LAPTOP.lo, eth0: [iface('169.254.3.4')] })).toBeNull();
  });

  it('on loopback only, or with no network, it is loopback and says how to fix it', () => {
    const loopback = resolvePublicUrl({ publicUrl: null, host: '127.0.0.1', port: 3000 }, LAPTOP);
    expect(loopback).toEqual({ origin: 'http://127.0.0.1:3000', reachable: false, source: 'loopbackHost' });
    expect(describePublicUrl(loopback)).toMatch(/other devices cannot join; set HOST=0\.0\.0\.0 \(or PUBLIC_URL\)/);
    const offline = resolvePublicUrl({ publicUrl: null, host: '0.0.0.0', port: 3000 }, { lo: LAPTOP.lo });
    expect(offline).toEqual({ origin: 'http://127.0.0.1:3000', reachable: false, source: 'noNetwork' });
    expect(describePublicUrl(offline)).toMatch(/no network address/);
    expect(resolvePublicUrl({ publicUrl: null, host: '::1', port: 3000 }, LAPTOP).origin).toBe('http://[::1]:3000');
  });

  it('a HOST naming one address is that address', () => {
    expect(resolvePublicUrl({ publicUrl: null, host: '10.1.2.3', port: 3000 }, LAPTOP)).toEqual({
      origin: 'http://10.1.2.3:3000',
      reachable: true,
      source: 'host',
    });
    expect(describePublicUrl(resolvePublicUrl({ publicUrl: null, host: '10.1.2.3', port: 3000 }, LAPTOP))).toBe('students join at http://10.1.2.3:3000/');
  });
});
