// Build step, after tsc: bundles okr's own modules (dist/**/*.js) into one CommonJS file,
// dist/bundle/okr.cjs, which bin/okr runs. For a command as short as `okr status`, loading code was
// most of the time, and ES modules cost node more to load than their code does to run: each is
// resolved, read and linked on its own, and each node built-in it imports gets a module facade.
// One CommonJS file is read and compiled once. Commands' code still runs only when the command does
// (esbuild turns `import()` into a call of the module's initialiser), and packages stay outside the
// bundle, required or imported from node_modules when the code that uses them runs.
//
// The bundle sits two folders below the package root, as every module of dist/ does, and
// `import.meta.url` is the bundle's own URL, so paths relative to a module (../../package.json,
// ../../schemas, ../validators) lead to the same files.
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const dist = join(resolve(import.meta.dirname, '..'), 'dist');
const outdir = join(dist, 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  entryPoints: [join(dist, 'cli', 'main.js')],
  outfile: join(outdir, 'okr.cjs'),
  format: 'cjs',
  // Mapped through tsc's maps to src/*.ts, for the stack of an internal error under DEBUG=okr.
  sourcemap: 'linked',
  define: { 'import.meta.url': '__okrModuleUrl' },
  banner: { js: "const __okrModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
