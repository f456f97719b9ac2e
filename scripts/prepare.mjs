// npm's `prepare` script, which npm runs after `npm install` in a checkout and before `npm pack` or
// `npm publish`: builds dist/ unless the build is newer than everything it is made from. A checkout
// has no dist/ (it is not committed), so installing okr from git (pre-commit does) builds it.
//
// `npm pack` prints the tarball's name on stdout, and tools read it from there (pre-commit does):
// the build's output goes to stderr, and .npmrc keeps npm's own script banners off stdout.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const built = join(root, 'dist', 'bundle', 'okr.cjs');

/** The newest modification time of a file or of the files below a folder. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let time = 0;
  for (const entry of readdirSync(path, { recursive: true, encoding: 'utf8' })) {
    const file = statSync(join(path, entry));
    if (file.isFile()) time = Math.max(time, file.mtimeMs);
  }
  return time;
}

/**
 * The environment for npm commands run from here. npm runs this script of a package installed
 * globally from git (`npm install -g git+…`, which is how pre-commit 4 installs a hook) in a clone
 * with no dependencies installed, since its own install there inherits npm_config_global: the build
 * tools are then installed here, into the clone, as for any checkout.
 */
function localNpmEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env))
    if (/^npm_config_(global|prefix|global_prefix|globalconfig|local_prefix)$/i.test(key)) delete env[key];
  return env;
}

/** Runs npm in the package's folder, its output on stderr. */
function npm(args) {
  const run = spawnSync('npm', args, {
    cwd: root,
    env: localNpmEnv(),
    stdio: ['ignore', process.stderr, process.stderr],
    shell: process.platform === 'win32',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

const inputs = ['src', 'schemas', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];
const upToDate =
  existsSync(built) && inputs.every((input) => newest(join(root, input)) <= statSync(built).mtimeMs);
if (!upToDate) {
  if (!existsSync(join(root, 'node_modules', 'typescript', 'package.json')))
    npm(['ci', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund']);
  npm(['run', '--silent', 'build']);
}
