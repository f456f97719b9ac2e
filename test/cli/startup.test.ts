import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commitAll, gitInit, makeProject, OKR_BIN, REPO_ROOT, tempDir } from '../helpers.js';

const RECORDER = pathToFileURL(join(REPO_ROOT, 'test', 'fixtures', 'startup', 'record-modules.mjs')).href;
/** The modules tsc builds, one a source file, from which the build bundles what bin/okr runs. */
const UNBUNDLED = join(REPO_ROOT, 'dist', 'cli', 'main.js');
const ACME = join(REPO_ROOT, 'examples', 'acme');
const AS_OF = ['--as-of', '2026-11-20'];

/** The example outside any git repository: what status and graph read from git is not read there. */
function acmeOutsideGit(): string {
  const dir = tempDir();
  cpSync(ACME, dir, { recursive: true });
  return dir;
}

interface Recorded {
  code: number;
  stdout: string;
  stderr: string;
  /** URLs of the modules loaded. */
  modules: string[];
}

/** Runs okr (bin/okr, or another entry) and records the modules it loads. */
function runRecorded(
  args: string[],
  cwd: string,
  options: { env?: Record<string, string>; entry?: string } = {},
): Recorded {
  const file = join(tempDir(), 'modules.txt');
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  if (options.env?.FORCE_COLOR === undefined) delete env.FORCE_COLOR;
  Object.assign(env, { NODE_OPTIONS: `--import=${RECORDER}`, OKR_TEST_MODULES_FILE: file });
  const result = spawnSync(process.execPath, [options.entry ?? OKR_BIN, ...args], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const modules = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, modules };
}

/** Whether a module whose URL contains `part` was loaded. */
const loads = (r: Recorded, part: string) => r.modules.some((line) => line.includes(part));
/** Whether okr's own code (not a package's) loaded the node built-in `name`, however it did. */
const usesBuiltin = (r: Recorded, name: string) =>
  r.modules.some(
    (line) => line === name || (line.startsWith(`require:${name} from `) && line.includes('/dist/')),
  );
// okr's git modules are the only ones of okr's to use node:child_process (commander requires it
// too, which is told apart by the requiring file): in the bundle, it tells that git was loaded.
const GIT = 'node:child_process';
const CHALK = '/node_modules/chalk/';
// The full YAML parser: the fast reader reads examples/acme, so status must not load it.
const YAML = '/node_modules/yaml/';
const BUNDLE = '/dist/bundle/okr.cjs';
const OWN = (path: string) => `/dist/${path}`;

const TEAM = `owner: team
cycle: 2026-Q4
objectives:
  - id: fast-checkout
    title: Make checkout effortless for buyers
    key_results:
      - id: judged
        title: Buyers find checkout effortless
        progress: 0.5
`;

