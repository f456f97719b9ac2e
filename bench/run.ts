/**
 * Whole-process timings and peak memory of okr against synthetic organisations, side by side with
 * the peer a team would script instead (ajv-cli) and bare node. A benchmark, not a test: it prints
 * numbers and ratios and never fails on them.
 *
 *   npm run bench [-- --sizes 100,1000,10000 --runs 5 --keep]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { committedOrg } from './generate.js';

const REPO = resolve(import.meta.dirname, '..');
const OKR = join(REPO, 'bin', 'okr');
const AJV = join(REPO, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const SCHEMA = join(REPO, 'schemas', 'okr-file.schema.json');
const TIME = '/usr/bin/time';
const AS_OF = '2026-11-15';

interface Args {
  sizes: number[];
  runs: number;
  keep: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [100, 1000, 10000], runs: 5, keep: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sizes') args.sizes = argv[++i]!.split(',').map(Number);
    else if (argv[i] === '--runs') args.runs = Math.max(1, Number(argv[++i]));
    else if (argv[i] === '--keep') args.keep = true;
  }
  return args;
}

interface Sample {
  ms: number;
  /** Peak resident memory in MB, or null when it cannot be measured. */
  mb: number | null;
}

const useTime = existsSync(TIME);
const RSS_HOOK = pathToFileURL(join(REPO, 'bench', 'max-rss.mjs')).href;

/** Runs one command to completion, its output discarded, timing the whole process. */
function runOnce(command: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Sample {
  const memoryFile = join(tmpdir(), `okr-bench-rss-${process.pid}`);
  rmSync(memoryFile, { force: true });
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...env };
  let argv = command;
  if (useTime) argv = [TIME, '-f', '%M', '-o', memoryFile, ...command];
  else {
    // Without time(1), every node process reports its own peak from a preloaded hook.
    childEnv.NODE_OPTIONS = `${childEnv.NODE_OPTIONS ?? ''} --import=${RSS_HOOK}`.trim();
    childEnv.OKR_BENCH_RSS_FILE = memoryFile;
  }
  const start = performance.now();
  const result = spawnSync(argv[0]!, argv.slice(1), { cwd, env: childEnv, stdio: 'ignore' });
  const ms = performance.now() - start;
  if (result.error) throw result.error;
  let mb: number | null = null;
  if (existsSync(memoryFile)) {
    const kb = Number(readFileSync(memoryFile, 'utf8').trim().split('\n').pop());
    if (Number.isFinite(kb)) mb = kb / 1024;
  }
  return { ms, mb };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Case {
  name: string;
  command: (dir: string) => string[];
  /** Runs before every timed run, untimed (e.g. clearing the cache). */
  before?: (dir: string) => void;
  available?: () => boolean;
}

const node = process.execPath;
/** okr's default cache folder in an organisation (a node project: it has node_modules). */
const cacheDir = (dir: string) => join(dir, 'node_modules', '.cache', 'okr');
const clearCache = (dir: string) => rmSync(cacheDir(dir), { recursive: true, force: true });
const okr =
  (...args: string[]) =>
  (_dir: string) => [node, OKR, '--as-of', AS_OF, ...args];

/** Makes the next check warm: the cold check before it in each round has filled the caches already. */
const fillCache = (dir: string) => {
  if (!existsSync(join(cacheDir(dir), 'results.json'))) runOnce(okr('check')(dir), dir);
};

let diffAvailable: boolean | null = null;
function hasDiff(): boolean {
  // An unknown command's --help prints the program's help, so look for the command's own usage line.
  const help = spawnSync(node, [OKR, 'diff', '--help'], { encoding: 'utf8' });
  diffAvailable ??= help.status === 0 && /Usage: okr diff/.test(help.stdout);
  return diffAvailable;
}

const CASES: Case[] = [
  { name: 'okr check (cold)', command: okr('check'), before: clearCache },
  { name: 'okr check (warm)', command: okr('check'), before: fillCache },
  { name: 'okr status', command: okr('status') },
  { name: 'okr diff (10 changed files)', command: okr('diff'), available: hasDiff, before: clearCache },
  { name: 'okr --version', command: () => [node, OKR, '--version'] },
  {
    name: 'ajv-cli validate',
    command: () => [
      node,
      AJV,
      'validate',
      '--spec=draft7',
      '--strict=false',
      '-s',
      SCHEMA,
      '-d',
      'okrs/company.yaml',
      '-d',
      'okrs/departments/*.yaml',
      '-d',
      'okrs/teams/*.yaml',
    ],
  },
  { name: 'node -e ""', command: () => [node, '-e', ''] },
];

/** A git repository holding the organisation, with 10 team files changed in the working tree. */
function prepareOrg(dir: string, teams: number): void {
  const files = committedOrg(dir, { teams });
  const step = Math.max(1, Math.floor(files.length / 10));
  for (let i = 0; i < 10 && i * step < files.length; i++) {
    const path = join(dir, files[i * step]!);
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(/target: (\d+)/, (_m, t) => `target: ${Number(t) + 5}`),
    );
  }
}

type Results = Map<string, Map<number, Sample | null>>;

