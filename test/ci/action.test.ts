import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commitAll, git, gitInit, makeProject, REPO_ROOT, runOkr, tempDir, writeFiles } from '../helpers.js';

interface Step {
  name?: string;
  uses?: string;
  if?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { description: string; default: string }>;
  runs: { using: string; steps: Step[] };
}

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const action = parse(read('action.yml')) as Action;
const pkg = JSON.parse(read('package.json')) as { name: string; version: string };
const checkStep = () => action.runs.steps.find((s) => s.name === 'okr check')!;

/**
 * A stand-in for the GitHub CLI, `gh api`, and the part of GitHub's REST API the Action uses: it
 * records its arguments (one JSON array a line) and keeps the pull request's comments in a JSON
 * file. `--jq` is applied by jq, as gh applies it.
 */
const GH_STAND_IN = `#!/usr/bin/env node
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const args = process.argv.slice(2);
fs.appendFileSync(process.env.GH_STAND_IN_LOG, JSON.stringify(args) + '\\n');
const state = JSON.parse(fs.readFileSync(process.env.GH_STAND_IN_STATE, 'utf8'));
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const valued = new Set(['--method', '--jq', '-F']);
const path = args.find((a, i) => i > 0 && !a.startsWith('-') && !valued.has(args[i - 1]));
const method = option('--method') ?? 'GET';
const field = option('-F');
const body = field?.startsWith('body=@') ? fs.readFileSync(field.slice('body=@'.length), 'utf8') : undefined;
const fail = (message) => { process.stderr.write(message + '\\n'); process.exit(1); };
if (args[0] !== 'api') fail('the stand-in answers only gh api');
if (!process.env.GH_TOKEN) fail('gh: no GH_TOKEN');
let m;
if (method === 'GET' && (m = /^repos\\/okr-cli\\/example\\/issues\\/(\\d+)\\/comments(\\?.*)?$/.exec(path))) {
  const list = state.comments.filter((c) => c.issue === Number(m[1]));
  const jq = option('--jq');
  if (!jq) process.stdout.write(JSON.stringify(list));
  else {
    const r = spawnSync('jq', ['-r', jq], { input: JSON.stringify(list), encoding: 'utf8' });
    if (r.status !== 0) fail('jq: ' + (r.stderr || r.error));
    process.stdout.write(r.stdout);
  }
} else if (method === 'POST' && (m = /^repos\\/okr-cli\\/example\\/issues\\/(\\d+)\\/comments$/.exec(path))) {
  state.comments.push({ id: state.nextId++, issue: Number(m[1]), user: { login: 'github-actions[bot]' }, body });
} else if (method === 'PATCH' && (m = /^repos\\/okr-cli\\/example\\/issues\\/comments\\/(\\d+)$/.exec(path))) {
  const comment = state.comments.find((c) => c.id === Number(m[1]));
  if (!comment) fail('gh: Not Found (HTTP 404)');
  comment.body = body;
} else fail('the stand-in does not know ' + method + ' ' + path);
fs.writeFileSync(process.env.GH_STAND_IN_STATE, JSON.stringify(state));
`;

let runnerTemp: string;
let tarball: string;
beforeAll(() => {
  // The Action installs the published okr-cli; here, the package this checkout packs.
  runnerTemp = tempDir('okr-runner-');
  const pack = spawnSync('npm', ['pack', '--pack-destination', runnerTemp], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  expect(pack.status).toBe(0);
  tarball = join(runnerTemp, pack.stdout.trim());
}, 300_000);

interface StepRun {
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

/** Runs the check step's script as GitHub would (bash -eo pipefail), with the inputs as it maps them. */
function runStep(cwd: string, options: StepRun = {}) {
  const step = checkStep();
  const env: Record<string, string> = { ...(process.env as Record<string, string>), NO_COLOR: '1' };
  for (const name of ['GITHUB_STEP_SUMMARY', 'GITHUB_EVENT_NAME', 'GITHUB_EVENT_PATH', 'GITHUB_BASE_REF'])
    delete env[name];
  for (const [name, value] of Object.entries(step.env ?? {})) {
    const input = /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(value)?.[1];
    const fallback = input ? action.inputs[input]!.default : '';
    env[name] = input ? (options.inputs?.[input] ?? fallback) : '';
  }
  // The default token, an expression of GitHub's, is the stand-in's token here.
  if (env.GH_TOKEN?.startsWith('$')) env.GH_TOKEN = 'stand-in-token';
  Object.assign(env, {
    GITHUB_ACTION_PATH: REPO_ROOT,
    RUNNER_TEMP: runnerTemp,
    OKR_PACKAGE: tarball,
    npm_config_prefer_offline: 'true',
    ...options.env,
  });
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: 300_000,
  });
}

