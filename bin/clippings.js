#!/usr/bin/env node
// The published command. tsx's loader compiles TypeScript on the fly (esbuild, cached),
// so there is no separate compile step and the layouts stay plain .11ty.ts files.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
