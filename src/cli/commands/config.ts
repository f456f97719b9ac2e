import { formatConfig } from '../../format/config.js';
import { ruleSettings } from '../../lint/settings.js';
import type { CommandContext } from '../context.js';

/** `okr config`: the configuration okr runs with at this root, defaults filled in (SPEC §13). */
export async function runConfig(ctx: CommandContext, options: { format: string }): Promise<number> {
  const rules = ruleSettings(ctx.config);
  ctx.io.out(formatConfig(ctx.config, rules, options.format === 'json' ? 'json' : 'yaml'));
  return 0;
}
