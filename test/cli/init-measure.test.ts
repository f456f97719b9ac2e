import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git, OKR_BIN, runOkr, tempDir, writeFiles } from '../helpers.js';

const WORKFLOW = '.github/workflows/okr-measure.yml';

const COMPANY = `owner: company
cycle: 2026
objectives:
  - id: grow
    title: Grow revenue with our merchants
    key_results:
      - id: nps
        title: Raise merchant NPS
        start: 30
        target: 50
        current: 30
        measure:
          file: metrics/nps.json
          path: nps
`;

/**
 * A stand-in for GitHub's `gh` (GitHub cannot be reached here): it appends its arguments, one call a
 * line, to $GH_LOG, keeps the body file of each call as $GH_LOG.body.N, and answers `gh pr list` as
 * the real one does with --jq: nothing before a pull request was created, its number (7) after.
 */
const FAKE_GH = `#!/bin/sh
printf '%s\\n' "$*" >> "$GH_LOG"
n=$(wc -l < "$GH_LOG")
prev=""
for a in "$@"; do
  if [ "$prev" = "--body-file" ]; then cp "$a" "$GH_LOG.body.$n"; fi
  prev="$a"
done
case "$1 $2" in
  "pr list") if [ -f "$GH_LOG.pr" ]; then echo 7; fi ;;
  "pr create") touch "$GH_LOG.pr"; echo "https://github.example/acme/okrs/pull/7" ;;
esac
`;

interface Step {
  run?: string;
  env?: Record<string, string>;
}

/** The workflow's `run:` steps, in order, with their env (`\${{ github.token }}` as a test token). */
function runSteps(workflow: string): Step[] {
  const doc = parse(workflow) as { jobs: { measure: { steps: Step[] } } };
  return doc.jobs.measure.steps.filter((s) => s.run !== undefined);
}

/**
 * Runs the workflow's run steps in a fresh clone of `bare`, as a job would after actions/checkout.
 * The Action's step (okr check and okr's install into $RUNNER_TEMP/okr-action) is not run: the
 * built bin/okr stands in for the okr it installs, at the same place.
 */
