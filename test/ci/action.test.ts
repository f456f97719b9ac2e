import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeProject, REPO_ROOT } from '../helpers.js';

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
const stepRunning = (command: string) => action.runs.steps.find((s) => s.run?.includes(command));
const checkStep = () => action.runs.steps.find((s) => s.name === 'okr check' && s.run?.includes('okr '))!;

/** Runs a step's script as GitHub would (bash -eo pipefail), with okr from this checkout on PATH. */
function runStep(step: Step, cwd: string, inputs: Record<string, string>) {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), NO_COLOR: '1' };
  delete env.GITHUB_STEP_SUMMARY;
  for (const [name, value] of Object.entries(step.env ?? {})) {
    const input = /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(value)?.[1];
    env[name] = input ? (inputs[input] ?? action.inputs[input]!.default) : '';
  }
  env.PATH = `${join(REPO_ROOT, 'bin')}${delimiter}${env.PATH}`;
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
    cwd,
    env,
    encoding: 'utf8',
  });
}

const BAD = 'owner: team-a\ncycle: 2026-Q9\nobjectives: []\n';
const GOOD = 'owner: team-a\ncycle: 2026-Q4\nobjectives: []\n';

describe('action.yml', () => {
  it('is a composite action with the documented inputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining(['paths', 'format', 'max-warnings', 'working-directory', 'version']),
    );
    expect(action.inputs.format!.default).toBe('github');
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(10);
  });

  it('sets up Node.js 20, installs okr, and never pastes inputs into a script', () => {
    const setup = action.runs.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setup?.with?.['node-version']).toBe(20);
    expect(stepRunning('npm ci')).toBeDefined();
    for (const step of action.runs.steps) if (step.run) expect(step.run).not.toContain('${{');
  });

  it('runs okr check with the inputs: exit 1 on errors, 0 when clean, only the given paths', () => {
    const step = checkStep();
    expect(step['working-directory']).toMatch(/inputs\.working-directory/);
    const dir = makeProject({ 'okrs/bad.yaml': BAD, 'okrs/good/good.yaml': GOOD });
    const all = runStep(step, dir, {});
    expect(all.status).toBe(1);
    expect(all.stdout).toMatch(/^::error file=okrs\/bad\.yaml,line=2,col=8,.*title=okr unknown-cycle::/);
    const scoped = runStep(step, dir, { paths: 'okrs/good', format: 'json' });
    expect(scoped.status).toBe(0);
    expect(JSON.parse(scoped.stdout)).toMatchObject({ problems: [], fileCount: 1 });
    const output = runStep(step, dir, { format: 'sarif', output: 'okr.sarif' });
    expect(output.status).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'okr.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
  });

  it('passes max-warnings on to okr check', () => {
    const step = checkStep();
    const dir = makeProject({
      'okrs/a.yaml': GOOD.replace('objectives: []', 'objectives:\n  - id: a\n    title: x\n'),
    });
    expect(runStep(step, dir, {}).status).toBe(0);
    const strict = runStep(step, dir, { 'max-warnings': '0' });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('too many warnings');
  });

  it('on pull requests, appends okr diff as markdown to the job summary, even after a failed check', () => {
    const step = stepRunning('okr diff')!;
    expect(step.if).toContain("github.event_name == 'pull_request'");
    expect(step.if).toContain('!cancelled()');
    expect(step.run).toMatch(/okr diff --format markdown "\$base" >> "\$summary"/);
    expect(step.run).toContain('fetch-depth: 0');
  });
});

describe('the example workflow', () => {
  it('checks out the full history and uses the action', () => {
    const workflow = parse(read('docs/ci/github-workflow.yml')) as {
      jobs: Record<string, { steps: Step[] }>;
    };
    const steps = workflow.jobs.okr!.steps;
    expect(steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(steps.some((s) => s.uses?.startsWith('okr-cli/okr@'))).toBe(true);
    const upload = workflow.jobs['code-scanning']!.steps.find((s) => s.uses?.includes('upload-sarif'));
    expect(upload?.with?.sarif_file).toBe('okr.sarif');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('offers okr-check, running on OKR files and the config', () => {
    const hooks = parse(read('.pre-commit-hooks.yaml')) as { id: string; entry: string; files: string }[];
    const hook = hooks.find((h) => h.id === 'okr-check')!;
    expect(hook.entry).toBe('okr check');
    const files = new RegExp(hook.files);
    for (const path of ['okrs/2026-Q4/checkout.yaml', 'okrs/a.yml', 'okrs/strategy.yaml', 'okr.config.yaml'])
      expect(path).toMatch(files);
    for (const path of ['src/okrs/a.yaml', 'okrs/notes.md', '.github/workflows/okr.yml'])
      expect(path).not.toMatch(files);
  });
});
