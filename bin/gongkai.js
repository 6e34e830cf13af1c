#!/usr/bin/env node
// Entry for `npx gongkai …` and `npm start`: runs the TypeScript sources through tsx,
// so there is no separate build step (see docs/decisions/0001-run-typescript-with-tsx.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/app/cli.ts');
