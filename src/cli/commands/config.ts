import { formatConfig } from '../../format/config.js';
import type { CommandContext } from '../context.js';

/** `okr config`: the configuration okr runs with at this root, defaults filled in (SPEC §13). */
export async function runConfig(ctx: CommandContext, options: { format: string }): Promise<number> {
  ctx.io.out(formatConfig(ctx.config, options.format === 'json' ? 'json' : 'yaml'));
  return 0;
}
