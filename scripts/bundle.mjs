// Build step, after tsc: bundles okr's own modules (dist/**/*.js) into one CommonJS file,
// dist/bundle/okr.cjs, which bin/okr runs. For a command as short as `okr status`, loading code was
// most of the time, and ES modules cost node more to load than their code does to run: each is
// resolved, read and linked on its own, and each node built-in it imports gets a module facade.
// One CommonJS file is read and compiled once. Commands' code still runs only when the command does
// (esbuild turns `import()` into a call of the module's initialiser). The packages every command
// runs are bundled too; the others stay outside, required or imported from node_modules when the
// code that uses them runs (LAZY_PACKAGES). Whitespace is minified and every character outside ASCII
// escaped: the fewer bytes, and bytes of ASCII alone, node reads and V8 checks the faster.
//
// The bundle sits two folders below the package root, as every module of dist/ does, and
// `import.meta.url` is the bundle's own URL, so paths relative to a module (../../package.json,
// ../../schemas, ../validators) lead to the same files.
//
// bin/okr compiles the bundle with the code V8 cached when this script ran it on the example
// organisation, and passes it the function through which it imports ES-only packages (a script
// compiled that way cannot `import()` by itself): each `import("…")` of the bundle becomes
// `okrImp("…")`, a name as long, so that the source map's columns still hold.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const repo = resolve(import.meta.dirname, '..');
const dist = join(repo, 'dist');
const outdir = join(dist, 'bundle');
const outfile = join(outdir, 'okr.cjs');
rmSync(outdir, { recursive: true, force: true });

/**
 * The packages left outside the bundle, loaded from node_modules when the code that uses them runs:
 * the large ones (yaml, ajv), ES-only chalk (loaded with colours only), and those only some commands
 * use. commander and picomatch, which every command runs, are bundled: read, compiled and cached
 * with okr's own code instead of resolved file by file through node_modules.
 */
const LAZY_PACKAGES = ['ajv', 'chalk', 'cli-table3', 'diff', 'jsonc-parser', 'yaml'];

/**
 * commander requires node:child_process (and with it node:net and node:stream) when it loads, for
 * executable subcommands, which okr does not have; in the bundle that require is made when
 * commander first spawns, so a command that runs no git does not load them. The build fails if
 * commander's line changes.
 */
const commanderWithoutChildProcess = {
  name: 'commander-without-child-process',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const eager = "const childProcess = require('node:child_process');";
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(eager)) throw new Error(`${args.path} no longer has: ${eager}`);
      const lazy = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

await build({
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Node 20 has them; esbuild's tables would turn each /\p{…}/u literal into a `new RegExp` whose
  // pattern V8 then parses at start-up, in every command (~0.7 ms for the wording rules' alone).
  supported: { 'regexp-unicode-property-escapes': true },
  external: LAZY_PACKAGES,
  plugins: [commanderWithoutChildProcess],
  logLevel: 'warning',
  entryPoints: [join(dist, 'cli', 'main.js')],
  outfile,
  format: 'cjs',
  // Mapped through tsc's maps to src/*.ts, for the stack of an internal error under DEBUG=okr.
  sourcemap: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  define: { 'import.meta.url': '__okrModuleUrl' },
  banner: {
    js: [
      "const __okrModuleUrl = require('node:url').pathToFileURL(__filename).href;",
      "const okrImp = typeof okrHostImport === 'function' ? okrHostImport : (specifier) => import(specifier);",
    ].join(' '),
  },
});
// Every character outside ASCII is written as its \\u escape (esbuild leaves them in comments and
// regular expressions): node reads a file of ASCII alone into a one-byte string several times faster.
const escapeNonAscii = (text) =>
  text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync(
  outfile,
  escapeNonAscii(readFileSync(outfile, 'utf8').replace(/(?<![\w$.])import\((?=["'`])/g, 'okrImp(')),
);

// The code cache: written by bin/okr when it exits, after running commands on the example, so
// that it holds the functions they compiled as well as the top level. Each run starts from the
// cache the one before wrote. Without the example (a package unpacked elsewhere), okr runs without.
const example = join(repo, 'examples', 'acme');
/**
 * The environment of those runs: a build inside a CI job (a release, a pre-commit install) must add
 * nothing to that job's summary, which belongs to the job's own okr runs.
 */
function buildEnv() {
  const env = { ...process.env, OKR_BUILD_CODE_CACHE: '1', DEBUG: '', NO_COLOR: '1' };
  delete env.GITHUB_STEP_SUMMARY;
  return env;
}
if (existsSync(example)) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'okr-build-'));
  try {
    // okr status twice: the second, warm run is the one users run most, and compiles its own path.
    const cache = ['--cache-location', cacheDir];
    for (const command of [['check', ...cache], ['status', ...cache], ['status', ...cache]]) {
      const run = spawnSync(
        process.execPath,
        [join(repo, 'bin', 'okr'), '-C', example, '--as-of', '2026-11-20', ...command],
        { env: buildEnv(), stdio: 'ignore' },
      );
      if (run.status !== 0) throw new Error(`okr ${command[0]} on ${example} exited with ${run.status}`);
    }
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
