import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commitAll, git, gitInit, REPO_ROOT, type RunResult, runOkr, tempDir } from '../helpers.js';

// Golden files: every command's output on examples/acme, recorded once and compared byte for byte,
// so that a change of the code that is meant to keep behaviour shows any output it changes.
//
// To record them again after a change of output made on purpose, run
//   OKR_UPDATE_GOLDEN=1 npx vitest run test/golden/examples.test.ts
// which writes the files under test/golden/examples/ instead of comparing, and review the diff.
//
// Determinism: the example is copied into a fresh git repository whose commits have a fixed author
// and fixed dates, every command gets a fixed --as-of, COLUMNS is fixed and colours are off, and git
// reads no user or system configuration. The only normalisation: the temporary folder's absolute
// path (which differs on each run) is replaced by "<tmp>" wherever an output names it (the message of
// `okr report -o FILE`); with --as-of the dashboard itself holds no time of its making.

const UPDATE = process.env.OKR_UPDATE_GOLDEN === '1';
const GOLDEN = join(REPO_ROOT, 'test', 'golden', 'examples');
const AS_OF = '2026-11-20';
/** A month later: the check-ins are stale, so every format of `okr check` has problems to show. */
const AS_OF_STALE = '2026-12-15';
const FIRST_COMMIT = '2026-11-18T12:00:00Z';
const SECOND_COMMIT = '2026-11-19T12:00:00Z';
const CHECKOUT = 'okrs/teams/2026-Q4/checkout.yaml';

/** The temporary folder; the example repository is its `acme/`. */
let tmp: string[] = [];
let root = '';

/** Runs the built okr in the example repository (or `cwd`) with a fixed environment. */
function okr(args: string[], cwd = root): RunResult {
  return runOkr(args, {
    cwd,
    env: {
      NO_COLOR: '1',
      COLUMNS: '100',
      TERM: undefined,
      DEBUG: undefined,
      GITHUB_STEP_SUMMARY: undefined,
      OKR_LOCK_TIMEOUT_MS: undefined,
      HOME: cwd,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
    },
  });
}

/** Replaces the temporary folder's path (as given and with symbolic links resolved) by "<tmp>". */
function normalise(text: string): string {
  let result = text;
  for (const path of tmp) result = result.split(path).join('<tmp>');
  return result;
}