function runJob(bare: string, steps: Step[], ghLog: string, fakeBin: string): string {
  const job = tempDir('okr-job-');
  git(job, ['clone', '-q', bare, 'repo']);
  const repo = join(job, 'repo');
  const runnerTemp = join(job, 'runner');
  mkdirSync(join(runnerTemp, 'okr-action', 'bin'), { recursive: true });
  const okr = join(runnerTemp, 'okr-action', 'bin', 'okr');
  writeFileSync(okr, `#!/bin/sh\nexec "${process.execPath}" "${OKR_BIN}" "$@"\n`);
  chmodSync(okr, 0o755);
  for (const step of steps) {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${fakeBin}:${process.env.PATH}`,
      HOME: job,
      GIT_CONFIG_NOSYSTEM: '1',
      RUNNER_TEMP: runnerTemp,
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_REPOSITORY: 'acme/okrs',
      GH_LOG: ghLog,
      NO_COLOR: '1',
    };
    for (const [key, value] of Object.entries(step.env ?? {}))
      env[key] = value.replace(/\$\{\{ github\.token \}\}/, 'test-token');
    // GitHub runs a step's script as `bash --noprofile --norc -eo pipefail {0}`.
    const script = join(job, 'step.sh');
    writeFileSync(script, step.run!);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: repo,
      env,
      encoding: 'utf8',
    });
    expect(r.status, `${step.run}\n${r.stdout}\n${r.stderr}`).toBe(0);
  }
  return repo;
}

function setUp(): { bare: string; work: string; ghLog: string; fakeBin: string; steps: Step[] } {
  const bare = tempDir('okr-bare-');
  git(bare, ['init', '-q', '--bare', '-b', 'main']);
  const work = tempDir();
  git(work, ['clone', '-q', bare, '.']);
  git(work, ['checkout', '-q', '-b', 'main']);
  writeFiles(work, { 'okrs/company.yaml': COMPANY, 'metrics/nps.json': '{ "nps": 40 }\n' });
  const init = runOkr(['init', '--measure'], { cwd: work });
  expect(init.code, init.stderr).toBe(0);
  expect(init.stdout).toContain(`created ${WORKFLOW}`);
  git(work, ['add', '-A']);
  git(work, ['commit', '-q', '-m', 'OKRs and the measure job']);
  git(work, ['push', '-q', 'origin', 'main']);
  const fakeBin = tempDir('okr-bin-');
  writeFileSync(join(fakeBin, 'gh'), FAKE_GH);
  chmodSync(join(fakeBin, 'gh'), 0o755);
  const steps = runSteps(readFileSync(join(work, WORKFLOW), 'utf8'));
  return { bare, work, ghLog: join(tempDir('okr-gh-'), 'gh.log'), fakeBin, steps };
}

const branches = (bare: string) =>
  git(bare, ['for-each-ref', '--format=%(refname)', 'refs/heads']).trim().split('\n');

describe('okr init --measure', () => {
  it('writes a weekly workflow, pinned, with the permissions it needs', () => {
    const { work } = setUp();
    const text = readFileSync(join(work, WORKFLOW), 'utf8');
    const doc = parse(text) as {
      on: { schedule: { cron: string }[]; workflow_dispatch: null };
      permissions: Record<string, string>;
      jobs: { measure: { steps: { uses?: string }[] } };
    };
    expect(doc.on.schedule).toEqual([{ cron: '0 6 * * 1' }]);
    expect('workflow_dispatch' in doc.on).toBe(true);
    expect(doc.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    const uses = doc.jobs.measure.steps.flatMap((s) => (s.uses ? [s.uses] : []));
    expect(uses[0]).toMatch(/^actions\/checkout@[0-9a-f]{40}$/);
    expect(text).toMatch(/actions\/checkout@[0-9a-f]{40} # v\d/);
    expect(uses[1]).toMatch(/@v\d+\.\d+\.\d+$/);
  });

  it('keeps an existing workflow without --force, and replaces it with --force', () => {
    const { work } = setUp();
    writeFileSync(join(work, WORKFLOW), '# mine\n');
    const kept = runOkr(['init', '--measure'], { cwd: work });
    expect(kept.stdout).toBe(`skipped ${WORKFLOW}: it exists (okr init --measure --force replaces it)\n`);
    expect(readFileSync(join(work, WORKFLOW), 'utf8')).toBe('# mine\n');
    const replaced = runOkr(['init', '--measure', '--force'], { cwd: work });
    expect(replaced.stdout).toContain(`replaced ${WORKFLOW}`);
    expect(readFileSync(join(work, WORKFLOW), 'utf8')).toContain('name: okr measure');
    // --measure writes the workflow alone.
    expect(existsSync(join(work, 'okr.config.yaml'))).toBe(false);
  });

  it('run as a script against a bare repository: one branch, one pull request with the agenda, updated by the next run', () => {
    const { bare, work, ghLog, fakeBin, steps } = setUp();
    runJob(bare, steps, ghLog, fakeBin);
    expect(branches(bare)).toEqual(['refs/heads/main', 'refs/heads/okr/measure']);
    const head = git(bare, ['rev-parse', 'okr/measure']).trim();
    const recorded = git(bare, ['show', 'okr/measure:okrs/company.yaml']);
    // okr measure read 40 from metrics/nps.json and recorded it as a check-in with source: measure.
    expect(recorded).toMatch(/current: 40\n/);
    expect(recorded).toMatch(/value: 40, source: measure \}/);
    let calls = readFileSync(ghLog, 'utf8').trim().split('\n');
    expect(calls).toHaveLength(2);
    expect(calls[0]).toBe('pr list --head okr/measure --state open --json number --jq .[0].number // empty');
    expect(calls[1]).toMatch(
      /^pr create --head okr\/measure --title OKRs: the measured values of the week --body-file \S+okr-agenda\.md$/,
    );
    const body = readFileSync(`${ghLog}.body.2`, 'utf8');
    // The agenda: grow/nps moved today (its check-in), linked to its line (7) in the commit pushed.
    expect(body).toMatch(/^# OKR agenda, /);
    expect(body).toContain('## company\n\n### Moved\n\n');
    expect(body).toContain(
      `- [\`grow/nps\`](https://github.example/acme/okrs/blob/${head}/okrs/company.yaml#L7) Raise merchant NPS: 40, 50% (measure `,
    );

    // A week later the metric reads 45: the branch is pushed again and the same pull request edited.
    writeFiles(work, { 'metrics/nps.json': '{ "nps": 45 }\n' });
    git(work, ['commit', '-q', '-am', 'nps 45']);
    git(work, ['push', '-q', 'origin', 'main']);
    runJob(bare, steps, ghLog, fakeBin);
    expect(branches(bare)).toEqual(['refs/heads/main', 'refs/heads/okr/measure']);
    expect(git(bare, ['show', 'okr/measure:okrs/company.yaml'])).toMatch(/current: 45\n/);
    calls = readFileSync(ghLog, 'utf8').trim().split('\n');
    expect(calls).toHaveLength(4);
    expect(calls[2]).toBe(calls[0]);
    expect(calls[3]).toMatch(/^pr edit 7 --body-file /);
    expect(calls.filter((c) => c.startsWith('pr create'))).toHaveLength(1);
    // (45 − 30) / (50 − 30) = 75%
    expect(readFileSync(`${ghLog}.body.4`, 'utf8')).toContain('Raise merchant NPS: 45, 75% (measure ');
  });
});
