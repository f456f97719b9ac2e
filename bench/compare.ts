/**
 * What each cache layer and the fast YAML reader are worth: `okr check` on 1,000 teams cold, warm
 * and after a one-file edit, with and without each cache (results, loaded files) and with the fast
 * reader or with the `yaml` library alone (a copy of the bundle whose fast reader declines every
 * file); and `okr status` on examples/acme against `node -e ""`. Each figure is the median of
 * --runs runs, every case once a round; the load average (1 min) is printed with it, since other
 * work on the machine moves every figure. A benchmark, not a test: it never fails on a time.
 *
 *   npm run bench:compare [-- --teams 1000 --runs 5 --keep]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { committedOrg } from './generate.js';

const REPO = resolve(import.meta.dirname, '..');
const AS_OF = '2026-11-15';
const node = process.execPath;

function parseArgs(argv: string[]) {
  const args = { teams: 1000, runs: 5, keep: false, before: null as string | null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--teams') args.teams = Number(argv[++i]);
    else if (argv[i] === '--runs') args.runs = Math.max(1, Number(argv[++i]));
    else if (argv[i] === '--keep') args.keep = true;
    // Another build of okr (e.g. an older commit's, built) measured alongside, for before and after.
    else if (argv[i] === '--before') args.before = resolve(argv[++i]!);
  }
  return args;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function timeOnce(command: string[], cwd: string): number {
  const start = performance.now();
  const result = spawnSync(command[0]!, command.slice(1), {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: 'ignore',
  });
  if (result.error) throw result.error;
  return performance.now() - start;
}

/**
 * A copy of the built package whose fast reader declines every file, so that the `yaml` library
 * reads them all: the bundle with `parsePlainYaml` answering UNSUPPORTED, its code cache rebuilt.
 */
