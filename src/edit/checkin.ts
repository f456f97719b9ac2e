import { isDeepStrictEqual } from 'node:util';
import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseDocument,
  type YAMLMap,
} from 'yaml';
import type { Problem } from '../diagnostics.js';
import { krKind } from '../graph/graph.js';
import { loadOkrSource } from '../load/load.js';
import type { KeyResultData, KrKind, YamlPath } from '../model.js';
import { type CheckinValue, type MeasuredKind, parseCheckinValue } from './values.js';

/*
 * A check-in edits the text of a file that people also edit by hand, so it never re-prints the
 * document: the yaml Document only tells where each node starts and ends, and the edit splices the
 * new value and the new entry into the original text. Every byte outside them stays as it was. The
 * result is parsed again and must hold exactly the old data plus the check-in, or nothing is returned.
 */

export interface CheckinRequest {
  /** Path of the KR's mapping, e.g. ['objectives', 0, 'key_results', 2]. */
  krPath: YamlPath;
  kind: MeasuredKind;
  value: CheckinValue;
  /** YYYY-MM-DD */
  date: string;
  confidence?: number;
  note?: string;
  /** `measure` for a value okr measure read from the KR's `measure:`. */
  source?: 'measure';
  /** False for a check-in older than the latest one: it joins the history, the value stays. */
  setValue?: boolean;
}

/** The edit cannot be made without touching more than the value and the new entry. */
export class CheckinEditError extends Error {}

/** The field that holds a KR's value, by kind. */
export const VALUE_FIELD: Record<MeasuredKind, 'current' | 'done' | 'progress'> = {
  numeric: 'current',
  threshold: 'current',
  milestone: 'done',
  judged: 'progress',
};

export interface Splice {
  at: number;
  remove: number;
  insert: string;
}

/** How the existing check-ins are written, so that a new one looks like its neighbours. */
interface EntryStyle {
  /** `checkins: [ … ]` rather than a block sequence. */
  flowSeq: boolean;
  /** Entries written `{ date: …, value: … }` rather than as block mappings. */
  flowItems: boolean;
  /** `{ date` rather than `{date`. */
  padded: boolean;
  /** What follows the dash of a block entry. */
  dashGap: string;
  /** Column of the dashes minus the column of the `checkins` key. */
  seqIndent: number;
}

