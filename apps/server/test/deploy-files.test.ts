import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { DEFAULT_OPTIONS, readServerOptions } from '../src/config';
import { containerPort, playroomServers, readCompose, readRepoFile as read, repo, withComposeDefaults, type ComposeService } from './deploy-files';
import { tempDataDir } from './harness';

/*
 * No Docker engine runs here, so the deploy files are checked against the
 * repository instead: every path the Dockerfile copies exists, the port,
 * data directory and health check match what the server really does (the
 * health check path is asked of the real app), and the command starts the
 * server's own entry point.
 */

interface Instruction {
  keyword: string;
  args: string;
  stage: number;
}

/** Dockerfile instructions (comments dropped, continued lines joined), each with the index of its stage. */
function parseDockerfile(text: string): Instruction[] {
  const logical: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (current === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1).trim()} `;
      continue;
    }
    logical.push(`${current}${line}`.trim());
    current = '';
  }
  let stage = -1;
  return logical.map((line) => {
    const [keyword = '', ...rest] = line.split(/\s+/);
    if (keyword.toUpperCase() === 'FROM') stage++;
    return { keyword: keyword.toUpperCase(), args: rest.join(' '), stage };
  });
}

/** The words of an exec-form (JSON array) or shell-form argument. */
const words = (args: string): string[] => (args.startsWith('[') ? (JSON.parse(args) as string[]) : args.split(/\s+/));

/** A COPY's flags, sources and destination. */
function copyParts(args: string): { from: string | null; sources: string[]; dest: string } {
  const parts = args.split(/\s+/);
  const from = parts.find((p) => p.startsWith('--from='))?.slice('--from='.length) ?? null;
  const paths = parts.filter((p) => !p.startsWith('--'));
  return { from, sources: paths.slice(0, -1), dest: paths[paths.length - 1]! };
}

const serverPackage = JSON.parse(read('apps/server/package.json')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};

let app: FastifyInstance;
beforeAll(async () => {
  const dataDir = tempDataDir();
  app = await buildApp({ dataDir, webDist: path.join(dataDir, 'no-web') });
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

/** The path a health check command asks for, e.g. /healthz. */
function healthPath(command: string): string {
  const match = /https?:\/\/[^/'"\s]+[^/]*?(\/[A-Za-z0-9/_-]+)/.exec(command);
  if (!match) throw new Error(`no URL in ${command}`);
  return match[1]!;
}

/** A real health route, answering 200 (not the web app's page, which any unknown GET gets, rule REST-5). */
async function expectHealthRoute(url: string): Promise<void> {
  expect(app.hasRoute({ method: 'GET', url }), url).toBe(true);
  const response = await app.inject({ method: 'GET', url });
  expect(response.statusCode).toBe(200);
  expect([{ status: 'ok' }, { status: 'ready' }]).toContainEqual(response.json());
}

/** What a compose service's server reads from its environment, as compose fills it in from a host without those variables. */
const composeOptions = (service: ComposeService) =>
  readServerOptions(Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, withComposeDefaults(value)])));

/** The health check command of a compose service, as one string. */
const healthCommand = (service: ComposeService) => {
  const test = service.healthcheck!.test;
  return Array.isArray(test) ? test.join(' ') : test;
};

describe('Dockerfile', () => {
  const instructions = parseDockerfile(read('Dockerfile'));
  const stageNames = instructions
    .filter((i) => i.keyword === 'FROM')
    .map((i) => /\bAS\s+(\S+)/i.exec(i.args)?.[1] ?? '');
  const last = stageNames.length - 1;
  const inStage = (stage: number, keyword: string) => instructions.filter((i) => i.stage === stage && i.keyword === keyword);
  const finalStage = (keyword: string) => inStage(last, keyword);

  it('builds in stages from node:20-bookworm-slim: npm ci, the web app, then a slim runtime', () => {
    const froms = instructions.filter((i) => i.keyword === 'FROM').map((i) => i.args.split(/\s+/)[0]!);
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const base of froms) expect(['node:20-bookworm-slim', ...stageNames]).toContain(base);
    expect(froms[last]).toBe('node:20-bookworm-slim'); // the runtime does not inherit the build tools
    const runs = instructions.filter((i) => i.keyword === 'RUN' && i.stage < last).map((i) => i.args);
    expect(runs.some((r) => /\bnpm ci\b/.test(r) && !r.includes('--omit=dev'))).toBe(true);
    const webBuild = runs.find((r) => r.includes('npm run build --workspace @playroom/web'));
    expect(webBuild).toBeDefined();
    expect((JSON.parse(read('apps/web/package.json')) as { scripts: Record<string, string> }).scripts.build).toBeDefined();
    // the runtime's node_modules come from an install without dev dependencies
    const runtimeModules = finalStage('COPY').map((i) => copyParts(i.args)).find((c) => c.dest === 'node_modules');
    const depsStage = stageNames.indexOf(runtimeModules!.from!);
    expect(inStage(depsStage, 'RUN').some((i) => /npm ci --omit=dev/.test(i.args))).toBe(true);
  });

  it('runs as a non-root user, keeps data in the /data volume and listens on the server’s default port', () => {
    const user = finalStage('USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    const env = finalStage('ENV').map((i) => i.args).join(' ');
    expect(env).toMatch(/\bDATA_DIR=\/data\b/);
    expect(env).toContain(`PORT=${DEFAULT_OPTIONS.port}`);
    expect(finalStage('VOLUME').flatMap((i) => words(i.args))).toContain('/data');
    expect(finalStage('EXPOSE').flatMap((i) => words(i.args))).toContain(String(DEFAULT_OPTIONS.port));
  });

  it('checks its health on a route the app serves', async () => {
    await expectHealthRoute(healthPath(finalStage('HEALTHCHECK').at(-1)!.args));
  });

  it('starts the server’s own entry point, the one `npm start` of @playroom/server runs, with tsx as a runtime dependency', () => {
    const workdir = finalStage('WORKDIR').at(-1)!.args;
    const command = words(finalStage('CMD').at(-1)!.args);
    expect(command.slice(0, 3)).toEqual(['node', '--import', 'tsx']);
    const entry = path.posix.join(workdir, command[3]!);
    expect(entry).toBe('/app/apps/server/src/server.ts');
    expect(fs.existsSync(path.join(repo, entry.replace(/^\/app\//, '')))).toBe(true);
    expect(serverPackage.scripts.start).toBe(`tsx ${command[3]}`);
    expect(serverPackage.dependencies.tsx).toBeDefined();
  });

  it('copies only paths that exist in the repository or that an earlier stage builds', () => {
    const built = new Set(['node_modules', 'apps/web/dist']);
    for (const copy of instructions.filter((i) => i.keyword === 'COPY').map((i) => copyParts(i.args))) {
      for (const source of copy.sources) {
        const relative = copy.from ? source.replace(/^\/app\/?/, '') : source;
        if (copy.from && built.has(relative)) continue;
        expect(fs.existsSync(path.join(repo, relative)), `COPY ${copy.from ? `--from=${copy.from} ` : ''}${source}`).toBe(true);
      }
    }
  });

  it('gives the runtime every workspace package the server imports', () => {
    const copied = finalStage('COPY').flatMap((i) => copyParts(i.args).sources.map((s) => s.replace(/^\/app\//, '')));
    const workspaces = Object.keys(serverPackage.dependencies).filter((name) => name.startsWith('@playroom/'));
    expect(workspaces.length).toBeGreaterThan(0);
    for (const name of workspaces) {
      const dir = `packages/${name.slice('@playroom/'.length)}`;
      expect(copied, name).toContain(dir);
    }
    // the runtime takes only the root node_modules: nothing may be installed inside a workspace
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, unknown> };
    const nested = Object.keys(lock.packages).filter((key) => /^(apps|packages)\/[^/]+\/node_modules\//.test(key));
    expect(nested).toEqual([]);
  });

  it('has a .dockerignore that keeps installs, data and build output out of the context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    for (const entry of ['node_modules', 'data', 'dist', '.turbo', 'test-results']) {
      expect(ignored.some((line) => line === entry || line === `**/${entry}`), entry).toBe(true);
    }
  });
});

describe('docker-compose.single.yml (one process)', () => {
  const compose = readCompose('docker-compose.single.yml');
  const service = compose.services.playroom!;

  it('runs the playroom service from this Dockerfile with a restart policy', () => {
    expect(service).toBeDefined();
    const context = typeof service.build === 'string' ? service.build : service.build?.context;
    expect(context).toBe('.');
    expect(['always', 'unless-stopped', 'on-failure']).toContain(service.restart);
  });

  it('publishes the port the server listens on and keeps /data in a named volume', () => {
    const port = Number(service.environment?.PORT ?? DEFAULT_OPTIONS.port);
    expect(service.ports?.some((mapping) => containerPort(mapping) === port)).toBe(true);
    expect(service.environment?.DATA_DIR).toBe('/data');
    const mount = service.volumes?.find((volume) => volume.split(':')[1] === '/data');
    expect(mount).toBeDefined();
    const name = mount!.split(':')[0]!;
    expect(name.startsWith('.') || name.startsWith('/')).toBe(false); // named, not a bind mount
    expect(Object.keys(compose.volumes ?? {})).toContain(name);
  });

  it('checks health on a route the app serves', async () => {
    await expectHealthRoute(healthPath(healthCommand(service)));
  });
});

describe('docker-compose.yml (many processes)', () => {
  const compose = readCompose('docker-compose.yml');
  const servers = playroomServers(compose);
  const { redis, postgres, nginx } = compose.services;

  it('runs Redis and PostgreSQL with health checks, PostgreSQL’s data in a named volume', () => {
    expect(healthCommand(redis!)).toBe('CMD redis-cli ping');
    const pg = postgres!.environment!;
    for (const name of ['POSTGRES_USER', 'POSTGRES_PASSWORD', 'POSTGRES_DB']) expect(pg[name], name).toBeTruthy();
    expect(healthCommand(postgres!)).toBe(`CMD pg_isready -U ${pg.POSTGRES_USER} -d ${pg.POSTGRES_DB}`);
    const mount = postgres!.volumes!.find((volume) => volume.split(':')[1] === '/var/lib/postgresql/data')!;
    expect(Object.keys(compose.volumes ?? {})).toContain(mount.split(':')[0]);
  });

  it('runs two or more Playroom servers from one image of this Dockerfile, each with its own INSTANCE_ID', () => {
    expect(servers.length).toBeGreaterThanOrEqual(2);
    for (const [name, service] of servers) {
      const context = typeof service.build === 'string' ? service.build : service.build?.context;
      expect(context, name).toBe('.');
      expect(service.image, name).toBe(servers[0]![1].image);
      expect(['always', 'unless-stopped', 'on-failure']).toContain(service.restart);
    }
    const ids = servers.map(([, service]) => composeOptions(service).instanceId);
    expect(new Set(ids).size).toBe(servers.length);
  });

  it('points every server at the compose Redis and PostgreSQL, behind one proxy, with the public URL from the host', () => {
    const pg = postgres!.environment!;
    for (const [name, service] of servers) {
      const env = service.environment!;
      const options = composeOptions(service);
      const database = new URL(options.databaseUrl!);
      expect(database.hostname, name).toBe('postgres');
      expect([database.port || '5432', decodeURIComponent(database.username), database.pathname.slice(1)]).toEqual(['5432', pg.POSTGRES_USER, pg.POSTGRES_DB]);
      expect(database.password).toBe(withComposeDefaults(pg.POSTGRES_PASSWORD!));
      expect(env.DATABASE_URL).toContain('${POSTGRES_PASSWORD'); // one password, set once on the host
      const redisUrl = new URL(options.redisUrl!);
      expect([redisUrl.hostname, redisUrl.port || '6379']).toEqual(['redis', '6379']);
      expect(options.trustProxy).toBe(1);
      expect(env.PUBLIC_URL).toMatch(/^\$\{PUBLIC_URL(:-[^}]*)?\}$/);
      expect(service.depends_on).toEqual({ redis: { condition: 'service_healthy' }, postgres: { condition: 'service_healthy' } });
    }
  });

  it('checks each server’s readiness on a route the app serves, at the port it listens on, and waits out the final save', async () => {
    for (const [name, service] of servers) {
      const command = healthCommand(service);
      expect(command, name).toContain(`127.0.0.1:${composeOptions(service).port}/`);
      await expectHealthRoute(healthPath(command));
      // SIGTERM → the final save; server.ts forces an exit after 10 s, so compose must wait longer than that
      expect(Number(/^(\d+)s$/.exec(service.stop_grace_period!)![1])).toBeGreaterThan(10);
    }
    expect(read('apps/server/src/server.ts')).toMatch(/\}, 10_000\)/);
  });

  it('runs nginx with deploy/nginx.conf mounted read-only, published, once every server is healthy', () => {
    expect(nginx!.image).toMatch(/^nginx(:|$)/);
    const mount = nginx!.volumes!.find((volume) => volume.includes('nginx.conf'))!;
    const [source, target, mode] = mount.split(':');
    expect(fs.existsSync(path.join(repo, source!))).toBe(true);
    expect(target).toMatch(/^\/etc\/nginx\/conf\.d\/[^/]+\.conf$/);
    expect(mode).toBe('ro');
    expect(nginx!.ports!.length).toBeGreaterThan(0);
    expect(nginx!.depends_on).toEqual(Object.fromEntries(servers.map(([name]) => [name, { condition: 'service_healthy' }])));
    // only nginx is published: the servers are reached through it
    for (const [name, service] of servers) expect(service.ports, name).toBeUndefined();
  });
});

describe('docs/OPERATIONS.md', () => {
  /** Every environment variable readServerOptions reads, found by handing it an environment that records each read. */
  const readVariables = (() => {
    const read = new Set<string>();
    const recorder = new Proxy({}, { get: (_target, key) => (typeof key === 'string' && read.add(key), undefined) });
    readServerOptions(recorder as NodeJS.ProcessEnv);
    read.delete('INIT_CWD'); // npm's own (where `npm start` was typed), not a setting
    return read;
  })();
  const documented = (file: string, heading: string) => {
    const text = read(file);
    const section = text.slice(text.indexOf(heading));
    return new Set([...section.matchAll(/^\| (`[A-Z0-9_]+`(?:, `[A-Z0-9_]+`)*) \|/gm)].flatMap((row) => row[1]!.match(/[A-Z0-9_]+/g)!));
  };

  it('documents every variable the server reads, in its table of variables and in ARCHITECTURE’s', () => {
    expect(readVariables.size).toBeGreaterThan(30);
    for (const [file, heading] of [['docs/OPERATIONS.md', '## Every variable'], ['docs/ARCHITECTURE.md', '### Configuration']] as const) {
      const table = documented(file, heading);
      expect([...readVariables].filter((name) => !table.has(name)), file).toEqual([]);
    }
  });

  it('sets on the servers only variables the server reads, in both compose files', () => {
    const services = [...playroomServers(readCompose('docker-compose.yml')), ['playroom', readCompose('docker-compose.single.yml').services.playroom!] as const];
    for (const [name, service] of services) {
      expect(Object.keys(service.environment!).filter((variable) => !readVariables.has(variable)), name).toEqual([]);
    }
  });
});
