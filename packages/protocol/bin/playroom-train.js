#!/usr/bin/env node
// Launches the TypeScript CLI through tsx, so nothing needs compiling first.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/playroom-train.ts');