function measure(args: Args, root: string): Results {
  const results: Results = new Map(CASES.map((c) => [c.name, new Map()]));
  for (const teams of args.sizes) {
    const dir = join(root, `org-${teams}`);
    process.stderr.write(`generating ${teams} teams…\n`);
    prepareOrg(dir, teams);
    const cases = CASES.filter((c) => {
      const available = !c.available || c.available();
      if (!available) results.get(c.name)!.set(teams, null);
      return available;
    });
    // Round by round, every case once a round: a machine that gets busier or quieter during the
    // run then weighs on every case alike, and the ratios between them hold.
    const samples = new Map<Case, Sample[]>(cases.map((c) => [c, []]));
    for (let r = 0; r < args.runs; r++) {
      process.stderr.write(`  round ${r + 1} of ${args.runs}\n`);
      for (const c of cases) {
        c.before?.(dir);
        samples.get(c)!.push(runOnce(c.command(dir), dir));
      }
    }
    for (const [c, list] of samples) {
      const mbs = list.map((s) => s.mb).filter((m): m is number => m !== null);
      results
        .get(c.name)!
        .set(teams, { ms: median(list.map((s) => s.ms)), mb: mbs.length ? median(mbs) : null });
    }
  }
  return results;
}

/** Timings of `okr status` and `okr --version` on the small example, against bare node. */
function measureExample(runs: number, fallback: string | null): { name: string; ratios: [string, number][] } {
  const acme = join(REPO, 'examples', 'acme');
  const dir = existsSync(acme) ? acme : fallback;
  if (!dir) return { name: 'none', ratios: [] };
  const commands = [
    [node, '-e', ''],
    [node, OKR, '--version'],
    [node, OKR, 'status'],
  ];
  const samples = commands.map(() => [] as number[]);
  // Alternately, as the organisations' cases are timed.
  for (let r = 0; r < runs; r++)
    commands.forEach((command, i) => {
      samples[i]!.push(runOnce(command, dir).ms);
    });
  const [bare, version, status] = samples.map(median) as [number, number, number];
  const ratios: [string, number][] = [
    ['okr --version', version / bare],
    ['okr status', status / bare],
  ];
  return { name: existsSync(acme) ? 'examples/acme' : 'the smallest organisation', ratios };
}

const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const fmtSample = (s: Sample | null | undefined) =>
  s ? `${fmtMs(s.ms)} / ${s.mb === null ? '?' : `${Math.round(s.mb)} MB`}` : 'n/a';

function table(args: Args, results: Results): string {
  const header = ['', ...args.sizes.map((n) => `${n.toLocaleString('en')} teams`)];
  const rows = CASES.map((c) => [c.name, ...args.sizes.map((n) => fmtSample(results.get(c.name)!.get(n)))]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function ratioLines(results: Results, example: ReturnType<typeof measureExample>): string[] {
  const at = (name: string, teams: number) => results.get(name)?.get(teams) ?? null;
  const lines: string[] = [];
  const target = (label: string, value: number | null, limit: number, unit = '×') =>
    lines.push(
      `${label.padEnd(58)} ${value === null ? 'n/a' : `${value.toFixed(2)}${unit}`.padStart(9)}  (target <= ${limit}${unit}) ${value === null ? '' : value <= limit ? 'ok' : 'MISSED'}`,
    );
  const ratio = (a: Sample | null, b: Sample | null) => (a && b ? a.ms / b.ms : null);
  const ajv = at('ajv-cli validate', 1000);
  target('cold okr check / ajv-cli, 1,000 teams', ratio(at('okr check (cold)', 1000), ajv), 1.0);
  target('warm okr check / ajv-cli, 1,000 teams', ratio(at('okr check (warm)', 1000), ajv), 0.35);
  target(
    'cold okr check, 10,000 / 1,000 teams',
    ratio(at('okr check (cold)', 10000), at('okr check (cold)', 1000)),
    11,
  );
  const big = at('okr check (cold)', 10000);
  target('peak memory of cold okr check, 10,000 teams', big?.mb ?? null, 600, ' MB');
  for (const [name, value] of example.ratios) target(`${name} / node -e "", ${example.name}`, value, 2);
  target(
    'okr diff (10 changed files) / cold okr check, 1,000 teams',
    ratio(at('okr diff (10 changed files)', 1000), at('okr check (cold)', 1000)),
    1.5,
  );
  return lines;
}

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  return `${cpus().length} × ${cpu}, ${gb(totalmem())} memory (${gb(freemem())} free), node ${process.version}, ${process.platform}`;
}

const args = parseArgs(process.argv.slice(2));
const root = mkdtempSync(join(tmpdir(), 'okr-bench-'));
try {
  const results = measure(args, root);
  const smallest = args.sizes.length ? join(root, `org-${Math.min(...args.sizes)}`) : null;
  const example = measureExample(args.runs, smallest);
  const memory = useTime ? 'peak RSS from /usr/bin/time' : 'peak RSS reported by each node process';
  process.stdout.write(
    `Machine: ${machine()}\nMedian wall time of ${args.runs} runs / ${memory}\n\n${table(args, results)}\n\n${ratioLines(results, example).join('\n')}\n`,
  );
} finally {
  if (args.keep) process.stderr.write(`organisations kept in ${root}\n`);
  else rmSync(root, { recursive: true, force: true });
}