function yamlOnlyPackage(root: string): string {
  const dir = join(root, 'yaml-only');
  mkdirSync(join(dir, 'dist', 'bundle'), { recursive: true });
  cpSync(join(REPO, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(REPO, 'package.json'), join(dir, 'package.json'));
  for (const link of ['schemas', 'node_modules', 'dist/validators'])
    symlinkSync(join(REPO, link), join(dir, link));
  const bundle = readFileSync(join(REPO, 'dist', 'bundle', 'okr.cjs'), 'utf8');
  // The bundle's whitespace is minified: the function may open with or without a space.
  const patched = bundle.replace(
    /function parsePlainYaml\(text\)\s*\{/,
    'function parsePlainYaml(text){return UNSUPPORTED;',
  );
  if (patched === bundle) throw new Error('bench: parsePlainYaml not found in the bundle');
  writeFileSync(join(dir, 'dist', 'bundle', 'okr.cjs'), patched);
  spawnSync(node, [join(dir, 'bin', 'okr'), '--help'], {
    env: { ...process.env, OKR_BUILD_CODE_CACHE: '1' },
    stdio: 'ignore',
  });
  return dir;
}

function prepareOrg(dir: string, teams: number): string {
  const files = committedOrg(dir, { teams });
  return files[Math.floor(files.length / 2)]!;
}

interface Case {
  name: string;
  args: string[];
  /** Untimed, before every timed run. */
  before: () => void;
}

function cases(bin: string, dir: string, edited: string): Case[] {
  const cache = join(dir, 'node_modules', '.cache', 'okr');
  const clear = () => rmSync(cache, { recursive: true, force: true });
  const fill = () => timeOnce([node, bin, '--as-of', AS_OF, 'check'], dir);
  const dropResults = () => rmSync(join(cache, 'results.json'), { force: true });
  let flip = 0;
  const editOne = () => {
    const path = join(dir, edited);
    const text = readFileSync(path, 'utf8').replace(
      /target: (\d+)/,
      (_m, t) => `target: ${Number(t) + (flip++ % 2 ? -1 : 1)}`,
    );
    writeFileSync(path, text);
  };
  return [
    { name: 'check cold', args: ['check'], before: clear },
    { name: 'check cold --no-cache', args: ['--no-cache', 'check'], before: clear },
    { name: 'check warm, both caches', args: ['check'], before: fill },
    {
      name: 'check warm, loaded files only',
      args: ['check'],
      before: () => {
        fill();
        dropResults();
      },
    },
    {
      name: 'check one-file edit, both caches',
      args: ['check'],
      before: () => {
        fill();
        editOne();
      },
    },
    { name: 'check one-file edit, --no-cache', args: ['--no-cache', 'check'], before: editOne },
  ];
}

const args = parseArgs(process.argv.slice(2));
const root = mkdtempSync(join(tmpdir(), 'okr-compare-'));
try {
  const org = join(root, `org-${args.teams}`);
  process.stderr.write(`generating ${args.teams} teams…\n`);
  const edited = prepareOrg(org, args.teams);
  const variants = [
    { reader: 'fast reader', bin: join(REPO, 'bin', 'okr') },
    { reader: 'yaml only', bin: join(yamlOnlyPackage(root), 'bin', 'okr') },
    ...(args.before ? [{ reader: 'before', bin: join(args.before, 'bin', 'okr') }] : []),
  ];
  const rows: string[][] = [];
  // Round by round, every variant's cases in turn: a machine getting busier or quieter weighs on
  // all the builds alike (each case prepares the cache for its own build first).
  const lists = variants.map(({ bin }) => cases(bin, org, edited));
  const samples = lists.map((list) => list.map(() => [] as number[]));
  const caseLoads = variants.map(() => [] as number[]);
  for (let r = 0; r < args.runs; r++) {
    process.stderr.write(`  round ${r + 1} of ${args.runs}\n`);
    variants.forEach(({ bin }, v) => {
      lists[v]!.forEach((c, i) => {
        c.before();
        caseLoads[v]!.push(loadavg()[0]!);
        samples[v]![i]!.push(timeOnce([node, bin, '--as-of', AS_OF, ...c.args], org));
      });
    });
  }
  variants.forEach(({ reader }, v) => {
    lists[v]!.forEach((c, i) => {
      rows.push([
        `${c.name} (${reader})`,
        `${Math.round(median(samples[v]![i]!))} ms`,
        median(caseLoads[v]!).toFixed(2),
      ]);
    });
  });
  const acme = join(REPO, 'examples', 'acme');
  const bare: number[] = [];
  const status: number[] = [];
  const statusBefore: number[] = [];
  const loads: number[] = [];
  for (let r = 0; r < args.runs * 2; r++) {
    loads.push(loadavg()[0]!);
    bare.push(timeOnce([node, '-e', ''], acme));
    status.push(timeOnce([node, join(REPO, 'bin', 'okr'), '--as-of', AS_OF, 'status'], acme));
    if (args.before)
      statusBefore.push(timeOnce([node, join(args.before, 'bin', 'okr'), '--as-of', AS_OF, 'status'], acme));
  }
  const load = median(loads).toFixed(2);
  rows.push(['node -e "" (examples/acme)', `${Math.round(median(bare))} ms`, load]);
  rows.push(['okr status (examples/acme)', `${Math.round(median(status))} ms`, load]);
  if (args.before)
    rows.push(['okr status (examples/acme, before)', `${Math.round(median(statusBefore))} ms`, load]);
  rows.push(['okr status / node -e ""', `${(median(status) / median(bare)).toFixed(2)}×`, load]);
  const header = ['case', `median of ${args.runs}`, 'load (1 min)'];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  process.stdout.write(
    `${args.teams.toLocaleString('en')} teams, ${cpus().length} cores, node ${process.version}\n\n${[line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n')}\n`,
  );
} finally {
  if (args.keep) process.stderr.write(`kept in ${root}\n`);
  else rmSync(root, { recursive: true, force: true });
}
