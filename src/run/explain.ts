import { cycleWindow, elapsedFraction, formatDay } from '../dates.js';
import { runGit } from '../git/run.js';
import { mayBeRepository } from '../git/state.js';
import type { KeyResult, KrKind, MeasureData, Objective, RollupMode } from '../model.js';
import {
  type Ancestor,
  type Contribution,
  krContributions,
  objectiveContributions,
  rollsInto,
} from '../rollup/contributions.js';
import type { Standing } from '../rollup/standing.js';
import { type Status, settledness } from '../rollup/status.js';
import { newestCheckin, statusReport } from './views/status.js';

/** Where a KR's `current` came from (SPEC §10). */
export interface ValueSource {
  type: 'checkin' | 'measure' | 'commit' | 'file';
  /** YYYY-MM-DD, or null when written in the file and never checked in. */
  date: string | null;
  commit: string | null;
  author: string | null;
  note: string | null;
  /** The check-in's value; null for a commit or the file. */
  value: number | boolean | null;
  /** For a measure, the KR's `measure:` as it reads it (headers never shown); else null. */
  measure: string | null;
}

/** How the expected progress was found: the share of the cycle elapsed times the type's factor. */
export interface ExpectedBasis {
  cycle: string;
  start: string | null;
  end: string | null;
  elapsed: number;
  factor: number;
}

export interface Explanation {
  id: string;
  kind: KrKind | 'objective';
  title: string;
  progress: number;
  expected: number;
  gap: number;
  status: Status;
  settled: boolean;
  formula: string;
  /** The objective's rollup mode as applied; null for a KR. */
  rollup: RollupMode | null;
  inputs: Omit<Contribution, 'node'>[];
  source: ValueSource | null;
  rollsInto: Ancestor[];
  basis: ExpectedBasis;
  bounds: { atRisk: number; offTrack: number };
}

/** The ref names no objective or KR of the working tree; `near` are the ids nearest to it. */
export class UnknownExplainRef extends Error {
  constructor(
    message: string,
    readonly near: string[],
  ) {
    super(message);
  }
}

/** A figure as the formulas show it: at most 3 decimals, no trailing zeros. */
export const figure = (x: number): string => String(Number(x.toFixed(3)));

function krFormula(kr: KeyResult, progress: number, inputs: readonly Contribution[]): string {
  const d = kr.data;
  switch (kr.kind) {
    case 'numeric': {
      const current = d.current ?? d.start!;
      const raw = d.start === d.target ? 0 : (current - d.start!) / (d.target! - d.start!);
      const clamped = raw !== progress ? `, clamped to ${figure(progress)}` : '';
      return `(${figure(current)} − ${figure(d.start!)}) / (${figure(d.target!)} − ${figure(d.start!)}) = ${figure(raw)}${clamped}`;
    }
    case 'threshold':
      if (d.current === undefined) return `no current value yet = 0`;
      return `${figure(d.current)} ${d.keep === 'below' ? '≤' : '≥'} ${figure(d.target!)} (keep ${d.keep}) is ${progress === 1 ? 'met = 1' : 'not met = 0'}`;
    case 'milestone':
      return `done: ${d.done ? 'true' : 'false'} = ${progress}`;
    case 'judged':
      return `progress: ${figure(d.progress!)} (judged)${progress !== d.progress ? `, clamped to ${figure(progress)}` : ''}`;
    default:
      return meanFormula(inputs, progress);
  }
}

/** `(p1×w1 + p2×w2) / (w1 + w2) = p` over the counted inputs. */
function meanFormula(inputs: readonly Contribution[], progress: number): string {
  const counted = inputs.filter((c) => c.counted);
  if (counted.length === 0) return `nothing to roll up = 0`;
  const sum = counted.map((c) => `${figure(c.progress)}×${figure(c.weight)}`).join(' + ');
  const total = counted.map((c) => figure(c.weight)).join(' + ');
  return `(${sum}) / (${total}) = ${figure(progress)}`;
}

/** The author and committer day of a commit, from one `git show`. */
async function commitFacts(root: string, sha: string): Promise<{ author: string; date: string }> {
  const out = await runGit(root, ['show', '-s', '--format=%an <%ae>%x1f%cs', sha]);
  const [author, date] = out.trim().split('\x1f') as [string, string];
  return { author, date };
}