describe('what okr loads at start-up', () => {
  it('okr status outside a git repository loads neither git, nor chalk without colours, nor node:crypto, nor yaml', () => {
    const r = runRecorded(['status', ...AS_OF], acmeOutsideGit());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('grow-merchant-sales');
    // The recorder sees okr's own modules: an empty list would make the checks below pass vacuously.
    expect(loads(r, BUNDLE)).toBe(true);
    expect(usesBuiltin(r, GIT)).toBe(false);
    expect(loads(r, CHALK)).toBe(false);
    expect(usesBuiltin(r, 'node:crypto')).toBe(false);
    // The rules run for stale-kr; measure-unavailable's must not bring okr measure's readers along.
    expect(loads(r, YAML)).toBe(false);
  });

  it("okr status and okr --version do not load node's ES module loader: bin/okr is CommonJS", () => {
    const preload = join(REPO_ROOT, 'test', 'fixtures', 'startup', 'node-modules-loaded.cjs');
    for (const args of [['status', ...AS_OF], ['--version']]) {
      const file = join(tempDir(), 'modules.txt');
      const { NO_COLOR: _, FORCE_COLOR: __, ...env } = process.env;
      const result = spawnSync(process.execPath, ['-r', preload, OKR_BIN, ...args], {
        cwd: ACME,
        env: { ...env, NO_COLOR: '1', OKR_TEST_MODULES_FILE: file },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.status).toBe(0);
      const modules = readFileSync(file, 'utf8').split('\n');
      // What running any ES module takes; the CommonJS loader is there in every case.
      expect(modules).toContain('NativeModule internal/modules/cjs/loader');
      expect(modules.filter((m) => /esm\/(translators|module_job)$/.test(m))).toEqual([]);
    }
  });

  it('module by module, okr status outside git loads no module that runs git; stale-kr needs the rules', () => {
    const r = runRecorded(['status', ...AS_OF], acmeOutsideGit(), { entry: UNBUNDLED });
    expect(r.code).toBe(0);
    expect(loads(r, OWN('cli/commands/status.js'))).toBe(true);
    expect(loads(r, OWN('git/run.js'))).toBe(false);
    expect(loads(r, OWN('run/status.js'))).toBe(true);
    expect(loads(r, OWN('run/revision.js'))).toBe(false);
    // Every view shows "stale" exactly when okr check reports stale-kr: the rules run.
    expect(loads(r, OWN('lint/engine.js'))).toBe(true);
    expect(usesBuiltin(r, GIT)).toBe(false);
  });

  it('in a git repository okr status reads git, as okr check does for stale-kr, and still not yaml', () => {
    const r = runRecorded(['status', ...AS_OF, '--no-cache'], ACME);
    expect(r.code).toBe(0);
    expect(usesBuiltin(r, GIT)).toBe(true);
    expect(loads(r, BUNDLE)).toBe(true);
    expect(loads(r, YAML)).toBe(false);
  });

  it('a second okr status in a git repository runs no git: the first kept what it read in the git folder', () => {
    const dir = makeProject({ 'okrs/team.yaml': TEAM });
    gitInit(dir);
    commitAll(dir, 'OKRs');
    const cold = runRecorded(['status', ...AS_OF], dir);
    expect(cold.code).toBe(0);
    expect(usesBuiltin(cold, GIT)).toBe(true);
    // No node_modules at the root: the default cache folder is in .git, which git never shows.
    expect(existsSync(join(dir, '.git', 'okr-cache', '%2E', 'files.json'))).toBe(true);
    const warm = runRecorded(['status', ...AS_OF], dir);
    expect(warm.stdout).toBe(cold.stdout);
    expect(loads(warm, BUNDLE)).toBe(true);
    expect(usesBuiltin(warm, GIT)).toBe(false);
    expect(spawnSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' }).stdout).toBe('');
  });

  it('a config file checked once is neither parsed nor validated again; its problems keep their place', () => {
    const dir = makeProject({
      'okrs/team.yaml': TEAM,
      'okr.config.yaml': 'rules:\n  too-many-krs: [warn, { max: 3 }]\n',
    });
    gitInit(dir);
    commitAll(dir, 'OKRs');
    const cold = runRecorded(['status', ...AS_OF], dir);
    expect(cold.code).toBe(0);
    expect(loads(cold, '/dist/validators/config.cjs')).toBe(true);
    const warm = runRecorded(['status', ...AS_OF], dir);
    expect(warm.stdout).toBe(cold.stdout);
    expect(loads(warm, BUNDLE)).toBe(true);
    expect(loads(warm, '/dist/validators/')).toBe(false);
    // A rule setting the schema leaves to the rules: its position comes from the stored text.
    writeFileSync(join(dir, 'okr.config.yaml'), 'rules:\n  too-many-krs: [warn, { maximum: 3 }]\n');
    for (let run = 0; run < 2; run++) {
      const r = runRecorded(['check', ...AS_OF], dir);
      expect(r.stderr).toContain('okr.config.yaml:2:26');
      expect(r.stderr).toContain('has no option "maximum"');
    }
    // An invalid config is never stored: each run reports it.
    writeFileSync(join(dir, 'okr.config.yaml'), 'include: 5\n');
    for (let run = 0; run < 2; run++) {
      const r = runRecorded(['status', ...AS_OF], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^okr: invalid configuration: okr\.config\.yaml:1:10: /);
    }
  });

  it('a file unchanged since the last run is known by its metadata, without hashing; an edit is still seen', async () => {
    const dir = makeProject({ 'okrs/team.yaml': TEAM });
    gitInit(dir);
    commitAll(dir, 'OKRs');
    // Metadata stands for content only for a file that last changed more than a clock tick of the
    // file system ago (git's racy rule): 20 ms where times have nanoseconds.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const cold = runRecorded(['status', ...AS_OF], dir);
    expect(cold.stdout).toContain('50%');
    const warm = runRecorded(['status', ...AS_OF], dir);
    expect(warm.stdout).toBe(cold.stdout);
    expect(loads(warm, BUNDLE)).toBe(true);
    expect(usesBuiltin(warm, 'node:crypto')).toBe(false);
    // Same size, same modification time: the change time still moves, and the content is compared.
    const file = join(dir, 'okrs', 'team.yaml');
    const { atime, mtime } = statSync(file);
    writeFileSync(file, TEAM.replace('progress: 0.5', 'progress: 0.7'));
    utimesSync(file, atime, mtime);
    const edited = runRecorded(['status', ...AS_OF], dir);
    expect(edited.stdout).toContain('70%');
    expect(usesBuiltin(edited, 'node:crypto')).toBe(true);
  });

  it('okr status --at loads git, and colours load chalk', () => {
    const dir = makeProject({ 'okrs/team.yaml': TEAM });
    gitInit(dir);
    commitAll(dir, 'OKRs');
    const r = runRecorded(['status', '--at', 'HEAD', ...AS_OF], dir, {
      env: { NO_COLOR: '', FORCE_COLOR: '1' },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\u001b[');
    expect(usesBuiltin(r, GIT)).toBe(true);
    expect(loads(r, CHALK)).toBe(true);
  });

  it('okr --help does not load git, nor okr graph outside a git repository', () => {
    const help = runRecorded(['--help'], ACME);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: okr');
    expect(loads(help, BUNDLE)).toBe(true);
    expect(usesBuiltin(help, GIT)).toBe(false);
    const acme = acmeOutsideGit();
    const graph = runRecorded(['graph', ...AS_OF], acme);
    expect(graph.code).toBe(0);
    expect(graph.stdout).toContain('o_grow_merchant_sales');
    expect(usesBuiltin(graph, GIT)).toBe(false);
    const unbundled = runRecorded(['graph', ...AS_OF], acme, { entry: UNBUNDLED });
    expect(unbundled.stdout).toBe(graph.stdout);
    expect(loads(unbundled, OWN('git/run.js'))).toBe(false);
  });

  it('a file that fails to load makes okr status run the rules to count its errors, as configured', () => {
    const dir = makeProject({
      'okr.config.yaml': 'rules:\n  unknown-cycle: error\n',
      'okrs/team.yaml': TEAM,
      // A schema error (an unknown key) and an unknown cycle, an error by the config above.
      'okrs/broken.yaml': TEAM.replace('team', 'other')
        .replace('2026-Q4', '2027-Q9')
        .replace('fast-checkout', 'slow-checkout')
        .replace('    key_results:', '    wieght: 2\n    key_results:'),
    });
    const expected =
      'okr: okrs/broken.yaml has 2 errors; what they concern is not shown\n  hint: run "okr check okrs/broken.yaml" for details\n';
    const r = runRecorded(['status', ...AS_OF], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('fast-checkout');
    expect(r.stderr).toBe(expected);
    const unbundled = runRecorded(['status', ...AS_OF], dir, { entry: UNBUNDLED });
    expect(unbundled.stderr).toBe(expected);
    expect(loads(unbundled, OWN('lint/engine.js'))).toBe(true);
  });
});
