import { stringify } from 'yaml';
import type { Config, RuleSetting } from '../model.js';

const SEVERITY_WORDS = { off: 'off', warning: 'warn', error: 'error' } as const;

/**
 * The configuration okr runs with, `rules` the setting of every rule, defaults filled in, as okr.config.yaml spells it: the same keys,
 * `warn` for a warning, a rule with options as `[severity, { options }]`. Read back as a config
 * file, it gives the same configuration.
 */
export function configDocument(
  config: Config,
  rules: Readonly<Record<string, RuleSetting>>,
): Record<string, unknown> {
  return {
    include: config.include,
    exclude: config.exclude,
    strategy: config.strategy,
    roots: config.roots,
    rollup: config.rollup,
    cycles: config.cycles,
    status: { at_risk: config.status.atRisk, off_track: config.status.offTrack },
    work: { trailer: config.work.trailer, quiet_days: config.work.quietDays },
    maxFileSize: config.maxFileSize,
    measure: { allow: config.measure.allow },
    rules: Object.fromEntries(
      Object.keys(rules)
        .sort()
        .map((id) => {
          const { severity, options } = rules[id]!;
          const word = SEVERITY_WORDS[severity];
          return [id, Object.keys(options).length > 0 ? [word, options] : word];
        }),
    ),
  };
}

/** `okr config`: YAML (the default) or JSON. */
export function formatConfig(
  config: Config,
  rules: Readonly<Record<string, RuleSetting>>,
  format: 'yaml' | 'json',
): string {
  const document = configDocument(config, rules);
  if (format === 'json') return `${JSON.stringify(document, null, 2)}\n`;
  return stringify(document, { lineWidth: 0 });
}
