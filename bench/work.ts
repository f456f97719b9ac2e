// Whole-process timing of `okr work` over a repository of 10,000 commits, each with an OKR:
// trailer, against `git log --format=%H` over the same commits: the default text output and
// `--format json`, each as a repeated run (the commits from the cache folder), after a new commit
// (git reads the difference from the commit the cache was read at) and with --no-cache (git's whole
// log read every time: a first run), with `node -e 0` for the floor node alone sets. The commands take turns, run after
// run, so that a change in the machine's load falls on all of them. Run with `npm run bench:work`
// (builds first; OKR_BENCH_RUNS sets the number of runs, 11 by default). Not part of CI; it asserts
// nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const OKR = resolve(import.meta.dirname, '..', 'bin', 'okr');
const COMMITS = 10_000;
const RUNS = Number(process.env.OKR_BENCH_RUNS ?? 11);
const OBJECTIVES = 20;

const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1' };
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function okrFile(): string {
  let text = 'owner: company\ncycle: 2026-Q4\nobjectives:\n';
  for (let i = 0; i < OBJECTIVES; i++)
    text += `  - id: goal-${i}\n    title: Make area ${i} effortless for every buyer\n    key_results:\n      - id: kr\n        title: Raise the rate of area ${i}\n        start: 0\n        target: 10\n        current: 2\n`;
  return text;
}

/** A fast-import stream: one commit holding the OKR file, then COMMITS commits with trailers. */
function stream(): string {
  const parts: string[] = [];
  const file = okrFile();
  const start = Date.UTC(2026, 9, 1) / 1000;
  for (let i = 0; i <= COMMITS; i++) {
    const message =
      i === 0
        ? 'initial OKRs\n'
        : `Change ${i}\n\nSome body text for change ${i}.\n\nOKR: goal-${i % OBJECTIVES}/kr\nOKR: goal-${(i * 7) % OBJECTIVES}\n`;
    const when = start + i * 600;
    parts.push(
      'commit refs/heads/main',
      `committer Bench <bench@example.com> ${when} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message,
    );
    if (i === 0) parts.push(`M 644 inline okrs/company.yaml`, `data ${Buffer.byteLength(file)}`, file);
    else parts.push(`M 644 inline notes.txt`, `data ${String(i).length}`, String(i));
    parts.push('');
  }
  return parts.join('\n');
}

function time(command: string, args: string[], cwd: string): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const dir = mkdtempSync(join(tmpdir(), 'okr-bench-work-'));
try {
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env });
  writeFileSync(join(dir, 'stream'), stream());
  execFileSync('sh', ['-c', 'git fast-import --quiet < stream && rm stream && git reset -q --hard main'], {
    cwd: dir,
    env,
  });
  const commands: [string, string, string[]][] = [
    ['git log --format=%H', 'git', ['log', '--format=%H']],
    // The default: from the second run on, the repository's commits come from the cache folder
    // (.git/okr-cache) as long as its git state is unchanged.
    ['okr work', OKR, ['work', '--as-of', '2026-11-15']],
    ['okr work --format json', OKR, ['work', '--format', 'json', '--as-of', '2026-11-15']],
    // A new commit before each of these runs (not timed): git reads only what it added.
    ['okr work, after a new commit', OKR, ['work', '--as-of', '2026-11-15']],
    [
      'okr work --format json, after a new commit',
      OKR,
      ['work', '--format', 'json', '--as-of', '2026-11-15'],
    ],
    // Every run reads all of git's log: a first run.
    ['okr work --no-cache', OKR, ['--no-cache', 'work', '--as-of', '2026-11-15']],
    [
      'okr work --no-cache --format json',
      OKR,
      ['--no-cache', 'work', '--format', 'json', '--as-of', '2026-11-15'],
    ],
    ['node -e 0', process.execPath, ['-e', '0']],
  ];
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  const loadBefore = load();
  const times = commands.map(() => [] as number[]);
  let made = 0;
  for (let i = 0; i < RUNS; i++)
    commands.forEach(([name, command, args], c) => {
      if (name.endsWith('after a new commit')) {
        made++;
        execFileSync(
          'git',
          ['commit', '-q', '--allow-empty', '-m', `New ${made}\n\nOKR: goal-${made % OBJECTIVES}`],
          {
            cwd: dir,
            env: {
              ...env,
              GIT_AUTHOR_NAME: 'Bench',
              GIT_AUTHOR_EMAIL: 'bench@example.com',
              GIT_COMMITTER_NAME: 'Bench',
              GIT_COMMITTER_EMAIL: 'bench@example.com',
            },
          },
        );
      }
      times[c]!.push(time(command, args, dir));
    });
  const medians = times.map(median);
  const git = medians[0]!;
  console.log(
    `commits: ${COMMITS + 1}, runs: ${RUNS} each, taking turns (medians), cores: ${availableParallelism()}`,
  );
  commands.forEach(([name], c) => {
    const ms = medians[c]!;
    console.log(`${name}: ${ms.toFixed(0)} ms${c === 0 ? '' : ` (${(ms / git).toFixed(2)}× git log)`}`);
  });
  console.log(`load average: before ${loadBefore}, after ${load()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
