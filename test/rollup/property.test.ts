import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StatusReport } from '../../src/run/views/status.js';
import { makeProject, runOkr } from '../helpers.js';

// Random small repositories, run through the built `okr status --format json`, against a reference
// computation of SPEC §5 written here from the text of the specification, sharing no code with src/.

type Mode = 'krs' | 'children' | 'both';
type Kr =
  | { kind: 'numeric'; id: string; weight?: number; start: number; target: number; current?: number }
  | {
      kind: 'threshold';
      id: string;
      weight?: number;
      target: number;
      keep: 'below' | 'above';
      current?: number;
    }
  | { kind: 'milestone'; id: string; weight?: number; done: boolean }
  | { kind: 'judged'; id: string; weight?: number; progress: number }
  | { kind: 'rollup'; id: string; weight?: number };

interface Obj {
  id: string;
  /** Index of the parent among all generated objectives, and the KR index when aligned to a KR. */
  parent?: { objective: number; kr: number | null };
  rollup?: Mode;
  type?: 'aspirational' | 'committed';
  weight?: number;
  krs: Kr[];
}

interface OkrFile {
  cycle: string;
  objectives: Obj[];
}

interface Repo {
  defaultRollup?: Mode;
  files: OkrFile[];
  asOf: string;
}

const CYCLES = ['2026', '2026-H2', '2026-Q4', '2026-11', '2027-Q1'];
const AS_OF = [
  '2025-12-01',
  '2026-06-15',
  '2026-10-20',
  '2026-11-30',
  '2026-12-31',
  '2027-01-05',
  '2027-04-02',
];
const MODES: Mode[] = ['krs', 'children', 'both'];
const WEIGHTS = [0, 0.5, 1, 2, 3];

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
const weight = optional(fc.constantFrom(...WEIGHTS));
const small = fc.integer({ min: 0, max: 10 });

const krArb: fc.Arbitrary<Omit<Kr, 'id'>> = fc.oneof(
  fc.record({
    kind: fc.constant('numeric' as const),
    weight,
    start: small,
    target: small,
    current: optional(fc.integer({ min: -2, max: 12 })),
  }),
  fc.record({
    kind: fc.constant('threshold' as const),
    weight,
    target: small,
    keep: fc.constantFrom('below' as const, 'above' as const),
    current: optional(small),
  }),
  fc.record({ kind: fc.constant('milestone' as const), weight, done: fc.boolean() }),
  fc.record({
    kind: fc.constant('judged' as const),
    weight,
    progress: fc.constantFrom(0, 0.1, 0.25, 0.5, 0.75, 0.9, 1),
  }),
  fc.record({ kind: fc.constant('rollup' as const), weight }),
);

const objectiveArb = fc.record({
  // An index into the objectives generated so far (or any of them): parents may point forward and loop.
  parent: fc.option(fc.record({ objective: fc.nat(), kr: fc.option(fc.nat(), { nil: null }) }), {
    nil: undefined,
    freq: 3,
  }),
  rollup: optional(fc.constantFrom(...MODES)),
  type: optional(fc.constantFrom('aspirational' as const, 'committed' as const)),
  weight,
  krs: fc.array(krArb, { maxLength: 3 }),
  // Now and then an objective repeats an earlier id.
  repeat: fc.option(fc.nat(), { nil: undefined, freq: 8 }),
});

