import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROTOCOL_LIMITS, type Welcome } from '@playroom/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerPort, playroomServers, readCompose, readRepoFile } from './deploy-files';
import { freePort } from './free-port';
import { closeAll, createClass, nextEvent, openSocket, startServer, type TestServer } from './harness';
import { effectiveProxyHeaders, mapValue, named, parseNginx, type Directive } from './nginx-config';

/*
 * deploy/nginx.conf, read as nginx reads it (test/nginx-config.ts) and
 * checked against the compose file and the server: websockets upgraded,
 * a class's requests hashed by room code onto one server, the client's
 * address forwarded the way TRUST_PROXY=1 reads it. Where the nginx binary
 * is installed, `nginx -t` checks the file too, and a real nginx in front of
 * two real servers shows the routing and the upgrade working.
 */

const NGINX_FILE = 'deploy/nginx.conf';
const config = parseNginx(readRepoFile(NGINX_FILE));
const compose = readCompose('docker-compose.yml');
const servers = playroomServers(compose);
const maps = named(config, 'map');
const mapOf = (result: string): Directive => {
  const map = maps.find((m) => m.args[1] === result);
  if (!map) throw new Error(`no map to ${result}`);
  return map;
};
const upstream = (name: string) => named(config, 'upstream').find((u) => u.args[0] === name)?.block;
const server = named(config, 'server')[0]!.block!;
const locations = named(server, 'location');
const location = (prefix: string) => locations.find((l) => l.args[0] === prefix)!.block!;
const seconds = (value: string) => {
  const match = /^(\d+)(ms|s|m|h)?$/.exec(value);
  if (!match) throw new Error(`not a duration: ${value}`);
  return Number(match[1]) * { ms: 0.001, s: 1, m: 60, h: 3600 }[match[2] ?? 's']!;
};

/** The upstream group nginx sends `uri` to: the chain of maps from the request's variables. */
function routeOf(uri: string): { room: string; upstream: string } {
  const url = new URL(uri, 'http://nginx');
  const proxyPass = named(location(url.pathname.startsWith('/socket.io/') ? '/socket.io/' : '/'), 'proxy_pass')[0]!.args[0]!;
  const variable = /^http:\/\/\$([a-z_]+)$/.exec(proxyPass)![1]!;
  const upstreamMap = mapOf(`$${variable}`);
  const roomVariable = upstreamMap.args[0]!;
  const roomMap = mapOf(roomVariable);
  expect(roomMap.args[0]).toBe('$arg_room');
  // no ?room=: the code in the path
  const pathMap = mapOf(roomMap.block!.find((d) => d.name === '')!.args[0]!);
  expect(pathMap.args[0]).toBe('$uri');
  const fromPath = mapValue(pathMap, url.pathname);
  const argRoom = url.searchParams.get('room') ?? '';
  const room = mapValue(roomMap, argRoom, { arg_room: argRoom, [pathMap.args[1]!.slice(1)]: fromPath });
  return { room, upstream: mapValue(upstreamMap, room) };
}

