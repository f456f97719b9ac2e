import { RULES } from '../../lint/registry.js';
import type { PlainContext } from '../context.js';
import { colorFor } from '../io.js';

export async function runRules(ctx: PlainContext, options: { format?: string }): Promise<number> {
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
  const color = await colorFor(ctx.io, ctx.globals.color);
  const width = Math.max(...RULES.map((r) => r.meta.id.length));
  for (const { meta } of RULES) {
    const severity = meta.severity === 'error' ? color.red('error  ') : color.yellow('warning');
    ctx.io.out(`${meta.id.padEnd(width)}  ${severity}  ${meta.description}\n`);
  }
  return 0;
}