const BAD = 'owner: team-a\ncycle: 2026-Q9\nobjectives: []\n';
const GOOD = 'owner: team-a\ncycle: 2026-Q4\nobjectives: []\n';
const TEAM = (target: number) => `owner: company
cycle: 2026
objectives:
  - id: grow
    title: Grow revenue with our merchants across Europe
    key_results:
      - id: revenue
        title: Raise yearly revenue
        start: 10
        target: ${target}
        current: 15
`;

describe('action.yml', () => {
  it('is a composite action with the inputs it always had, and comment and github-token', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining([
        'paths',
        'format',
        'output',
        'max-warnings',
        'working-directory',
        'version',
        'diff',
        'comment',
        'github-token',
      ]),
    );
    expect(action.inputs.format!.default).toBe('github');
    expect(action.inputs.comment!.default).toBe('true');
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(10);
  });

  it('sets up Node.js 24 with actions pinned by commit, builds nothing, never pastes inputs into a script', () => {
    const setup = action.runs.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setup?.with?.['node-version']).toBe(24);
    for (const step of action.runs.steps.filter((s) => s.uses))
      expect(step.uses, step.name).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
    const script = read('scripts/action.sh');
    expect(`${read('action.yml')}\n${script}`).not.toMatch(/npm ci|npm run build/);
    for (const step of action.runs.steps) if (step.run) expect(step.run).not.toContain('${{');
    expect(checkStep().run).toBe('bash "$GITHUB_ACTION_PATH/scripts/action.sh"');
  });

  it('runs okr check with the inputs: exit 1 on errors, 0 when clean, only the given paths', () => {
    expect(checkStep()['working-directory']).toMatch(/inputs\.working-directory/);
    const dir = makeProject({ 'okrs/bad.yaml': BAD, 'okrs/good/good.yaml': GOOD });
    const all = runStep(dir);
    expect(all.status).toBe(1);
    expect(all.stdout).toMatch(/^::error file=okrs\/bad\.yaml,line=2,col=8,.*title=okr unknown-cycle::/);
    const scoped = runStep(dir, { inputs: { paths: 'okrs/good', format: 'json' } });
    expect(scoped.status).toBe(0);
    expect(JSON.parse(scoped.stdout)).toMatchObject({ problems: [], fileCount: 1 });
    const output = runStep(dir, { inputs: { format: 'sarif', output: 'okr.sarif' } });
    expect(output.status).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'okr.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
  });

  it('passes max-warnings on to okr check', () => {
    const dir = makeProject({
      'okrs/a.yaml': GOOD.replace('objectives: []', 'objectives:\n  - id: a\n    title: x\n'),
    });
    expect(runStep(dir).status).toBe(0);
    const strict = runStep(dir, { inputs: { 'max-warnings': '0' } });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('too many warnings');
  });

  it("runs the okr-cli release of the action's version, installed once per job", () => {
    const dir = makeProject({ 'okrs/good.yaml': GOOD });
    const r = runStep(dir);
    expect(r.status).toBe(0);
    expect(readFileSync(join(runnerTemp, 'okr-action', 'spec'), 'utf8')).toBe(tarball);
    const installed = JSON.parse(
      readFileSync(join(runnerTemp, 'okr-action', 'lib', 'node_modules', pkg.name, 'package.json'), 'utf8'),
    );
    expect(installed.version).toBe(pkg.version);
  });

  it("on a push, leaves in the job summary only okr check's own summary", () => {
    const dir = makeProject({ 'okrs/bad.yaml': BAD });
    const summary = join(tempDir(), 'summary.md');
    const r = runStep(dir, { env: { GITHUB_STEP_SUMMARY: summary, GITHUB_EVENT_NAME: 'push' } });
    expect(r.status).toBe(1);
    const alone = join(tempDir(), 'alone.md');
    runOkr(['check'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: alone } });
    expect(readFileSync(summary, 'utf8')).toBe(readFileSync(alone, 'utf8'));
    expect(readFileSync(summary, 'utf8')).toContain('unknown-cycle');
  });
});