describe('deploy/nginx.conf', () => {
  it('hashes a request to a server by its room code: the handshake’s ?room=, REST paths and the web app’s pages', () => {
    const code = 'ABC234';
    for (const uri of [`/socket.io/?room=${code}&EIO=4&transport=websocket`, `/api/rooms/${code}`, `/api/rooms/${code}/qr.svg`, `/class/${code}`, `/class/${code}/projector`, `/join/${code}`, `/teach/${code}`]) {
      expect(routeOf(uri), uri).toEqual({ room: code, upstream: 'playroom_by_room' });
    }
    // without a code (the start page, creating a class, assets) any server will do
    for (const uri of ['/', '/api/sessions', '/assets/index.js', '/socket.io/?EIO=4&transport=websocket']) {
      expect(routeOf(uri), uri).toEqual({ room: '', upstream: 'playroom_any' });
    }
    const byRoom = upstream('playroom_by_room')!;
    expect(named(byRoom, 'hash')[0]!.args).toEqual([`$${mapOf('$playroom_upstream').args[0]!.slice(1)}`, 'consistent']);
    expect(upstream('playroom_any')).toBeDefined();
  });

  it('lists exactly the compose file’s Playroom servers, at the port they listen on, in both upstreams', () => {
    expect(servers.length).toBeGreaterThanOrEqual(2);
    const expected = servers.map(([name, service]) => `${name}:${service.environment!.PORT}`).sort();
    for (const name of ['playroom_by_room', 'playroom_any']) {
      expect(named(upstream(name)!, 'server').map((d) => d.args[0]).sort(), name).toEqual(expected);
    }
  });

  it('upgrades socket.io to websockets and keeps the socket open for a lesson', () => {
    const socketIo = location('/socket.io/');
    const headers = effectiveProxyHeaders(server, socketIo);
    expect(headers.get('upgrade')).toBe('$http_upgrade');
    const connection = headers.get('connection')!;
    const connectionMap = mapOf(connection);
    expect(connectionMap.args[0]).toBe('$http_upgrade');
    expect(mapValue(connectionMap, 'websocket')).toBe('upgrade');
    const version = named(socketIo, 'proxy_http_version')[0] ?? named(server, 'proxy_http_version')[0];
    expect(version?.args).toEqual(['1.1']);
    // longer than socket.io's ping interval and timeout together (25 s + 20 s)
    expect(seconds(named(socketIo, 'proxy_read_timeout')[0]!.args[0]!)).toBeGreaterThan(45);
    expect(seconds(named(socketIo, 'proxy_send_timeout')[0]!.args[0]!)).toBeGreaterThan(45);
  });

  it('forwards the client’s address last and the Host with its port, in every proxying location (TRUST_PROXY=1, SEC-1)', () => {
    for (const { args, block } of locations) {
      const headers = effectiveProxyHeaders(server, block!);
      expect(headers.get('x-forwarded-for'), args[0]).toBe('$proxy_add_x_forwarded_for');
      expect(headers.get('host'), args[0]).toBe('$http_host');
    }
    for (const [, service] of servers) expect(service.environment!.TRUST_PROXY).toBe('1');
  });

  it('fails over to the next server, takes a file-sized class creation and listens where compose publishes it', () => {
    const nextUpstream = named(server, 'proxy_next_upstream')[0]!.args;
    expect(nextUpstream).toEqual(expect.arrayContaining(['error', 'timeout']));
    const bodyMax = named(server, 'client_max_body_size')[0]!.args[0]!;
    expect(Number(/^(\d+)m$/.exec(bodyMax)![1]) * 1024 * 1024).toBeGreaterThanOrEqual(PROTOCOL_LIMITS.maxCreateBodyBytes);
    const listen = Number(named(server, 'listen')[0]!.args[0]);
    expect(compose.services.nginx!.ports!.map(containerPort)).toContain(listen);
  });
});

const nginxBinary = spawnSync('nginx', ['-v']).error ? null : 'nginx';
if (!nginxBinary) console.log('nginx-config: no nginx binary here, so `nginx -t` and the live routing test do not run (apt-get install nginx-light)');

/**
 * deploy/nginx.conf inside a main configuration of a temp folder, as the
 * nginx image includes conf.d; compose's host names become `ports` on
 * 127.0.0.1 (no compose DNS here), listening on `listen`.
 */
function wrappedConfig(dir: string, ports: number[], listen: number): string {
  let site = readRepoFile(NGINX_FILE).replace(/listen 80;/, `listen 127.0.0.1:${listen};`);
  servers.forEach(([name, service], i) => {
    site = site.replaceAll(`${name}:${service.environment!.PORT}`, `127.0.0.1:${ports[i % ports.length]}`);
  });
  fs.writeFileSync(path.join(dir, 'site.conf'), site);
  const main = path.join(dir, 'nginx.conf');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `${kind}_temp_path ${dir}/${kind};`).join('\n  ');
  fs.writeFileSync(
    main,
    `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  log_format routed '$request_uri $upstream_addr $status';\n  access_log ${dir}/access.log routed;\n  ${temp}\n  include ${dir}/site.conf;\n}\n`,
  );
  return main;
}

