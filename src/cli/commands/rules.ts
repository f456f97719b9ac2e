import { RULES } from '../../lint/registry.js';
import type { CommandContext } from '../context.js';

export async function runRules(
  ctx: Pick<CommandContext, 'io' | 'color'>,
  options: { format?: string },
): Promise<number> {
  if (options.format === 'json') {
    const rules = RULES.map((r) => ({
      id: r.meta.id,
      severity: r.meta.severity,
      description: r.meta.description,
      options: r.meta.options,
    }));
    ctx.io.out(`${JSON.stringify(rules, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...RULES.map((r) => r.meta.id.length));
  for (const { meta } of RULES) {
    const severity = meta.severity === 'error' ? ctx.color.red('error  ') : ctx.color.yellow('warning');
    ctx.io.out(`${meta.id.padEnd(width)}  ${severity}  ${meta.description}\n`);
  }
  return 0;
}