describe('the Action on a pull request', () => {
  /** A repository whose pull request branch raises a target, with origin/main its base. */
  function pullRequest() {
    const dir = tempDir('okr-pr-');
    gitInit(dir);
    writeFiles(dir, { 'okr.config.yaml': 'roots: [company]\n', 'okrs/company.yaml': TEAM(20) });
    const base = commitAll(dir, 'OKRs');
    git(dir, ['update-ref', 'refs/remotes/origin/main', base]);
    git(dir, ['checkout', '-q', '-b', 'raise-target']);
    writeFiles(dir, { 'okrs/company.yaml': TEAM(25) });
    commitAll(dir, 'Raise the target', '2026-10-02T12:00:00Z');
    const event = join(tempDir('okr-event-'), 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { number: 7, base: { ref: 'main' } } }));
    const bin = tempDir('okr-gh-');
    writeFileSync(join(bin, 'gh'), GH_STAND_IN);
    chmodSync(join(bin, 'gh'), 0o755);
    const state = join(bin, 'state.json');
    // Someone's own comment on the pull request, which the Action must leave alone.
    const human = { id: 1, issue: 7, user: { login: 'dana' }, body: 'Looks good, but see okr diff' };
    writeFileSync(state, JSON.stringify({ nextId: 100, comments: [human] }));
    const log = join(bin, 'gh.log');
    writeFileSync(log, '');
    const summary = join(bin, 'summary.md');
    const env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_BASE_REF: 'main',
      GITHUB_REPOSITORY: 'okr-cli/example',
      GITHUB_STEP_SUMMARY: summary,
      GH_STAND_IN_STATE: state,
      GH_STAND_IN_LOG: log,
      PATH: `${bin}${delimiter}${process.env.PATH}`,
    };
    const comments = () =>
      (JSON.parse(readFileSync(state, 'utf8')) as { comments: { id: number; body: string }[] }).comments;
    const calls = () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as string[]);
    return { dir, base, env, human, summary, comments, calls };
  }

  it('posts okr diff as one comment, and updates that comment on the next push', () => {
    const pr = pullRequest();
    const first = runStep(pr.dir, { env: pr.env });
    expect(first.stderr).not.toContain('::warning');
    expect(first.status).toBe(0);
    const diff = runOkr(['diff', '--format', 'markdown', pr.base], { cwd: pr.dir }).stdout;
    expect(diff).toContain('revenue');
    const posted = pr.comments();
    expect(posted).toEqual([
      pr.human,
      expect.objectContaining({ id: 100, body: `<!-- okr-diff -->\n${diff}` }),
    ]);
    expect(pr.calls().map((c) => c.slice(0, 3))).toEqual([
      ['api', '--paginate', 'repos/okr-cli/example/issues/7/comments?per_page=100'],
      ['api', '--method', 'POST'],
    ]);

    // The next push raises the target again: the same comment now says so.
    writeFiles(pr.dir, { 'okrs/company.yaml': TEAM(30) });
    commitAll(pr.dir, 'Raise it again', '2026-10-03T12:00:00Z');
    const second = runStep(pr.dir, { env: pr.env });
    expect(second.status).toBe(0);
    const updated = runOkr(['diff', '--format', 'markdown', pr.base], { cwd: pr.dir }).stdout;
    expect(updated).not.toBe(diff);
    expect(pr.comments()).toEqual([
      pr.human,
      expect.objectContaining({ id: 100, body: `<!-- okr-diff -->\n${updated}` }),
    ]);
    expect(
      pr
        .calls()
        .slice(2)
        .map((c) => c.slice(0, 4)),
    ).toEqual([
      ['api', '--paginate', 'repos/okr-cli/example/issues/7/comments?per_page=100', '--jq'],
      ['api', '--method', 'PATCH', 'repos/okr-cli/example/issues/comments/100'],
    ]);
  });

  it("leaves in the job summary only okr's own sections: the check's and the diff's", () => {
    const pr = pullRequest();
    expect(runStep(pr.dir, { env: pr.env }).status).toBe(0);
    const alone = join(tempDir(), 'alone.md');
    runOkr(['check'], { cwd: pr.dir, env: { GITHUB_STEP_SUMMARY: alone } });
    runOkr(['diff', '--format', 'markdown', pr.base], { cwd: pr.dir, env: { GITHUB_STEP_SUMMARY: alone } });
    expect(readFileSync(pr.summary, 'utf8')).toBe(readFileSync(alone, 'utf8'));
  });

  it('with comment: false, calls no GitHub API and still puts the diff in the summary', () => {
    const pr = pullRequest();
    expect(runStep(pr.dir, { env: pr.env, inputs: { comment: 'false' } }).status).toBe(0);
    expect(pr.calls()).toEqual([]);
    expect(pr.comments()).toEqual([pr.human]);
    expect(readFileSync(pr.summary, 'utf8')).toContain('revenue');
  });

  it('without the history of the base branch, warns how to fetch it and still checks', () => {
    const pr = pullRequest();
    git(pr.dir, ['update-ref', '-d', 'refs/remotes/origin/main']);
    const r = runStep(pr.dir, { env: pr.env });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('::warning title=okr diff::');
    expect(r.stdout).toContain('fetch-depth: 0');
    expect(pr.calls()).toEqual([]);
    // The summary holds the check's section and no diff.
    const alone = join(tempDir(), 'alone.md');
    runOkr(['check'], { cwd: pr.dir, env: { GITHUB_STEP_SUMMARY: alone } });
    expect(readFileSync(pr.summary, 'utf8')).toBe(readFileSync(alone, 'utf8'));
  });
});

