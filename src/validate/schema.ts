import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { describeChar, skeleton } from '../confusables.js';
import type { Problem } from '../diagnostics.js';
import type { SourceFile, YamlPath } from '../model.js';
import { locate } from '../yaml/locate.js';

export type SchemaName = 'okr-file' | 'strategy' | 'config';

const validators = new Map<SchemaName, ValidateFunction>();
let ajv: Ajv | null = null;
const require = createRequire(import.meta.url);

export function schemaUrl(name: SchemaName): URL {
  return new URL(`../../schemas/${name}.schema.json`, import.meta.url);
}

/**
 * How schemas are compiled, here and by the build (scripts/build-validators.mjs). verbose keeps
 * each error's parentSchema, from which unknown keys get their list of allowed keys.
 */
export const AJV_OPTIONS = { allErrors: true, strict: false, strictNumbers: true, verbose: true } as const;

/**
 * The validator the build compiled from this very schema (scripts/build-validators.mjs), or null
 * when there is none or the schema changed since.
 */
function prebuiltValidator(name: SchemaName, schemaText: string): ValidateFunction | null {
  let prebuilt: ValidateFunction & { schemaText?: string };
  try {
    prebuilt = require(fileURLToPath(new URL(`../validators/${name}.cjs`, import.meta.url)));
  } catch {
    return null;
  }
  return prebuilt.schemaText === schemaText ? prebuilt : null;
}

/**
 * ajv, to compile a schema edited since the build. It is a development dependency: an installed
 * okr runs on the validators its build compiled, and has no ajv.
 */
function loadAjv(name: SchemaName): typeof import('ajv') {
  try {
    return require('ajv') as typeof import('ajv');
  } catch {
    throw new Error(
      `okr's schemas/${name}.schema.json differs from the one its validator was built from, and ajv is not installed to compile it; reinstall okr, or run "npm run build" in a checkout of okr`,
    );
  }
}

/** The compiled validator of a schema; each schema is compiled once per process, at build time when it can. */
export function validatorFor(name: SchemaName): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    const schemaText = readFileSync(schemaUrl(name), 'utf8');
    validate = prebuiltValidator(name, schemaText) ?? undefined;
    if (!validate) {
      ajv ??= new (loadAjv(name).Ajv)(AJV_OPTIONS);
      validate = ajv.compile(JSON.parse(schemaText));
    }
    validators.set(name, validate);
  }
  return validate;
}

const SLUG_HINT =
  'use lower-case letters, digits and dashes, starting with a letter or digit (e.g. "grow-revenue")';

function pathOf(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.hasOwn(v, seg) ? (v as Record<string | number, unknown>)[seg] : undefined;
  }
  return v;
}

function idOf(data: unknown, path: YamlPath): string | null {
  const id = (valueAt(data, [...path, 'id']) as unknown) ?? null;
  return typeof id === 'string' ? id : null;
}

/** The objective or KR a path lies in, as a full id (when its ids are readable). */
export function targetOf(data: unknown, path: YamlPath): string | null {
  if (path[0] !== 'objectives' || typeof path[1] !== 'number') return null;
  const objective = idOf(data, path.slice(0, 2));
  if (objective === null) return null;
  if (path[2] === 'key_results' && typeof path[3] === 'number') {
    const kr = idOf(data, path.slice(0, 4));
    return kr === null ? objective : `${objective}/${kr}`;
  }
  return objective;
}

function describeContext(data: unknown, path: YamlPath): string {
  if (path.length === 0) return 'the file';
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const parentKey = path[path.length - 2];
    const id = idOf(data, path);
    if (parentKey === 'objectives') return id ? `objective "${id}"` : `objective #${last + 1}`;
    if (parentKey === 'key_results') {
      const target = targetOf(data, path);
      return id && target ? `key result "${target}"` : `key result #${last + 1}`;
    }
    if (parentKey === 'checkins') return `check-in #${last + 1}`;
    if (parentKey === 'themes') return id ? `theme "${id}"` : `theme #${last + 1}`;
    return `item #${last + 1} of "${String(parentKey)}"`;
  }
  return `"${String(last)}"`;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 37)}…` : text}`;
}

export function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

const KR_MEASURES = 'start+target (numeric), target+keep (threshold), done (milestone) or progress (judged)';