describe.skipIf(!nginxBinary)('deploy/nginx.conf in a real nginx', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playroom-nginx-'));
  fs.chmodSync(dir, 0o777); // nginx's workers (nobody, when started as root) write the temp folders
  let nginx: ChildProcess | undefined;
  let backends: TestServer[] = [];
  let front = '';

  beforeAll(async () => {
    backends = [await startServer({ trustProxy: 1 }), await startServer({ trustProxy: 1 })];
    const listen = await freePort();
    const main = wrappedConfig(dir, backends.map((b) => Number(new URL(b.url).port)), listen);
    nginx = spawn(nginxBinary!, ['-p', dir, '-c', main, '-g', 'daemon off;'], { stdio: 'ignore' });
    front = `http://127.0.0.1:${listen}`;
    const start = Date.now();
    while (!(await fetch(`${front}/healthz`).then((r) => r.ok, () => false))) {
      if (Date.now() - start > 10_000) throw new Error(`nginx did not answer: ${fs.readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 30_000);
  afterAll(async () => {
    nginx?.kill('SIGTERM');
    await Promise.all(backends.map((b) => b.close()));
  });

  it('passes `nginx -t`', () => {
    const result = spawnSync(nginxBinary!, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' });
    expect(result.stderr).toContain('test is successful');
  });

  /** Which backend (its 127.0.0.1:port) nginx sent each logged request for `uriPart` to. */
  const routedTo = (uriPart: string) =>
    fs
      .readFileSync(path.join(dir, 'access.log'), 'utf8')
      .split('\n')
      .filter((line) => line.includes(uriPart))
      .map((line) => line.split(' ')[1]!);

  it('sends a class’s look-ups and its sockets, upgraded to websockets, to one server', { timeout: 30_000 }, async () => {
    // a class on the server its code hashes to: create on one until nginx routes a look-up of the code there
    let created: Awaited<ReturnType<typeof createClass>> | undefined;
    for (let attempt = 0; attempt < 20 && !created; attempt++) {
      const candidate = await createClass(backends[0]!.url);
      const lookUp = (await (await fetch(`${front}/api/rooms/${candidate.code}`)).json()) as { exists: boolean };
      if (lookUp.exists) created = candidate;
    }
    expect(created, 'one of 20 codes hashes to the first server').toBeDefined();
    const { code } = created!;
    // as the web app connects (HS-10): websocket only, the code in the URL
    const teacher = openSocket(front, { role: 'teacher', code, token: created!.teacherToken }, { query: { room: code } });
    const student = openSocket(front, { role: 'student', code, name: 'Ann' }, { query: { room: code } });
    const [teacherWelcome, studentWelcome] = await Promise.all([nextEvent<Welcome>(teacher, 'welcome'), nextEvent<Welcome>(student, 'welcome')]);
    expect(teacherWelcome.role).toBe('teacher');
    expect(studentWelcome.classId).toBe(teacherWelcome.classId);
    closeAll([teacher, student]);
    for (let i = 0; i < 5; i++) await fetch(`${front}/api/rooms/${code}`).then((r) => r.arrayBuffer());
    await new Promise((resolve) => setTimeout(resolve, 200)); // nginx writes its log line after the response
    const hops = new Set([...routedTo(`/api/rooms/${code}`), ...routedTo(`room=${code}`)]);
    expect(hops).toEqual(new Set([`127.0.0.1:${new URL(backends[0]!.url).port}`]));
    expect(routedTo(`room=${code}`).length).toBe(2); // each socket one request: the websocket upgrade, no polling
  });
});
