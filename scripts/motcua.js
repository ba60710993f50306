#!/usr/bin/env node
// `npx motcua …`: runs the TypeScript command line through tsx (no build step, like npm start).
import { register } from 'tsx/esm/api';

register();
await import('./cli/motcua.ts');
