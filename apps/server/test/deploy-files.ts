import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

/** The repository's root and its deploy files, as the deploy tests read them. */
export const repo = path.resolve(import.meta.dirname, '../../..');
export const readRepoFile = (file: string) => fs.readFileSync(path.join(repo, file), 'utf8');

export interface ComposeService {
  build?: string | { context: string };
  image?: string;
  restart?: string;
  command?: string[] | string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  stop_grace_period?: string;
  healthcheck?: { test: string[] | string };
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** A compose file with its `<<: *anchor` merges applied, as docker compose reads it. */
export const readCompose = (file: string) => parseYaml(readRepoFile(file), { merge: true }) as ComposeFile;

/** The many-process deployment's Playroom servers: the services named playroom-N. */
export function playroomServers(compose: ComposeFile): [string, ComposeService][] {
  return Object.entries(compose.services).filter(([name]) => /^playroom-\d+$/.test(name));
}

/** `${NAME:-default}` and `${NAME}` as compose fills them in from an environment without NAME. */
export const withComposeDefaults = (value: string) => value.replace(/\$\{[A-Z0-9_]+(?::?-([^}]*))?\}/g, (_all, fallback?: string) => fallback ?? '');

/** The container port of a `host:container` mapping. */
export const containerPort = (mapping: string) => Number(mapping.split(':').at(-1));