const repoArb: fc.Arbitrary<Repo> = fc
  .record({
    defaultRollup: optional(fc.constantFrom(...MODES)),
    files: fc.array(
      fc.record({
        cycle: fc.constantFrom(...CYCLES),
        objectives: fc.array(objectiveArb, { minLength: 1, maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    asOf: fc.constantFrom(...AS_OF),
  })
  .map(({ defaultRollup, files, asOf }) => {
    const total = files.reduce((n, f) => n + f.objectives.length, 0);
    let n = 0;
    const built: OkrFile[] = files.map((f) => ({
      cycle: f.cycle,
      objectives: f.objectives.map((o) => {
        const index = n++;
        const id = o.repeat !== undefined && index > 0 ? `o${o.repeat % index}` : `o${index}`;
        return {
          id,
          ...(o.parent ? { parent: { objective: o.parent.objective % total, kr: o.parent.kr } } : {}),
          ...(o.rollup ? { rollup: o.rollup } : {}),
          ...(o.type ? { type: o.type } : {}),
          ...(o.weight !== undefined ? { weight: o.weight } : {}),
          krs: o.krs.map((k, i) => ({ ...k, id: `k${i}` }) as Kr),
        };
      }),
    }));
    return { ...(defaultRollup ? { defaultRollup } : {}), files: built, asOf };
  });

// ---- writing the repository ----

function parentRef(all: Obj[], parent: NonNullable<Obj['parent']>): string {
  const target = all[parent.objective]!;
  if (parent.kr === null || target.krs.length === 0) return target.id;
  return `${target.id}/${target.krs[parent.kr % target.krs.length]!.id}`;
}

function krYaml(kr: Kr): string[] {
  const lines = [`      - id: ${kr.id}`, `        title: Result ${kr.id} is reached`];
  const { kind: _kind, id: _id, ...fields } = kr;
  for (const [key, value] of Object.entries(fields))
    if (value !== undefined) lines.push(`        ${key}: ${value}`);
  return lines;
}

function writeRepo(repo: Repo): string {
  const all = repo.files.flatMap((f) => f.objectives);
  const files: Record<string, string> = {};
  if (repo.defaultRollup) files['okr.config.yaml'] = `rollup: ${repo.defaultRollup}\n`;
  repo.files.forEach((f, i) => {
    const lines = [`owner: team-${i}`, `cycle: "${f.cycle}"`, 'objectives:'];
    for (const o of f.objectives) {
      lines.push(`  - id: ${o.id}`, `    title: Objective ${o.id} of team ${i}`);
      if (o.parent) lines.push(`    parent: ${parentRef(all, o.parent)}`);
      if (o.rollup) lines.push(`    rollup: ${o.rollup}`);
      if (o.type) lines.push(`    type: ${o.type}`);
      if (o.weight !== undefined) lines.push(`    weight: ${o.weight}`);
      if (o.krs.length > 0) lines.push('    key_results:', ...o.krs.flatMap(krYaml));
    }
    files[`okrs/f${i}.yaml`] = `${lines.join('\n')}\n`;
  });
  return makeProject(files);
}

// ---- the reference computation of SPEC §4 and §5 ----

const DAY = 86_400_000;
const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;

/** First and last day of a built-in cycle (§4). */
function window(cycle: string): { start: number; end: number } {
  const year = +cycle.slice(0, 4);
  const span = (m0: number, months: number) => ({
    start: Date.UTC(year, m0, 1) / DAY,
    end: Date.UTC(year, m0 + months, 1) / DAY - 1,
  });
  if (cycle.length === 4) return span(0, 12);
  const rest = cycle.slice(5);
  if (rest.startsWith('H')) return span((+rest[1]! - 1) * 6, 6);
  if (rest.startsWith('Q')) return span((+rest[1]! - 1) * 3, 3);
  return span(+rest - 1, 1);
}

interface RefNode {
  obj: Obj;
  cycle: string;
  parent: { node: RefNode; kr: Kr | null } | null;
}

interface Expected {
  progress: number;
  status: string;
}

function reference(repo: Repo): Map<string, Expected> {
  const all = repo.files.flatMap((f) => f.objectives);
  // Files are written f0, f1, f2: sorted by path in that order. A repeated id is left out.
  const nodes: RefNode[] = [];
  const byId = new Map<string, RefNode>();
  repo.files.forEach((f) => {
    for (const obj of f.objectives) {
      if (byId.has(obj.id)) continue;
      const node: RefNode = { obj, cycle: f.cycle, parent: null };
      nodes.push(node);
      byId.set(obj.id, node);
    }
  });
  for (const node of nodes) {
    if (!node.obj.parent) continue;
    const ref = parentRef(all, node.obj.parent);
    const [objectiveId, krId] = ref.split('/');
    const target = byId.get(objectiveId!);
    if (!target) continue;
    if (krId === undefined) node.parent = { node: target, kr: null };
    else {
      const kr = target.obj.krs.find((k) => k.id === krId);
      if (kr) node.parent = { node: target, kr };
    }
  }
  // Members of a cycle of parent links: their own link is ignored for rollup.
  const inCycle = new Set<RefNode>();
  for (const node of nodes) {
    let at = node.parent?.node;
    for (let steps = 0; at && steps <= nodes.length; steps++) {
      if (at === node) {
        inCycle.add(node);
        break;
      }
      at = at.parent?.node;
    }
  }
  const link = (n: RefNode) => (inCycle.has(n) ? null : n.parent);
  const alignedTo = (kr: Kr) => nodes.filter((n) => link(n)?.kr === kr);
  const children = (o: RefNode) => nodes.filter((n) => link(n)?.node === o);
  const direct = (o: RefNode) => nodes.filter((n) => link(n)?.node === o && link(n)!.kr === null);
  const mode = (o: RefNode) => o.obj.rollup ?? repo.defaultRollup ?? 'krs';
  const mean = (items: [number, number][]) => {
    const total = items.reduce((s, [, w]) => s + w, 0);
    return total > 0 ? items.reduce((s, [p, w]) => s + p * w, 0) / total : 0;
  };
  const krWeight = (k: Kr) => k.weight ?? 1;
  const objWeight = (o: RefNode) => o.obj.weight ?? 1;

  /** What an objective's progress is taken from, as its mode says. */
  const inputs = (o: RefNode): { krs: Kr[]; objectives: RefNode[] } => {
    const krs = o.obj.krs;
    const kids = children(o);
    const m = mode(o);
    if (m === 'both') return { krs, objectives: direct(o) };
    if (m === 'children' && kids.length > 0) return { krs: [], objectives: kids };
    if (m === 'krs' && krs.length > 0) return { krs, objectives: [] };
    return krs.length === 0 ? { krs: [], objectives: kids } : { krs, objectives: [] };
  };
  const asOf = day(repo.asOf);
  const krProgress = new Map<Kr, number>();
  const objProgress = new Map<RefNode, number>();
  const krSettled = new Map<Kr, boolean>();
  const objSettled = new Map<RefNode, boolean>();
  const pKr = (k: Kr, owner: RefNode): number => {
    if (krProgress.has(k)) return krProgress.get(k)!;
    let p: number;
    switch (k.kind) {
      case 'numeric':
        p =
          k.start === k.target
            ? 0
            : Math.min(1, Math.max(0, ((k.current ?? k.start) - k.start) / (k.target - k.start)));
        break;
      case 'threshold':
        p =
          k.current === undefined
            ? 0
            : (k.keep === 'below' ? k.current <= k.target : k.current >= k.target)
              ? 1
              : 0;
        break;
      case 'milestone':
        p = k.done ? 1 : 0;
        break;
      case 'judged':
        p = k.progress;
        break;
      default:
        p = mean(alignedTo(k).map((n) => [pObj(n), objWeight(n)]));
    }
    krProgress.set(k, p);
    krSettled.set(
      k,
      k.kind === 'threshold'
        ? asOf > window(owner.cycle).end
        : k.kind === 'rollup'
          ? alignedTo(k).every((n) => objSettled.get(n)!)
          : true,
    );
    return p;
  };
  const pObj = (o: RefNode): number => {
    if (objProgress.has(o)) return objProgress.get(o)!;
    const { krs, objectives } = inputs(o);
    const p = mean([
      ...krs.map((k): [number, number] => [pKr(k, o), krWeight(k)]),
      ...objectives.map((n): [number, number] => [pObj(n), objWeight(n)]),
    ]);
    objProgress.set(o, p);
    objSettled.set(o, krs.every((k) => krSettled.get(k)!) && objectives.every((n) => objSettled.get(n)!));
    return p;
  };
  const status = (p: number, settled: boolean, o: RefNode) => {
    const w = window(o.cycle);
    if (asOf < w.start) return 'not_started';
    if (p >= 1 && settled) return 'done';
    const e = Math.min(1, Math.max(0, (asOf - w.start) / (w.end + 1 - w.start)));
    const gap = p - e * (o.obj.type === 'committed' ? 1 : 0.7);
    if (gap >= -0.1 - 1e-9) return 'on_track';
    if (gap >= -0.25 - 1e-9) return 'at_risk';
    return 'off_track';
  };
  const result = new Map<string, Expected>();
  for (const o of nodes) {
    const p = pObj(o);
    result.set(o.obj.id, { progress: p, status: status(p, objSettled.get(o)!, o) });
    for (const k of o.obj.krs) {
      const pk = pKr(k, o);
      result.set(`${o.obj.id}/${k.id}`, { progress: pk, status: status(pk, krSettled.get(k)!, o) });
    }
  }
  return result;
}

// ---- the property ----

const RUNS = 40;
const SEED = 20261204;

describe('rollup property: okr status equals a reference computation of SPEC §5', () => {
  it(`every objective's and KR's progress and status, on random repositories (${RUNS} runs, seed ${SEED})`, () => {
    fc.assert(
      fc.property(repoArb, (repo) => {
        const dir = writeRepo(repo);
        const r = runOkr(['status', '--format', 'json', '--as-of', repo.asOf], { cwd: dir });
        expect(r.code, r.stderr).toBe(0);
        const report = JSON.parse(r.stdout) as StatusReport;
        const expected = reference(repo);
        const actual = new Map<string, Expected>();
        for (const o of report.objectives) {
          actual.set(o.id, { progress: o.progress, status: o.status });
          for (const k of o.keyResults) actual.set(k.id, { progress: k.progress, status: k.status });
        }
        expect([...actual.keys()]).toEqual([...expected.keys()]);
        for (const [id, want] of expected) {
          const got = actual.get(id)!;
          expect(got.progress, id).toBeCloseTo(want.progress, 9);
          expect(got.status, id).toBe(want.status);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 60_000);
});
