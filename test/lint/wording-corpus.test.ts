import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, REPO_ROOT, runOkr } from '../helpers.js';

/**
 * The three wording rules measured on labelled titles, through `okr check` as a user runs it:
 * objective titles become objective titles and key result titles KR titles, and each problem is
 * mapped back to its title by file and line.
 */

const RULES = ['vague-objective', 'metric-in-objective', 'output-kr'] as const;
type RuleId = (typeof RULES)[number];

interface Labelled {
  kind: 'objective' | 'kr';
  title: string;
  expect: RuleId[];
}

/** The public corpus (see its README) and titles of our own, written apart from it, in its spirit. */
const CORPORA = [
  { name: 'public corpus', path: join(REPO_ROOT, '..', 'shared', 'corpus', 'okr-wording.jsonl') },
  { name: 'own titles', path: join(REPO_ROOT, 'test', 'fixtures', 'wording', 'extra-titles.jsonl') },
];

// The KR kinds of SPEC §2 in turn: output-kr reads the title of every kind.
const KR_MEASURES = ['start: 1, target: 2', 'target: 5, keep: below', 'done: false', 'progress: 0.5', ''];

function read(path: string): Labelled[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Labelled);
}

/** The OKR files holding the titles, and for each file the title written on each line. */
function repository(entries: readonly Labelled[]) {
  const lines = new Map<string, Map<number, Labelled>>();
  const objectives = ['owner: company', 'cycle: 2026', 'objectives:'];
  const objectiveLines = new Map<number, Labelled>();
  entries
    .filter((e) => e.kind === 'objective')
    .forEach((entry, n) => {
      objectives.push(`  - id: o${n}`, `    title: ${JSON.stringify(entry.title)}`);
      objectiveLines.set(objectives.length, entry);
      objectives.push('    key_results: [{ id: k, title: Weekly active teams, start: 1, target: 2 }]');
    });
  const krs = [
    'owner: company',
    'cycle: 2026',
    'objectives:',
    '  - id: teams',
    '    title: Make every team’s work visible to its managers',
    '    key_results:',
  ];
  const krLines = new Map<number, Labelled>();
  entries
    .filter((e) => e.kind === 'kr')
    .forEach((entry, n) => {
      const measure = KR_MEASURES[n % KR_MEASURES.length];
      krs.push(
        `      - { id: k${n}, title: ${JSON.stringify(entry.title)}${measure ? `, ${measure}` : ''} }`,
      );
      krLines.set(krs.length, entry);
    });
  lines.set('okrs/objectives.yaml', objectiveLines);
  lines.set('okrs/krs.yaml', krLines);
  const files = {
    'okrs/objectives.yaml': `${objectives.join('\n')}\n`,
    'okrs/krs.yaml': `${krs.join('\n')}\n`,
  };
  return { files, lines };
}

interface Score {
  rule: RuleId;
  flagged: number;
  truePositives: number;
  expected: number;
  precision: number;
  recall: number;
}

/** Runs `okr check --format json` on the titles and scores each rule against the labels. */
function measure(entries: readonly Labelled[]): { scores: Score[]; misses: string[] } {
  const { files, lines } = repository(entries);
  const result = runOkr(['check', '--format', 'json', '--as-of', '2026-06-15'], { cwd: makeProject(files) });
  expect(result.stderr).toBe('');
  const problems = (
    JSON.parse(result.stdout) as { problems: { ruleId: string; file: string; line: number }[] }
  ).problems;
  const fired = new Map<Labelled, Set<string>>();
  for (const p of problems) {
    if (!(RULES as readonly string[]).includes(p.ruleId)) continue;
    const entry = lines.get(p.file)?.get(p.line);
    expect(entry, `${p.ruleId} at ${p.file}:${p.line} is on no title`).toBeDefined();
    const set = fired.get(entry!) ?? new Set();
    expect(set.has(p.ruleId), `${p.ruleId} fired twice on "${entry!.title}"`).toBe(false);
    fired.set(entry!, set.add(p.ruleId));
  }
  const misses: string[] = [];
  const scores = RULES.map((rule): Score => {
    const kind = rule === 'output-kr' ? 'kr' : 'objective';
    let flagged = 0;
    let truePositives = 0;
    let expected = 0;
    for (const entry of entries.filter((e) => e.kind === kind)) {
      const want = entry.expect.includes(rule);
      const got = fired.get(entry)?.has(rule) ?? false;
      if (want) expected++;
      if (got) flagged++;
      if (want && got) truePositives++;
      if (want !== got) misses.push(`${want ? 'missed' : 'wrongly flagged'} by ${rule}: ${entry.title}`);
    }
    return {
      rule,
      flagged,
      truePositives,
      expected,
      precision: flagged ? truePositives / flagged : 1,
      recall: expected ? truePositives / expected : 1,
    };
  });
  return { scores, misses };
}

function table(name: string, scores: readonly Score[]): string {
  const rows = scores.map(
    (s) =>
      `${s.rule.padEnd(20)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)}   ${s.truePositives} of ${s.flagged} flagged, ${s.truePositives} of ${s.expected} expected`,
  );
  return [`${name}:`, `${'rule'.padEnd(20)} precision  recall`, ...rows].join('\n');
}

describe('wording rules on labelled titles', () => {
  for (const corpus of CORPORA) {
    it(`${corpus.name}: each rule's precision is at least 0.9 and its recall at least 0.85`, () => {
      const entries = read(corpus.path);
      expect(new Set(entries.map((e) => e.title)).size).toBe(entries.length);
      const { scores, misses } = measure(entries);
      console.log(`${table(corpus.name, scores)}${misses.length ? `\n${misses.join('\n')}` : ''}`);
      for (const s of scores) {
        expect(s.expected, `${s.rule} has labelled titles`).toBeGreaterThan(0);
        expect(s.precision, `${s.rule} precision`).toBeGreaterThanOrEqual(0.9);
        expect(s.recall, `${s.rule} recall`).toBeGreaterThanOrEqual(0.85);
      }
    });
  }
});
