import type { Document } from 'yaml';
import type { Problem, Severity } from './diagnostics.js';
import type { ItemSpan, PlainSpans, PositionIndex } from './spans.js';

/** A path into a YAML document: mapping keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

/** A YAML file as read from disk: its text, parsed document and position index. */
export interface SourceFile {
  /** Repository-relative path with `/` separators. */
  path: string;
  text: string;
  doc: Document.Parsed | null;
  /** The file's one position index: every line and column reported in it comes from here. */
  readonly positions: PositionIndex;
  /** The plain data of the document (null when it did not parse). */
  data: unknown;
  /**
   * Where the mappings that are sequence items (objectives, key results…) are, by their path joined
   * with "/", when the file was read without a Document: positions known without building one.
   */
  itemSpans?: ReadonlyMap<string, ItemSpan>;
  /**
   * Where the nodes of a file read without a Document are, read again by the fast path when a
   * problem needs a position (null when the text is outside its subset): positions without a Document.
   */
  readonly spans?: PlainSpans | null;
}

export type CycleWindow = { start: number; end: number };

export type ObjectiveType = 'aspirational' | 'committed';
export type RollupMode = 'krs' | 'children' | 'both';
export type KrKind = 'numeric' | 'threshold' | 'milestone' | 'judged' | 'rollup';

export interface Checkin {
  date: string;
  value: number | boolean;
  confidence?: number;
  note?: string;
  /** `measure` when okr measure recorded it from the KR's `measure:`. */
  source?: 'measure';
}

/** Where a KR's value comes from (`measure:`): exactly one source, as the schema checks. */
export type MeasureData =
  | { file: string; path: string }
  | { url: string; path: string; headers?: Record<string, string>; timeout?: number }
  | { command: string[]; path?: string; timeout?: number };

/** The kinds of source a measure reads; `measure.allow` in the config lists those that may run. */
export type MeasureSourceKind = 'file' | 'url' | 'command';

export interface KeyResultData {
  id: string;
  title: string;
  description?: string;
  start?: number;
  target?: number;
  current?: number;
  keep?: 'below' | 'above';
  done?: boolean;
  progress?: number;
  unit?: string;
  weight?: number;
  confidence?: number;
  measure?: MeasureData;
  checkins?: Checkin[];
  /** What was learned, written at the cycle's end (`okr grade` prints it). */
  retro?: string;
}

export interface ObjectiveData {
  id: string;
  title: string;
  description?: string;
  parent?: string;
  /** The id of the objective of an earlier cycle this one carries on (`okr rollover`). */
  continues?: string;
  theme?: string;
  type?: ObjectiveType;
  owner?: string;
  weight?: number;
  rollup?: RollupMode;
  depends_on?: string[];
  key_results?: KeyResultData[];
  /** What was learned, written at the cycle's end (`okr grade` prints it). */
  retro?: string;
}

export interface OkrFileData {
  owner: string;
  cycle: string;
  /** YYYY-MM-DD: the day `okr close` closed the cycle; the file's numbers are final. */
  closed?: string;
  objectives: ObjectiveData[];
}

export interface StrategyData {
  vision?: string;
  mission?: string;
  values?: string[];
  themes?: { id: string; title: string; description?: string }[];
}

export interface KeyResult {
  id: string;
  /** objective-id/kr-id */
  fullId: string;
  title: string;
  kind: KrKind;
  data: KeyResultData;
  weight: number;
  objective: Objective;
  file: string;
  path: YamlPath;
}

export interface Objective {
  id: string;
  title: string;
  data: ObjectiveData;
  owner: string;
  cycle: string;
  /** The day its file's cycle was closed (`closed:`), absent while it is open. */
  closed?: string;
  type: ObjectiveType;
  weight: number;
  rollup: RollupMode;
  keyResults: KeyResult[];
  file: string;
  path: YamlPath;
}

export interface OkrFile {
  source: SourceFile;
  data: OkrFileData;
  /** Indexes of objectives left out of the graph because they have schema problems. */
  invalidObjectives: ReadonlySet<number>;
}

/** What loading one OKR file gave: the file when it loaded (in whole or in part), its problems. */
export interface LoadedSource {
  source: SourceFile;
  file: OkrFile | null;
  problems: Problem[];
  /** Objectives left out (whole file when `file` is null). */
  dropped: { ids: string[]; parent: string | null }[];
}

export type RuleSetting = { severity: Severity | 'off'; options: Record<string, unknown> };

/**
 * The `rules:` mapping of the config file as written, with the file for positions: checked against
 * the rules, and filled in with their defaults, by the lint layer (lint/settings.ts ruleSettings).
 */
export interface RuleEntries {
  source: SourceFile;
  entries: Record<string, unknown>;
}

export interface Config {
  /** Absolute path of the repository root. */
  root: string;
  /**
   * The root's folder below the git top level with a trailing "/", or "": put before every
   * root-relative path that output shows (config.ts shownPath). Paths inside okr stay root-relative.
   */
  pathPrefix: string;
  /** Repository-relative path of the config file, or null when there is none. */
  file: string | null;
  include: string[];
  exclude: string[];
  strategy: string;
  roots: string[];
  rollup: RollupMode;
  cycles: Record<string, { start: string; end: string }>;
  status: { atRisk: number; offTrack: number };
  /** Commits linked to goals (SPEC §11): the trailer's key, and the days without one that make an objective quiet. */
  work: { trailer: string; quietDays: number };
  maxFileSize: number;
  /** `measure.allow`: the sources okr measure may read (default [file]). */
  measure: { allow: MeasureSourceKind[] };
  /** The config file's `rules:` as written, null without one; lint/settings.ts resolves it. */
  ruleEntries: RuleEntries | null;
}