async function valueSource(
  standing: Standing,
  kr: KeyResult,
  updated: { date: string; source: 'checkin' | 'measure' | 'commit' } | null,
  shas: ReadonlyMap<string, string> | undefined,
): Promise<ValueSource | null> {
  if (kr.kind === 'rollup') return null;
  const none = { date: null, commit: null, author: null, note: null, value: null, measure: null };
  if (updated === null) return { type: 'file', ...none };
  if (updated.source !== 'commit') {
    const newest = newestCheckin(kr.data.checkins ?? [])!.checkin;
    return {
      ...none,
      type: updated.source,
      date: updated.date,
      note: newest.note ?? null,
      value: newest.value,
      measure: updated.source === 'measure' ? describeMeasure(kr.data.measure) : null,
    };
  }
  const sha = shas?.get(kr.fullId);
  // A value edited in the working tree and not committed yet has no commit.
  if (sha === undefined) return { ...none, type: 'commit', date: updated.date };
  const facts = await commitFacts(standing.config.root, sha);
  return { ...none, type: 'commit', date: facts.date, commit: sha, author: facts.author };
}

/** `file metrics/nps.json, path nps`, `url …, path …` or `command …`; headers are left out. */
function describeMeasure(measure: MeasureData | undefined): string | null {
  if (measure === undefined) return null;
  const path = measure.path === undefined ? '' : `, path ${measure.path}`;
  if ('file' in measure) return `file ${measure.file}${path}`;
  if ('url' in measure) return `url ${measure.url}${path}`;
  return `command ${measure.command.join(' ')}${path}`;
}

function basisOf(standing: Standing, objective: Objective): ExpectedBasis {
  const window = cycleWindow(objective.cycle, standing.config.cycles);
  return {
    cycle: objective.cycle,
    start: window ? formatDay(window.start) : null,
    end: window ? formatDay(window.end) : null,
    elapsed: window ? elapsedFraction(window, standing.asOf) : 0,
    factor: objective.type === 'committed' ? 1 : 0.7,
  };
}

/** The ids nearest to an unknown ref, objectives and KRs alike. */
function nearest(ref: string, ids: readonly string[]): Promise<string[]> {
  return import('../edit/find.js').then(({ nearestKrIds }) => nearestKrIds(ref, ids));
}

/**
 * Why an objective or KR shows the progress and status it does (SPEC §10): every figure is taken
 * from `okr status`'s own report (statusReport) and from the rollup's inputs. Git is read for the
 * last change of each KR's value, as status reads it, when the root is in a repository.
 */
export async function explain(standing: Standing, ref: string, env: NodeJS.ProcessEnv): Promise<Explanation> {
  const { graph, rollup, config, asOf } = standing;
  const kr = graph.krs.get(ref);
  const objective = kr ? undefined : graph.byId.get(ref);
  if (!kr && !objective) {
    const near = await nearest(ref, [...graph.byId.keys(), ...graph.krs.keys()]);
    throw new UnknownExplainRef(`no objective or key result "${ref}"`, near);
  }
  const git = mayBeRepository(config.root, env)
    ? await (await import('./judge.js')).gitDates({ config, asOf, env }, standing.load)
    : undefined;
  const report = statusReport(standing, { ...(git ? { lastChanged: git.days } : {}), stale: new Set() });
  const owner = kr ? kr.objective : objective!;
  const shown = report.objectives.find((o) => o.id === owner.id)!;
  const settled = settledness(graph, rollup, config, asOf);
  const common = {
    expected: shown.expected,
    basis: basisOf(standing, owner),
    bounds: { ...config.status },
  };
  if (kr) {
    const row = shown.keyResults.find((k) => k.id === kr.fullId)!;
    const inputs = krContributions(graph, rollup, kr);
    return {
      id: kr.fullId,
      kind: kr.kind,
      title: kr.title,
      progress: row.progress,
      gap: row.progress - shown.expected,
      status: row.status,
      settled: settled.kr.get(kr) ?? true,
      formula: krFormula(kr, row.progress, inputs),
      rollup: null,
      inputs: inputs.map(({ node: _, ...c }) => c),
      source: await valueSource(standing, kr, row.updated, git?.shas),
      rollsInto: rollsInto(graph, rollup, kr),
      ...common,
    };
  }
  const o = objective!;
  const inputs = objectiveContributions(graph, rollup, o);
  return {
    id: o.id,
    kind: 'objective',
    title: o.title,
    progress: shown.progress,
    gap: shown.progress - shown.expected,
    status: shown.status,
    settled: settled.objective.get(o) ?? true,
    formula: meanFormula(inputs, shown.progress),
    rollup: shown.rollup,
    inputs: inputs.map(({ node: _, ...c }) => c),
    source: null,
    rollsInto: rollsInto(graph, rollup, o),
    ...common,
  };
}
