import { CONFIG_FILE, ConfigError } from '../config/config.js';
import type { Problem } from '../diagnostics.js';
import type { Config, RuleEntries, RuleSetting, SourceFile } from '../model.js';
import { locate } from '../yaml/locate.js';
import { ruleMetas } from './registry.js';

// The `rules:` of okr.config.yaml checked against the rules there are: the config layer reads the
// file without knowing the rules, so that a command that runs none loads none.

const SEVERITIES: Record<string, RuleSetting['severity']> = {
  off: 'off',
  warn: 'warning',
  error: 'error',
  '0': 'off',
  '1': 'warning',
  '2': 'error',
};

function optionProblem(expected: number | string[], value: unknown): string | null {
  if (typeof expected === 'number')
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? null : 'a number >= 0';
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? null : 'a list of strings';
}

/** The settings `raw` gives the rules it names, each problem with it added to `problems`. */
function entrySettings(
  source: SourceFile,
  raw: Record<string, unknown>,
  problems: Problem[],
): Record<string, RuleSetting> {
  const metas = new Map(ruleMetas().map((m) => [m.id, m]));
  const settings: Record<string, RuleSetting> = {};
  const fail = (path: (string | number)[], message: string, key = false) =>
    problems.push({
      ruleId: 'config',
      message,
      file: source.path,
      target: null,
      ...locate(source, path, { key }),
    });
  for (const [id, value] of Object.entries(raw)) {
    const meta = metas.get(id);
    if (!meta) {
      fail(['rules', id], `unknown rule "${id}" in ${CONFIG_FILE}; run "okr rules" to list the rules`, true);
      continue;
    }
    const [severityValue, options] = Array.isArray(value) ? [value[0], value[1]] : [value, undefined];
    const severityPath = Array.isArray(value) ? ['rules', id, 0] : ['rules', id];
    // Own keys only: "constructor" is no severity.
    const name = String(severityValue);
    const severity = Object.hasOwn(SEVERITIES, name) ? SEVERITIES[name] : undefined;
    if (severity === undefined || typeof severityValue === 'object') {
      fail(
        severityPath,
        `rule "${id}" has severity ${JSON.stringify(severityValue)}; use off, warn or error`,
      );
      continue;
    }
    if (Array.isArray(value) && value.length > 2)
      fail(['rules', id, 2], `rule "${id}" takes [severity, { options }]`);
    const merged: Record<string, unknown> = { ...meta.options };
    if (options !== undefined) {
      if (options === null || typeof options !== 'object' || Array.isArray(options)) {
        fail(['rules', id, 1], `options of rule "${id}" must be a mapping`);
        continue;
      }
      for (const [name, optionValue] of Object.entries(options)) {
        if (!Object.hasOwn(meta.options, name)) {
          const known = Object.keys(meta.options);
          fail(
            ['rules', id, 1, name],
            `rule "${id}" has no option "${name}"${known.length ? `; it takes: ${known.join(', ')}` : ''}`,
            true,
          );
          continue;
        }
        const expected = optionProblem(meta.options[name]!, optionValue);
        if (expected) fail(['rules', id, 1, name], `option "${name}" of rule "${id}" must be ${expected}`);
        else merged[name] = optionValue;
      }
    }
    settings[id] = { severity, options: merged };
  }
  return settings;
}

/** Every rule's default setting. */
function defaultSettings(): Record<string, RuleSetting> {
  return Object.fromEntries(
    ruleMetas().map((m) => [m.id, { severity: m.severity, options: { ...m.options } }]),
  );
}

const resolved = new WeakMap<RuleEntries, Readonly<Record<string, RuleSetting>>>();
let defaults: Readonly<Record<string, RuleSetting>> | undefined;

/**
 * The setting of every rule: its default, overridden by the config file's `rules:`. Throws
 * ConfigError, every problem located in the config file, when an entry names no rule, gives a
 * severity other than off, warn or error, or an option the rule does not take or of another type.
 */
export function ruleSettings(config: Config): Readonly<Record<string, RuleSetting>> {
  const entries = config.ruleEntries;
  if (entries === null) {
    defaults ??= defaultSettings();
    return defaults;
  }
  let settings = resolved.get(entries);
  if (!settings) {
    const problems: Problem[] = [];
    const given = entrySettings(entries.source, entries.entries, problems);
    if (problems.length > 0) throw new ConfigError(problems);
    settings = { ...defaultSettings(), ...given };
    resolved.set(entries, settings);
  }
  return settings;
}
