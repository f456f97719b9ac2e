// Property-based fuzzing: random mutations of valid OKR files never make the loader, the linter, the
// status report or a formatter throw. CI runs a fixed seed and a bounded number of runs; a longer
// run is `npm run fuzz` (OKR_FUZZ_RUNS, OKR_FUZZ_SEED to change them).
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadConfig } from '../src/config/config.js';
import { parseDay } from '../src/dates.js';
import { formatCheckSummary } from '../src/format/check-summary.js';
import { formatDot } from '../src/format/dot.js';
import { formatGithub } from '../src/format/github.js';
import { formatGitlab } from '../src/format/gitlab.js';
import { renderHtmlReport } from '../src/format/html.js';
import { formatJson } from '../src/format/json.js';
import { formatJunit } from '../src/format/junit.js';
import { formatMermaid } from '../src/format/mermaid.js';
import { formatSarif } from '../src/format/sarif.js';
import {
  formatStatusJson,
  formatStatusMarkdown,
  formatStatusTable,
  formatStatusTree,
} from '../src/format/status.js';
import { formatStylish } from '../src/format/stylish.js';
import { RULES, ruleMetas } from '../src/lint/registry.js';
import { analyze } from '../src/run/analyze.js';
import { alignmentGraph } from '../src/run/views/alignment.js';
import { statusReport } from '../src/run/views/status.js';
import { REPO_ROOT, runOkr, tempDir } from './helpers.js';

const RUNS = Number(process.env.OKR_FUZZ_RUNS ?? 200);
const SEED = Number(process.env.OKR_FUZZ_SEED ?? 20261115);
const CLI_RUNS = Number(process.env.OKR_FUZZ_CLI_RUNS ?? 6);
const BASE = join(REPO_ROOT, 'test', 'fixtures', 'checkout');
const AS_OF = parseDay('2026-11-15')!;

/** The YAML files of the base project, repository-relative. */
function yamlFiles(dir: string, rel = 'okrs'): string[] {
  return readdirSync(join(dir, rel))
    .sort()
    .flatMap((name) => {
      const path = `${rel}/${name}`;
      return statSync(join(dir, path)).isDirectory() ? yamlFiles(dir, path) : [path];
    });
}

const FILES = yamlFiles(BASE);
const ORIGINAL = new Map(FILES.map((f) => [f, readFileSync(join(BASE, f))]));

// ---- mutations ----------------------------------------------------------------------------------

type Mutation =
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'dropLines' | 'duplicateLines'; at: number; count: number }
  | { kind: 'delete' | 'duplicate'; at: number }
  | { kind: 'retype'; at: number; value: unknown };

const SPECIAL_VALUES = [
  null,
  true,
  0,
  -1,
  1e308,
  0.5,
  '',
  'x',
  '__proto__',
  'constructor',
  'a'.repeat(5000),
  '\u001b[2J',
  [],
  {},
  { id: 'x' },
  [{ id: 'x', title: 'y' }],
  '2026-13-45',
  '../../etc/passwd',
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 12 }),
  }),
  fc.record({
    kind: fc.constantFrom('dropLines' as const, 'duplicateLines' as const),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('retype' as const),
    at: fc.nat(),
    value: fc.oneof(fc.constantFrom(...SPECIAL_VALUES), fc.jsonValue({ maxDepth: 3 })),
  }),
);

type Container = Record<string, unknown> | unknown[];

/** Every container and key of a parsed document, in document order. */
function slots(node: unknown, out: { parent: Container; key: string | number }[] = []) {
  if (Array.isArray(node))
    node.forEach((child, i) => {
      out.push({ parent: node, key: i });
      slots(child, out);
    });
  else if (node !== null && typeof node === 'object')
    for (const [key, child] of Object.entries(node)) {
      out.push({ parent: node as Record<string, unknown>, key });
      slots(child, out);
    }
  return out;
}

