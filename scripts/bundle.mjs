// Build step, after tsc: bundles okr's own modules (dist/**/*.js) into a few files in dist/bundle/,
// which bin/okr runs. Node loads each module of a program separately (resolves it, reads it, compiles
// it), and for a command as short as `okr status` that was a good part of the time: the bundle loads
// a fifth as many. Every command's code stays in files of its own, loaded when it runs, and packages
// stay outside the bundle, loaded from node_modules as before. The bundle sits two folders below the
// package root, as every module of dist/ does, so paths relative to a module (../../package.json,
// ../../schemas, ../validators) lead to the same files.
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const dist = join(resolve(import.meta.dirname, '..'), 'dist');
const outdir = join(dist, 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  // Besides the CLI, every module okr loads by its URL: the worker thread's (src/load/parallel.ts).
  entryPoints: [join(dist, 'cli', 'main.js'), join(dist, 'load', 'load-worker.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
});