/** Compares `actual` with the golden file `name`, or writes it when OKR_UPDATE_GOLDEN=1. */
function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  const text = normalise(actual);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  expect(existsSync(file), `${name} is not recorded: run with OKR_UPDATE_GOLDEN=1`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

/** Runs a document-printing command: stdout is the golden file, stderr must be empty. */
function expectDocument(name: string, args: string[], code = 0): void {
  const r = okr(args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(code);
  expect(r.stdout.length).toBeGreaterThan(0);
  expectGolden(name, r.stdout);
}

function replaceOnce(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

beforeAll(() => {
  const dir = tempDir('okr-golden-');
  root = join(dir, 'acme');
  cpSync(join(REPO_ROOT, 'examples', 'acme'), root, { recursive: true });
  // Longest first, so that a resolved path is not half-replaced by the one it contains.
  tmp = [...new Set([dir, realpathSync(dir)])].sort((a, b) => b.length - a.length);
  gitInit(root);
  commitAll(root, 'Acme OKRs', FIRST_COMMIT);
});

const at = (asOf: string) => ['--as-of', asOf];

describe('golden outputs on examples/acme', () => {
  const documents: [string, string[]][] = [
    ['check.stylish.txt', [...at(AS_OF_STALE), 'check']],
    ['check.json', [...at(AS_OF_STALE), 'check', '--format', 'json']],
    ['check.sarif', [...at(AS_OF_STALE), 'check', '--format', 'sarif']],
    ['check.github.txt', [...at(AS_OF_STALE), 'check', '--format', 'github']],
    ['check.gitlab.json', [...at(AS_OF_STALE), 'check', '--format', 'gitlab']],
    ['check.junit.xml', [...at(AS_OF_STALE), 'check', '--format', 'junit']],
    ['check-clean.json', [...at(AS_OF), 'check', '--format', 'json']],
    ['check-clean.sarif', [...at(AS_OF), 'check', '--format', 'sarif']],
    ['status.txt', [...at(AS_OF), 'status']],
    ['status-krs.txt', [...at(AS_OF), 'status', '--krs']],
    ['status-tree.txt', [...at(AS_OF), 'status', '--tree']],
    ['status-tree-krs.txt', [...at(AS_OF), 'status', '--tree', '--krs']],
    ['status-tree.md', [...at(AS_OF), 'status', '--tree', '--format', 'markdown']],
    ['status.json', [...at(AS_OF), 'status', '--format', 'json']],
    ['status.md', [...at(AS_OF), 'status', '--format', 'markdown']],
    ['status-filtered.txt', [...at(AS_OF), 'status', '--owner', 'checkout', '--status', 'on_track', '--krs']],
    ['graph.mmd', [...at(AS_OF), 'graph']],
    ['graph.dot', [...at(AS_OF), 'graph', '--format', 'dot']],
    ['rules.txt', ['rules']],
    ['rules.json', ['rules', '--format', 'json']],
    ['config.yaml', ['config']],
    ['config.json', ['config', '--format', 'json']],
    ['history.txt', [...at(AS_OF), 'history', 'checkout-first-time-buyers/conversion']],
    ['history.json', [...at(AS_OF), 'history', 'checkout-first-time-buyers/conversion', '--format', 'json']],
    ['history-objective.txt', [...at(AS_OF), 'history', 'checkout-first-time-buyers']],
    ['completion.bash', ['completion', 'bash']],
    ['completion.zsh', ['completion', 'zsh']],
    ['completion.fish', ['completion', 'fish']],
  ];
  for (const [name, args] of documents)
    it(`okr ${args.join(' ')} → ${name}`, () => {
      expectDocument(name, args);
    });

  it('okr report -o FILE → report.html', () => {
    const out = join(root, '..', 'report.html');
    const r = okr([...at(AS_OF), 'report', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expectGolden('report.stderr.txt', r.stderr);
    expectGolden('report.html', readFileSync(out, 'utf8'));
  });

  it('okr checkin (on a copy) → checkin.yaml, and its --dry-run → checkin-dry-run.txt', () => {
    const copy = join(root, '..', 'checkin');
    cpSync(root, copy, { recursive: true });
    const args = [
      ...at(AS_OF),
      'checkin',
      'checkout-first-time-buyers/conversion',
      '2.7',
      '--confidence',
      '0.7',
      '--note',
      'one-tap address entry live',
    ];
    const dry = okr([...args, '--dry-run'], copy);
    expect(dry.code).toBe(0);
    expectGolden('checkin-dry-run.txt', dry.stdout + dry.stderr);
    const r = okr(args, copy);
    expect(r.code).toBe(0);
    expectGolden('checkin.txt', r.stdout + r.stderr);
    expectGolden('checkin.yaml', readFileSync(join(copy, CHECKOUT), 'utf8'));
  });
});

describe('golden outputs of a change to examples/acme (diff HEAD~1 HEAD)', () => {
  beforeAll(() => {
    // A second commit that moves a target, retitles an objective and adds a key result.
    const file = join(root, CHECKOUT);
    let text = readFileSync(file, 'utf8');
    text = replaceOnce(text, '        target: 3.0\n', '        target: 3.2\n');
    text = replaceOnce(
      text,
      '    title: Make checkout effortless for first-time buyers\n',
      '    title: Make checkout effortless for every first-time buyer\n',
    );
    text = replaceOnce(
      text,
      '      - id: address-entry\n',
      [
        '      - id: saved-cards',
        '        title: Raise the share of returning buyers paying with a saved card from 30% to 45%',
        '        start: 30',
        '        target: 45',
        '        current: 33',
        '        unit: "%"',
        '      - id: address-entry',
        '',
      ].join('\n'),
    );
    writeFileSync(file, text);
    commitAll(root, 'Checkout: higher conversion target, saved cards', SECOND_COMMIT);
    expect(git(root, ['status', '--porcelain'])).toBe('');
  });

  const documents: [string, string[]][] = [
    ['diff.txt', [...at(AS_OF), 'diff', 'HEAD~1', 'HEAD']],
    ['diff.md', [...at(AS_OF), 'diff', 'HEAD~1', 'HEAD', '--format', 'markdown']],
    ['diff.json', [...at(AS_OF), 'diff', 'HEAD~1', 'HEAD', '--format', 'json']],
    ['check-base.stylish.txt', [...at(AS_OF), 'check', '--base', 'HEAD~1']],
    ['status-at.txt', [...at(AS_OF), 'status', '--at', 'HEAD~1', '--owner', 'checkout', '--krs']],
  ];
  for (const [name, args] of documents)
    it(`okr ${args.join(' ')} → ${name}`, () => {
      expectDocument(name, args);
    });
});
