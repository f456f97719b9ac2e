import { shownPath } from '../../paths.js';
import { locate } from '../../yaml/locate.js';
import type { NoOptions, Rule } from '../types.js';

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'duplicate-id',
    description:
      'An objective id is used twice in the repository, or a key result id twice in one objective.',
    severity: 'error',
    options: {},
  },
  check(ctx) {
    for (const dup of ctx.graph.duplicates) {
      const firstSource = ctx.sources.get(dup.first.file);
      const line = firstSource ? locate(firstSource, dup.first.path).line : 1;
      const what = dup.kind === 'objective' ? 'objective id' : 'key result id';
      const scope =
        dup.kind === 'objective'
          ? 'ids are unique across the repository'
          : 'ids are unique within an objective';
      ctx.report({
        file: dup.file,
        path: [...dup.path, 'id'],
        target: dup.id,
        message: `${what} "${dup.id}" is already used at ${shownPath(ctx.config, dup.first.file)}:${line}; ${scope}, so rename one of them`,
      });
    }
  },
};