function describeMeasureMix(kr: Record<string, unknown>): string {
  const has = (k: string) => Object.hasOwn(kr, k);
  if (has('start') && !has('target')) return 'has "start" but no "target": a numeric key result needs both';
  if (has('keep') && !has('target')) return 'has "keep" but no "target": a threshold key result needs both';
  if (has('target') && !has('start') && !has('keep'))
    return 'has "target" but neither "start" (numeric) nor "keep" (threshold): add one of them';
  const present = ['start', 'keep', 'done', 'progress'].filter(has);
  if (present.length > 1)
    return `mixes ${present.map((k) => `"${k}"`).join(' and ')}: measure it by exactly one of ${KR_MEASURES}`;
  if (has('current') && (has('done') || has('progress')))
    return `has "current" with "${has('done') ? 'done' : 'progress'}": "current" belongs to numeric and threshold key results`;
  return `must be measured by exactly one of ${KR_MEASURES}`;
}

const MEASURE_SOURCES = ['file', 'url', 'command'] as const;
const MEASURE_FORMS = 'file + path, url + path, or command (+ path)';

/**
 * One message for a `measure:` that names no source or more than one, or null when it names
 * exactly one (its own errors are then reported as they are).
 */
function measureSourceMix(measure: unknown): string | null {
  if (measure === null || typeof measure !== 'object' || Array.isArray(measure)) return null;
  const present = MEASURE_SOURCES.filter((k) => Object.hasOwn(measure, k));
  if (present.length === 1) return null;
  if (present.length === 0) return `"measure" names no source: give exactly one of ${MEASURE_FORMS}`;
  return `"measure" mixes ${present.map((k) => `"${k}"`).join(' and ')}: a measure reads exactly one source, ${MEASURE_FORMS}`;
}

/**
 * Whether an error under a `measure:` concerns the branch of the source it names (errors of the
 * other branches of its oneOf say nothing useful), or is the oneOf's own summary.
 */
function offBranch(error: ErrorObject, measure: unknown): boolean {
  const match = /(?:^#|\/definitions\/measure)\/oneOf(?:\/(\d+))?/.exec(error.schemaPath);
  if (!match) return false;
  if (match[1] === undefined) return true;
  const branch = Number(match[1]);
  const source = MEASURE_SOURCES.find((k) => Object.hasOwn(measure as object, k));
  return MEASURE_SOURCES[branch] !== source;
}

/**
 * What makes a string not a slug, naming the character: a look-alike such as Cyrillic "а" is
 * invisible in the quoted value, so the message spells out its code point and what it looks like.
 */
function slugFlaw(value: unknown, ref: boolean): string {
  if (typeof value !== 'string') return '';
  const allowed = ref ? /[a-z0-9/-]/ : /[a-z0-9-]/;
  for (const c of value) {
    if (allowed.test(c)) continue;
    const looks = skeleton(c);
    const like = looks !== c && looks !== '' ? `, which looks like "${looks}"` : '';
    return `it contains ${describeChar(c)}${like}; `;
  }
  return value.startsWith('-') || value.startsWith('/') ? `it starts with "${value[0]}"; ` : '';
}

function allowedKeys(error: ErrorObject): string[] {
  const schema = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(schema?.properties ?? {});
}

function messageFor(
  error: ErrorObject,
  data: unknown,
  path: YamlPath,
): { message: string; path: YamlPath; key?: boolean } {
  const context = describeContext(data, path);
  const value = valueAt(data, path);
  const field = path.length > 0 ? `"${String(path[path.length - 1])}"` : 'the file';
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = allowedKeys(error);
      const guess = closest(key, allowed);
      const hint = guess ? `did you mean "${guess}"?` : `expected one of: ${allowed.join(', ')}`;
      return { message: `unknown key "${key}" in ${context}; ${hint}`, path: [...path, key], key: true };
    }
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      return { message: `${context} is missing "${missing}"`, path };
    }
    case 'type': {
      const expected = String((error.params as { type: string }).type)
        .split(',')
        .map((t) =>
          t === 'number'
            ? 'a finite number'
            : t === 'object'
              ? 'a mapping'
              : t === 'array'
                ? 'a list'
                : `a ${t}`,
        )
        .join(' or ');
      if (path.length === 0 && (value === null || value === undefined))
        return { message: 'the file is empty; an OKR file needs "owner", "cycle" and "objectives"', path };
      const subject =
        path.length === 0
          ? 'the file'
          : typeof path[path.length - 1] === 'number'
            ? context
            : `${field} of ${describeContext(data, path.slice(0, -1))}`;
      return { message: `${subject} must be ${expected}, not ${describeValue(value)}`, path };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map((v) =>
        JSON.stringify(v),
      );
      return { message: `${field} must be one of ${allowed.join(', ')}, not ${describeValue(value)}`, path };
    }
    case 'pattern': {
      const pattern = String((error.params as { pattern: string }).pattern);
      const shown = JSON.stringify(value);
      if (pattern.startsWith('^https?'))
        return { message: `${field} must be an http:// or https:// address, not ${shown}`, path };
      if (pattern.includes('{4}'))
        return { message: `${field} must be a date YYYY-MM-DD, not ${shown}`, path };
      if (pattern.includes('(/'))
        return {
          message: `${field} ${shown} is not a valid reference: ${slugFlaw(value, true)}write objective-id or objective-id/kr-id; ${SLUG_HINT}`,
          path,
        };
      return { message: `${field} ${shown} is not a valid id: ${slugFlaw(value, false)}${SLUG_HINT}`, path };
    }
    case 'minimum':
    case 'maximum': {
      const { comparison, limit } = error.params as { comparison: string; limit: number };
      return { message: `${field} must be ${comparison} ${limit}, not ${String(value)}`, path };
    }
    case 'minLength':
    case 'minItems':
      return { message: `${field} must not be empty`, path };
    default:
      return { message: `${field} ${error.message ?? 'is invalid'}`, path };
  }
}