/** Text of the file being edited and the line break it uses. */
export interface Source {
  text: string;
  eol: string;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

const spaces = (n: number) => ' '.repeat(Math.max(0, n));

/** Inserts `line` as a line of its own after the line on which a node ends at `end`. */
export function lineAfter(src: Source, end: number, line: string): Splice {
  const { text, eol } = src;
  // Block scalars end after their line break: the next line starts right there.
  if (end > 0 && text[end - 1] === '\n') return { at: end, remove: 0, insert: line + eol };
  const newline = text.indexOf('\n', end);
  if (newline === -1) return { at: text.length, remove: 0, insert: eol + line };
  return { at: newline + 1, remove: 0, insert: line + eol };
}

export function applySplices(text: string, splices: readonly Splice[]): string {
  const sorted = splices.map((s, i) => ({ ...s, i })).sort((a, b) => a.at - b.at || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const s of sorted) {
    if (s.at < pos) throw new CheckinEditError('two edits of the check-in overlap');
    out += text.slice(pos, s.at) + s.insert;
    pos = s.at + s.remove;
  }
  return out + text.slice(pos);
}

export function rangeOf(node: unknown): [number, number] {
  const range = (node as Node | null)?.range;
  if (!range) throw new CheckinEditError('the YAML node has no position');
  return [range[0], range[1]];
}

export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

/** Where a pair ends: the end of its value, or of its key when it has none. */
export function pairEnd(pair: Pair): number {
  return rangeOf(pair.value ?? pair.key)[1];
}

function formatNumber(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

/** A value written as a plain scalar, keeping the case of the boolean it replaces (True, TRUE). */
function formatValue(value: CheckinValue, replaced?: string): string {
  if (typeof value === 'number') return formatNumber(value);
  const word = String(value);
  if (replaced && /^[A-Z]/.test(replaced))
    return replaced === replaced.toUpperCase() ? word.toUpperCase() : word[0]!.toUpperCase() + word.slice(1);
  return word;
}

/** A double-quoted YAML scalar: JSON's escapes are YAML's, plus the characters YAML may not print. */
export function quoteString(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function entryPairs(request: CheckinRequest): [string, string][] {
  const pairs: [string, string][] = [
    ['date', request.date],
    ['value', formatValue(request.value)],
  ];
  if (request.confidence !== undefined) pairs.push(['confidence', formatNumber(request.confidence)]);
  if (request.note !== undefined) pairs.push(['note', quoteString(request.note)]);
  if (request.source !== undefined) pairs.push(['source', request.source]);
  return pairs;
}

function flowEntry(request: CheckinRequest, padded: boolean): string {
  const pad = padded ? ' ' : '';
  return `{${pad}${entryPairs(request)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')}${pad}}`;
}

/** A block sequence entry whose dash is at column `dashColumn`. */
function blockEntry(request: CheckinRequest, style: EntryStyle, dashColumn: number, eol: string): string {
  const lead = `${spaces(dashColumn)}-${style.dashGap}`;
  if (style.flowItems) return lead + flowEntry(request, style.padded);
  const keyIndent = spaces(dashColumn + 1 + style.dashGap.length);
  return (
    lead +
    entryPairs(request)
      .map(([k, v], i) => `${i === 0 ? '' : keyIndent}${k}: ${v}`)
      .join(eol)
  );
}

function styleOfSeq(text: string, seq: Node, keyNode: unknown, fallback: EntryStyle): EntryStyle {
  if (!isSeq(seq)) return fallback;
  const style: EntryStyle = { ...fallback, flowSeq: Boolean(seq.flow) };
  const last = seq.items.at(-1);
  if (isMap(last)) {
    style.flowItems = Boolean(last.flow);
    if (last.flow) style.padded = text[rangeOf(last)[0] + 1] === ' ';
  }
  if (!seq.flow && last) {
    const start = rangeOf(last)[0];
    let dash = start - 1;
    while (dash > 0 && text[dash] === ' ') dash--;
    if (text[dash] === '-') style.dashGap = text.slice(dash + 1, start);
    if (keyNode) style.seqIndent = columnOf(text, rangeOf(seq)[0]) - columnOf(text, rangeOf(keyNode)[0]);
  }
  if (style.dashGap.length === 0 || style.dashGap.includes('\n')) style.dashGap = ' ';
  return style;
}

/** The style of the first KR in the file that has check-ins, else the file's own indentation of lists. */
function fileStyle(doc: Document.Parsed, text: string, krPath: YamlPath): EntryStyle {
  const style: EntryStyle = { flowSeq: false, flowItems: true, padded: true, dashGap: ' ', seqIndent: 2 };
  // Lists in this file are indented like the objective's key_results under their key.
  const objective = doc.getIn(krPath.slice(0, -2), true);
  if (isMap(objective)) {
    const pair = pairOf(objective, 'key_results');
    if (pair && isSeq(pair.value) && !pair.value.flow) {
      const indent = columnOf(text, rangeOf(pair.value)[0]) - columnOf(text, rangeOf(pair.key)[0]);
      if (indent >= 0) style.seqIndent = indent;
    }
  }
  const objectives = doc.get('objectives', true);
  if (!isSeq(objectives)) return style;
  for (const o of objectives.items) {
    const krs = isMap(o) ? o.get('key_results', true) : null;
    if (!isSeq(krs)) continue;
    for (const kr of krs.items) {
      // A flow KR's check-ins are flow by force, so they say nothing of the file's taste.
      if (!isMap(kr) || kr.flow) continue;
      const pair = pairOf(kr, 'checkins');
      if (pair && isSeq(pair.value) && pair.value.items.length > 0)
        return styleOfSeq(text, pair.value, pair.key, style);
    }
  }
  return style;
}

/** Sets `key` of the KR to `value`, or adds it after the last of `after` (the KR's measure). */
function setField(
  src: Source,
  kr: YAMLMap,
  key: string,
  value: CheckinValue,
  after: readonly string[],
): Splice {
  const pair = pairOf(kr, key);
  if (pair) {
    if (!pair.value) throw new CheckinEditError(`"${key}" has no value`);
    const [start, end] = rangeOf(pair.value);
    return { at: start, remove: end - start, insert: formatValue(value, src.text.slice(start, end)) };
  }
  const anchors = kr.items.filter((p) => isScalar(p.key) && after.includes(String(p.key.value)));
  const anchor = anchors.sort((a, b) => pairEnd(b) - pairEnd(a))[0] ?? kr.items.at(-1);
  if (!anchor) throw new CheckinEditError('the key result has no fields');
  const line = `${key}: ${formatValue(value)}`;
  if (kr.flow) return { at: pairEnd(anchor), remove: 0, insert: `, ${line}` };
  return lineAfter(src, pairEnd(anchor), spaces(columnOf(src.text, rangeOf(anchor.key)[0])) + line);
}

/** Appends the entry to an existing `checkins` sequence. */
function appendToSeq(src: Source, seq: Node, style: EntryStyle, request: CheckinRequest): Splice[] {
  const { text, eol } = src;
  if (!isSeq(seq)) throw new CheckinEditError('"checkins" is not a list');
  const last = seq.items.at(-1);
  const entry = flowEntry(request, style.padded);
  if (!seq.flow) {
    if (!last) throw new CheckinEditError('"checkins" is an empty block list');
    const dashColumn = columnOf(text, rangeOf(seq)[0]);
    return [lineAfter(src, rangeOf(last)[1], blockEntry(request, style, dashColumn, eol))];
  }
  const [open, close] = rangeOf(seq);
  if (!last) {
    const inner = text.slice(open + 1, close - 1);
    if (text[open] !== '[' || text[close - 1] !== ']' || inner.trim() !== '')
      throw new CheckinEditError('"checkins" is an empty list with something inside its brackets');
    return [{ at: open + 1, remove: inner.length, insert: entry }];
  }
  const end = rangeOf(last)[1];
  const next = nextSignificant(text, end);
  const comma = text[next] === ',' ? next : -1;
  const after = comma === -1 ? end : comma + 1;
  const following = nextSignificant(text, after);
  // Entries one per line stay one per line; entries side by side stay side by side.
  const oneALine =
    text.slice(open, rangeOf(last)[0]).includes('\n') && text.slice(after, following).includes('\n');
  if (!oneALine) return [{ at: after, remove: 0, insert: comma === -1 ? `, ${entry}` : ` ${entry},` }];
  const indent = spaces(columnOf(text, rangeOf(last)[0]));
  if (comma !== -1) return [lineAfter(src, after, `${indent}${entry},`)];
  return [{ at: end, remove: 0, insert: ',' }, lineAfter(src, end, `${indent}${entry}`)];
}

/** Offset of the next character that is not a space, a line break or part of a comment. */
function nextSignificant(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (c === '#') {
      const newline = text.indexOf('\n', i);
      i = newline === -1 ? text.length : newline + 1;
    } else break;
  }
  return i;
}

/** Adds a `checkins` key holding the entry at the end of the KR. */
function addCheckins(src: Source, kr: YAMLMap, style: EntryStyle, request: CheckinRequest): Splice {
  const last = kr.items.at(-1);
  if (!last) throw new CheckinEditError('the key result has no fields');
  if (kr.flow) {
    const padded = src.text[rangeOf(kr)[0] + 1] === ' ';
    return { at: pairEnd(last), remove: 0, insert: `, checkins: [${flowEntry(request, padded)}]` };
  }
  const keyColumn = columnOf(src.text, rangeOf(kr)[0]);
  const head = `${spaces(keyColumn)}checkins:`;
  const body = style.flowSeq
    ? `${head} [${flowEntry(request, style.padded)}]`
    : `${head}${src.eol}${blockEntry(request, style, keyColumn + style.seqIndent, src.eol)}`;
  return lineAfter(src, pairEnd(last), body);
}

function checkinSplices(src: Source, doc: Document.Parsed, kr: YAMLMap, request: CheckinRequest): Splice[] {
  const base = fileStyle(doc, src.text, request.krPath);
  const pair = pairOf(kr, 'checkins');
  if (!pair) return [addCheckins(src, kr, base, request)];
  if (!pair.value) throw new CheckinEditError('"checkins" has no value');
  return appendToSeq(
    src,
    pair.value as Node,
    styleOfSeq(src.text, pair.value as Node, pair.key, base),
    request,
  );
}

export function parse(text: string): Document.Parsed {
  return parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
}

/** A file opened for an edit that touches only some of its bytes; its YAML must be valid. */
export interface EditableFile {
  bom: string;
  src: Source;
  doc: Document.Parsed;
}

export function openForEdit(fileText: string): EditableFile {
  const bom = fileText.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const text = fileText.slice(bom.length);
  const doc = parse(text);
  if (doc.errors.length > 0 || doc.warnings.length > 0)
    throw new CheckinEditError('the file is not valid YAML; run "okr check" and fix it first');
  return { bom, src: { text, eol: text.includes('\r\n') ? '\r\n' : '\n' }, doc };
}

/** The file's new text, once it is read back as exactly the data expected; else `refusal` is thrown. */
export function checkedEdit(file: EditableFile, result: string, expected: unknown, refusal: string): string {
  const after = parse(result);
  if (after.errors.length > 0 || after.warnings.length > 0 || !isDeepStrictEqual(after.toJS(), expected))
    throw new CheckinEditError(refusal);
  return file.bom + result;
}

/** The data the file must hold after the check-in: the old data, the new value, one more entry. */
function expectedData(data: unknown, request: CheckinRequest, setsConfidence: boolean): unknown {
  const copy = structuredClone(data) as Record<string, unknown>;
  let kr: Record<string, unknown> = copy;
  for (const segment of request.krPath) kr = (kr as Record<string | number, unknown>)[segment] as typeof kr;
  if (request.setValue !== false) kr[VALUE_FIELD[request.kind]] = request.value;
  if (setsConfidence) kr.confidence = request.confidence;
  const entry: Record<string, unknown> = { date: request.date, value: request.value };
  if (request.confidence !== undefined) entry.confidence = request.confidence;
  if (request.note !== undefined) entry.note = request.note;
  if (request.source !== undefined) entry.source = request.source;
  kr.checkins = [...((kr.checkins as unknown[] | undefined) ?? []), entry];
  return copy;
}

/**
 * Returns the text of the file after the check-in: the KR's value set (`current`, `done` or
 * `progress` by its kind), its `confidence` updated when it has one and a confidence is given, and the
 * entry appended to `checkins` in the style of the existing entries. Throws CheckinEditError when that
 * cannot be done by touching only those places.
 */
export function applyCheckin(fileText: string, request: CheckinRequest): string {
  const file = openForEdit(fileText);
  const { src, doc } = file;
  const kr = doc.getIn(request.krPath, true);
  if (!isMap(kr)) throw new CheckinEditError('the key result is not a mapping');
  const field = VALUE_FIELD[request.kind];
  const measure =
    request.kind === 'numeric' || request.kind === 'threshold' ? ['start', 'target', 'keep'] : [field];
  const setValue = request.setValue !== false;
  const splices = setValue ? [setField(src, kr, field, request.value, measure)] : [];
  const setsConfidence =
    setValue && request.confidence !== undefined && pairOf(kr, 'confidence') !== undefined;
  if (setsConfidence) splices.push(setField(src, kr, 'confidence', request.confidence!, []));
  splices.push(...checkinSplices(src, doc, kr, request));
  return checkedEdit(
    file,
    applySplices(src.text, splices),
    expectedData(doc.toJS(), request, setsConfidence),
    'the check-in cannot be written without changing other parts of the file (an anchor, a tag or an unusual layout around the key result); edit it by hand',
  );
}

/**
 * The file belongs to a closed cycle (`closed:`, written by okr close): its numbers are final, and
 * nothing that records values (okr checkin, okr measure) writes in it.
 */
export class ClosedFileError extends CheckinEditError {
  constructor(path: string, closed: string) {
    super(
      `${path} is closed (closed: ${closed}): the numbers of a closed cycle are final, so nothing was written; record the value in the next cycle's objective, or remove the "closed:" line to reopen the cycle`,
    );
  }
}

/** The check-in's value does not fit the KR: a mistake in the command line, not in the file. */
export class CheckinValueError extends Error {}

export interface CheckinInput {
  objectiveId: string;
  krId: string;
  /** The VALUE argument as typed. */
  value: string;
  date: string;
  confidence?: number;
  note?: string;
  source?: 'measure';
}

export interface CheckinResult {
  text: string;
  kind: MeasuredKind;
  field: (typeof VALUE_FIELD)[MeasuredKind];
  /** The field's value before the check-in (undefined when it was not written). */
  before: unknown;
  value: CheckinValue;
  /** The date of a later check-in, when there is one: the value was then left as it was. */
  later: string | null;
}

function describeKind(kind: KrKind, kr: KeyResultData): string {
  switch (kind) {
    case 'numeric':
      return `numeric (from ${kr.start} to ${kr.target})`;
    case 'threshold':
      return `a threshold (keep ${kr.keep} ${kr.target})`;
    case 'milestone':
      return 'a milestone (done or not)';
    case 'judged':
      return 'judged (progress from 0 to 1)';
    default:
      return 'rolled up';
  }
}

/** Reads VALUE for the KR `ref`, or throws CheckinValueError saying what fits its kind. */
export function checkValue(
  ref: string,
  kr: KeyResultData,
  text: string,
): { kind: MeasuredKind; value: CheckinValue } {
  const kind = krKind(kr);
  if (kind === 'rollup')
    throw new CheckinValueError(
      `key result "${ref}" has no measure of its own: its progress rolls up from the objectives aligned to it; check in their key results instead`,
    );
  const parsed = parseCheckinValue(kind, text);
  if (!parsed.ok)
    throw new CheckinValueError(
      `${JSON.stringify(text)} is not a value for key result "${ref}", which is ${describeKind(kind, kr)}: give ${parsed.expected}`,
    );
  return { kind, value: parsed.value };
}

/** Problems of a file as text without positions, which move when lines are added. */
const problemKeys = (problems: readonly Problem[]) =>
  new Set(problems.map((p) => `${p.ruleId}\u0000${p.message}`));

/**
 * Checks in on the KR `objectiveId/krId` of the OKR file `path` whose text is `text`: finds it, reads
 * the value for its kind, edits the text and loads the result again. Throws CheckinValueError when the
 * value does not fit, CheckinEditError when the file cannot take the check-in.
 */
export function checkinSource(path: string, text: string, input: CheckinInput): CheckinResult {
  const ref = `${input.objectiveId}/${input.krId}`;
  const loaded = loadOkrSource(path, text);
  if (!loaded.file) throw new CheckinEditError(`${path} does not load; run "okr check" and fix it first`);
  const { data, invalidObjectives } = loaded.file;
  if (data.closed !== undefined) throw new ClosedFileError(path, data.closed);
  const o = data.objectives.findIndex((ob, i) => ob.id === input.objectiveId && !invalidObjectives.has(i));
  const k = o === -1 ? -1 : (data.objectives[o]!.key_results ?? []).findIndex((kr) => kr.id === input.krId);
  if (k === -1)
    throw new CheckinEditError(`key result "${ref}" is not in ${path} any more; run the check-in again`);
  const krData = data.objectives[o]!.key_results![k]!;
  const { kind, value } = checkValue(ref, krData, input.value);
  const field = VALUE_FIELD[kind];
  const later = (krData.checkins ?? [])
    .map((c) => c.date)
    .reduce<string | null>(
      (latest, date) => (date > input.date && (latest === null || date > latest) ? date : latest),
      null,
    );
  const request: CheckinRequest = {
    krPath: ['objectives', o, 'key_results', k],
    kind,
    value,
    date: input.date,
    setValue: later === null,
    ...(input.confidence === undefined ? {} : { confidence: input.confidence }),
    ...(input.note === undefined ? {} : { note: input.note }),
    ...(input.source === undefined ? {} : { source: input.source }),
  };
  const edited = applyCheckin(text, request);
  const after = loadOkrSource(path, edited);
  const before = problemKeys(loaded.problems);
  const added = after.problems.find((p) => !before.has(`${p.ruleId}\u0000${p.message}`));
  if (!after.file || after.file.invalidObjectives.has(o) || added)
    throw new CheckinEditError(
      `the check-in would make ${path} invalid${added ? ` (${added.line}:${added.column} ${added.message})` : ''}; nothing was written`,
    );
  return { text: edited, kind, field, before: krData[field], value, later };
}