/** Deletes, duplicates or retypes one node of the document; null when the text is not YAML. */
function mutateNode(
  bytes: Buffer,
  m: Extract<Mutation, { kind: 'delete' | 'duplicate' | 'retype' }>,
): Buffer | null {
  let data: unknown;
  try {
    data = parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  const all = slots(data);
  if (all.length === 0) return null;
  const { parent, key } = all[m.at % all.length]!;
  const value = (parent as Record<string | number, unknown>)[key];
  if (Array.isArray(parent)) {
    const i = key as number;
    if (m.kind === 'delete') parent.splice(i, 1);
    else if (m.kind === 'duplicate') parent.splice(i, 0, structuredClone(value));
    else if (m.kind === 'retype') parent[i] = m.value;
  } else {
    const k = key as string;
    if (m.kind === 'delete') delete parent[k];
    else if (m.kind === 'duplicate') parent[`${k}-copy`] = structuredClone(value);
    else if (m.kind === 'retype') parent[k] = m.value;
  }
  return Buffer.from(stringify(data), 'utf8');
}

function mutateLines(bytes: Buffer, m: Extract<Mutation, { kind: 'dropLines' | 'duplicateLines' }>): Buffer {
  const lines = bytes.toString('latin1').split('\n');
  const at = m.at % lines.length;
  const chunk = lines.slice(at, at + m.count);
  if (m.kind === 'dropLines') lines.splice(at, m.count);
  else lines.splice(at, 0, ...chunk);
  return Buffer.from(lines.join('\n'), 'latin1');
}

function applyMutation(bytes: Buffer, m: Mutation): Buffer {
  switch (m.kind) {
    case 'cut':
      return bytes.subarray(0, m.at % (bytes.length + 1));
    case 'insert': {
      const at = m.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
    }
    case 'dropLines':
    case 'duplicateLines':
      return mutateLines(bytes, m);
    default:
      return mutateNode(bytes, m) ?? bytes;
  }
}

const scenario = fc.record({
  file: fc.nat({ max: FILES.length - 1 }),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
});

/** A fresh copy of the base project with one file mutated; returns the mutated file's path. */
function mutatedProject(dir: string, s: { file: number; mutations: Mutation[] }): string {
  for (const [path, bytes] of ORIGINAL) writeFileSync(join(dir, path), bytes);
  const path = FILES[s.file]!;
  const bytes = s.mutations.reduce(applyMutation, ORIGINAL.get(path)!);
  writeFileSync(join(dir, path), bytes);
  return path;
}

// ---- properties ---------------------------------------------------------------------------------

const RULE_IDS = new Set(RULES.map((r) => r.meta.id));
const color = new Chalk({ level: 1 });

describe('fuzzing: mutated OKR files never crash okr', () => {
  it(
    `in process: load, graph, rollup, lint, status, every formatter and the HTML report (${RUNS} runs, seed ${SEED})`,
    () => {
      const dir = tempDir('okr-fuzz-');
      cpSync(BASE, dir, { recursive: true });
      const config = loadConfig(dir);
      fc.assert(
        fc.property(scenario, (s) => {
          mutatedProject(dir, s);
          const analysis = analyze(config, { asOf: AS_OF });
          const report = statusReport(analysis);
          const outputs = [
            formatJson(analysis.diagnostics, analysis.load.fileCount),
            formatStylish(analysis.diagnostics, color),
            formatStatusJson(report),
            formatStatusMarkdown(report, { krs: true }),
            formatStatusTable(report, { krs: true, color }),
            formatStatusTree(report, { krs: true, color }),
            formatGithub(analysis.diagnostics),
            formatGitlab(analysis.diagnostics),
            formatSarif(analysis.diagnostics, { version: '0.0.0', rules: ruleMetas() }),
            formatJunit(analysis.diagnostics, { files: analysis.load.files.map((f) => f.source.path) }),
            formatCheckSummary(analysis.diagnostics, { fileCount: analysis.load.fileCount }),
            formatMermaid(alignmentGraph(report), { direction: 'BT' }),
            formatDot(alignmentGraph(report)),
            renderHtmlReport(analysis),
          ];
          for (const out of outputs) expect(typeof out).toBe('string');
          for (const d of analysis.diagnostics) {
            expect(RULE_IDS.has(d.ruleId)).toBe(true);
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.column).toBeGreaterThanOrEqual(1);
            expect(d.message.length).toBeLessThanOrEqual(1000);
          }
          for (const o of report.objectives) expect(Number.isFinite(o.progress)).toBe(true);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    Math.max(60_000, RUNS * 200),
  );

  it(
    `through the CLI: okr check and okr status exit 0 or 1 with JSON and no stack trace (${CLI_RUNS} runs)`,
    () => {
      const dir = tempDir('okr-fuzz-cli-');
      cpSync(BASE, dir, { recursive: true });
      fc.assert(
        fc.property(scenario, (s) => {
          mutatedProject(dir, s);
          const check = runOkr(['check', '--format', 'json', '--as-of', '2026-11-15'], { cwd: dir });
          expect([0, 1]).toContain(check.code);
          expect(() => JSON.parse(check.stdout)).not.toThrow();
          const status = runOkr(['status', '--format', 'json', '--as-of', '2026-11-15'], { cwd: dir });
          expect(status.code).toBe(0);
          expect(() => JSON.parse(status.stdout)).not.toThrow();
          for (const stderr of [check.stderr, status.stderr])
            expect(stderr).not.toMatch(/internal error|\n\s+at /);
        }),
        { seed: SEED, numRuns: CLI_RUNS },
      );
    },
    Math.max(60_000, CLI_RUNS * 10_000),
  );
});