describe('the example workflow', () => {
  it('checks out the full history and uses the action, actions pinned by commit', () => {
    const workflow = parse(read('docs/ci/github-workflow.yml')) as {
      permissions: Record<string, string>;
      jobs: Record<string, { steps: Step[] }>;
    };
    expect(workflow.permissions['pull-requests']).toBe('write');
    const steps = workflow.jobs.okr!.steps;
    expect(steps[0]).toMatchObject({ with: { 'fetch-depth': 0 } });
    expect(steps[0]!.uses).toMatch(/^actions\/checkout@[0-9a-f]{40}$/);
    expect(steps.some((s) => s.uses === `okr-cli/okr@v${pkg.version}`)).toBe(true);
    const upload = workflow.jobs['code-scanning']!.steps.find((s) => s.uses?.includes('upload-sarif'));
    expect(upload?.with?.sarif_file).toBe('okr.sarif');
    for (const job of Object.values(workflow.jobs))
      for (const step of job.steps.filter((s) => s.uses && !s.uses.startsWith('okr-cli/okr@')))
        expect(step.uses).toMatch(/@[0-9a-f]{40}$/);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('offers okr-check, running on OKR files and the config', () => {
    const hooks = parse(read('.pre-commit-hooks.yaml')) as {
      id: string;
      entry: string;
      files: string;
      language: string;
    }[];
    const hook = hooks.find((h) => h.id === 'okr-check')!;
    expect(hook.entry).toBe('okr check');
    expect(hook.language).toBe('node');
    const files = new RegExp(hook.files);
    for (const path of ['okrs/2026-Q4/checkout.yaml', 'okrs/a.yml', 'okrs/strategy.yaml', 'okr.config.yaml'])
      expect(path).toMatch(files);
    for (const path of ['src/okrs/a.yaml', 'okrs/notes.md', '.github/workflows/okr.yml'])
      expect(path).not.toMatch(files);
  });
});