/**
 * Validates a file's data against a schema and turns every miss into a `schema` problem located at
 * the exact node. Errors from a key result's measure rules are folded into one message per KR.
 */
export function schemaProblems(
  name: SchemaName,
  file: SourceFile,
  skip?: (path: YamlPath) => boolean,
): Problem[] {
  return schemaIssues(name, file, skip).map((issue) => issue.problem);
}

/** Schema problems with the path of the node each concerns. */
export function schemaIssues(
  name: SchemaName,
  file: SourceFile,
  skip?: (path: YamlPath) => boolean,
): { problem: Problem; path: YamlPath }[] {
  const validate = validatorFor(name);
  if (validate(file.data)) return [];
  const issues: { problem: Problem; path: YamlPath }[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    let path: YamlPath = pathOf(error.instancePath);
    if (skip?.(path)) continue;
    let located: { message: string; path: YamlPath; key?: boolean };
    if (error.schemaPath.includes('/dependencies/measure/')) {
      located = {
        message: `"measure" belongs to numeric (start + target) and threshold (target + keep) key results; ${describeContext(file.data, path)} is not one: remove "measure", or record its value with okr checkin`,
        path: [...path, 'measure'],
        key: true,
      };
    } else if (path[2] === 'key_results' && path[4] === 'measure') {
      const measurePath = path.slice(0, 5);
      const measure = valueAt(file.data, measurePath);
      const mix = measureSourceMix(measure);
      if (mix) located = { message: mix, path: measurePath, key: true };
      else if (offBranch(error, measure)) continue;
      else located = messageFor(error, file.data, path);
    } else if (error.schemaPath.includes('/dependencies/')) {
      const kr = valueAt(file.data, path) as Record<string, unknown>;
      located = { message: `${describeContext(file.data, path)} ${describeMeasureMix(kr)}`, path };
    } else if (error.keyword === 'anyOf' || error.keyword === 'not' || error.keyword === 'if') {
      continue;
    } else {
      located = messageFor(error, file.data, path);
    }
    path = located.path;
    const dedupeKey = `${located.message}\u0000${path.join('/')}`;
    if (seen.has(dedupeKey)) continue;
    seen.add(dedupeKey);
    const problem: Problem = {
      ruleId: 'schema',
      message: located.message,
      file: file.path,
      target: targetOf(file.data, path),
      ...locate(file, path, { key: located.key ?? false }),
    };
    issues.push({ problem, path });
  }
  return issues;
}
