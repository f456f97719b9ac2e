import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commitAll, gitInit, makeProject, REPO_ROOT, runOkr, tempDir } from '../helpers.js';

const RECORDER = pathToFileURL(join(REPO_ROOT, 'test', 'fixtures', 'startup', 'record-modules.mjs')).href;
const ACME = join(REPO_ROOT, 'examples', 'acme');
const AS_OF = ['--as-of', '2026-11-20'];

/** Runs okr and returns, with its result, the URLs of the modules it loaded. */
function runRecorded(args: string[], cwd: string, env: Record<string, string> = {}) {
  const file = join(tempDir(), 'modules.txt');
  const result = runOkr(args, {
    cwd,
    env: { NODE_OPTIONS: `--import=${RECORDER}`, OKR_TEST_MODULES_FILE: file, ...env },
  });
  const modules = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return { ...result, modules };
}

const loads = (modules: string[], part: string) => modules.some((url) => url.includes(part));
const SIMPLE_GIT = '/node_modules/simple-git/';
const CHALK = '/node_modules/chalk/';
// The rules' metadata loads with the configuration; running them is what status skips.
const LINT = '/dist/lint/engine.js';

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
  it('okr status loads neither git, nor chalk without colours, nor the lint engine', () => {
    const r = runRecorded(['status', ...AS_OF], ACME);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('grow-merchant-sales');
    // The recorder sees okr's own modules: an empty list would make the checks below pass vacuously.
    expect(loads(r.modules, '/dist/cli/commands/status.js')).toBe(true);
    expect(loads(r.modules, SIMPLE_GIT)).toBe(false);
    expect(loads(r.modules, '/dist/git/')).toBe(false);
    expect(loads(r.modules, CHALK)).toBe(false);
    expect(loads(r.modules, LINT)).toBe(false);
  });

  it('okr status --at loads git, and colours load chalk', () => {
    const dir = makeProject({ 'okrs/team.yaml': TEAM });
    gitInit(dir);
    commitAll(dir, 'OKRs');
    const r = runRecorded(['status', '--at', 'HEAD', ...AS_OF], dir, { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\u001b[');
    expect(loads(r.modules, SIMPLE_GIT)).toBe(true);
    expect(loads(r.modules, CHALK)).toBe(true);
  });

  it('okr --help and okr graph do not load git', () => {
    const help = runRecorded(['--help'], ACME);
    expect(help.code).toBe(0);
    expect(loads(help.modules, '/dist/cli/main.js')).toBe(true);
    expect(loads(help.modules, SIMPLE_GIT)).toBe(false);
    const graph = runRecorded(['graph', ...AS_OF], ACME);
    expect(graph.code).toBe(0);
    expect(graph.stdout).toContain('o_grow_merchant_sales');
    expect(loads(graph.modules, SIMPLE_GIT)).toBe(false);
    expect(loads(graph.modules, LINT)).toBe(false);
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
    const r = runRecorded(['status', ...AS_OF], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('fast-checkout');
    expect(r.stderr).toBe(
      'okr: okrs/broken.yaml has 2 errors; what they concern is not shown. Run "okr check okrs/broken.yaml" for details.\n',
    );
    expect(loads(r.modules, LINT)).toBe(true);
  });
});
