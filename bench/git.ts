// Whole-process timings of the git-reading commands on a synthetic organisation:
//   okr diff on 1,000 teams with 10 changed files, okr history over 300 commits, and what reading
//   git adds to okr check. Run with `npm run bench:git` (builds first). Not part of CI; no asserts.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateOrg } from './generate.js';

const OKR = resolve(import.meta.dirname, '..', 'bin', 'okr');
const RUNS = 5;
const TEAMS = 1000;
const HISTORY_COMMITS = 300;

function git(cwd: string, args: string[], date = '2026-10-01T12:00:00Z'): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Bench',
      GIT_AUTHOR_EMAIL: 'bench@example.com',
      GIT_COMMITTER_NAME: 'Bench',
      GIT_COMMITTER_EMAIL: 'bench@example.com',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      GIT_CONFIG_NOSYSTEM: '1',
    },
  });
}

/** CPU time (user + system, ms) of the children this process has waited for, from /proc. */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of stat (cutime, cstime), in clock ticks of 10 ms.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Median wall and CPU time in ms of RUNS runs of `okr args` in `cwd`, after one warm-up run. */
function time(cwd: string, args: string[]): { wall: number; cpu: number; stdoutBytes: number } {
  const run = () => {
    const cpu = childrenCpuMs();
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [OKR, ...args], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: { ...process.env, NO_COLOR: '1' },
    });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0 && r.status !== 1)
      throw new Error(`okr ${args.join(' ')} exited ${r.status}: ${r.stderr} ${r.error ?? ''}`);
    return { wall, cpu: childrenCpuMs() - cpu, bytes: r.stdout.length };
  };
  const first = run();
  const runs = Array.from({ length: RUNS }, run);
  return {
    wall: median(runs.map((r) => r.wall)),
    cpu: median(runs.map((r) => r.cpu)),
    stdoutBytes: first.bytes,
  };
}

/** Changes one KR's target (a moved goalpost) and current value in a team file. */
function editTeam(dir: string, rel: string, current: string): void {
  const path = join(dir, rel);
  const text = readFileSync(path, 'utf8');
  writeFileSync(
    path,
    text
      .replace(/target: (\d+)/, (_, t) => `target: ${Number(t) + 5}`)
      .replace(/current: [\d.]+/, `current: ${current}`),
  );
}

const rows: [string, number, number, string][] = [];
const record = (what: string, args: string[], cwd: string) => {
  const { wall, cpu, stdoutBytes } = time(cwd, args);
  rows.push([what, wall, cpu, `okr ${args.join(' ')}`]);
  process.stderr.write(`${what}: ${wall.toFixed(0)} ms wall, ${cpu} ms CPU (${stdoutBytes} bytes out)\n`);
};

const root = mkdtempSync(join(tmpdir(), 'okr-bench-git-'));
try {
  const dir = join(root, 'org');
  const teamFiles = generateOrg(dir, { teams: TEAMS });
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'the organisation'], '2026-10-01T12:00:00Z');

  // A pull request: a branch that edits 10 team files.
  git(dir, ['checkout', '-q', '-b', 'feature']);
  for (let i = 0; i < 10; i++) editTeam(dir, teamFiles[i * 97]!, '33.3');
  git(dir, ['commit', '-q', '-am', 'ten teams update their OKRs'], '2026-10-20T12:00:00Z');
  record(
    'diff, 1,000 teams, 10 changed files (default base, working tree)',
    ['diff', '--as-of', '2026-10-20'],
    dir,
  );
  record(
    'diff --format json main HEAD (both sides from git)',
    ['diff', 'main', 'HEAD', '--format', 'json', '--as-of', '2026-10-20'],
    dir,
  );
  record('diff --format markdown', ['diff', '--format', 'markdown', '--as-of', '2026-10-20'], dir);
  record(
    'status --at main (read from git)',
    ['status', '--at', 'main', '--format', 'json', '--as-of', '2026-10-20'],
    dir,
  );

  // 300 commits on main, each a check-in of one of 30 teams.
  git(dir, ['checkout', '-q', 'main']);
  for (let c = 0; c < HISTORY_COMMITS; c++) {
    const day = new Date(Date.UTC(2026, 9, 2) + Math.floor((c * 80) / HISTORY_COMMITS) * 86_400_000);
    editTeam(dir, teamFiles[c % 30]!, (10 + ((c * 7) % 40)).toFixed(1));
    git(dir, ['commit', '-q', '-am', `check-in ${c}`], day.toISOString());
  }
  record(
    `history of a KR over ${HISTORY_COMMITS} commits`,
    ['history', 'team-1-o1/kr-1', '--format', 'json'],
    dir,
  );
  record(
    `history of a company objective over ${HISTORY_COMMITS} commits`,
    ['history', 'company-o1', '--format', 'json'],
    dir,
  );
  record(
    `check in git (stale-kr dates from ${HISTORY_COMMITS + 1} commits)`,
    ['check', '--format', 'json', '--as-of', '2026-12-20'],
    dir,
  );
  record(
    'check --base main~10',
    ['check', '--base', 'main~10', '--format', 'json', '--as-of', '2026-12-20'],
    dir,
  );
  const plain = join(root, 'plain');
  cpSync(dir, plain, { recursive: true, filter: (src) => !src.includes(`${join(dir, '.git')}`) });
  record(
    'check outside git (same files, for comparison)',
    ['check', '--format', 'json', '--as-of', '2026-12-20'],
    plain,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}

const cpuModel = (() => {
  try {
    return /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
  } catch {
    return 'unknown CPU';
  }
})();
console.log(
  `Machine: ${availableParallelism()} CPUs (nproc), ${cpuModel}, Node ${process.version}, ${git(tmpdir(), ['--version']).trim()}`,
);
console.log(
  `Load average at the end: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  `Median of ${RUNS} runs (after one warm-up), whole process: wall time, and CPU time (user + system, okr and the git it runs).\n`,
);
console.log('| What | Wall | CPU | Command |');
console.log('|---|---:|---:|---|');
for (const [what, wall, cpu, command] of rows)
  console.log(`| ${what} | ${wall.toFixed(0)} ms | ${cpu} ms | \`${command}\` |`);
