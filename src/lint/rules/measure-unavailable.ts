import { checkedKrs } from '../../graph/graph.js';
import { measureKind } from '../../source/measure-source.js';
import type { NoOptions, Rule } from '../types.js';

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'measure-unavailable',
    description:
      "A key result's measure cannot be read by okr measure: its source is not in the config's measure.allow, or its file is missing. Nothing is run to find out.",
    severity: 'warning',
    options: {},
  },
  check(ctx) {
    const allow = ctx.config.measure.allow;
    for (const kr of checkedKrs(ctx.graph)) {
      const measure = kr.data.measure;
      if (!measure || typeof measure !== 'object') continue;
      const kind = measureKind(measure);
      const path = [...kr.path, 'measure'];
      if (!allow.includes(kind)) {
        ctx.report({
          file: kr.file,
          path,
          key: true,
          target: kr.fullId,
          message: `the measure of key result "${kr.fullId}" reads a ${kind}, which the config does not allow (measure.allow: [${allow.join(', ')}]), so okr measure will not run it; add ${kind} to measure.allow in okr.config.yaml, or record the value with "okr checkin ${kr.fullId} VALUE"`,
        });
      } else if ('file' in measure && ctx.missingMeasureFiles.has(measure.file)) {
        ctx.report({
          file: kr.file,
          path: [...path, 'file'],
          target: kr.fullId,
          message: `the measure of key result "${kr.fullId}" reads the file "${measure.file}", which is not in the repository; add the file or correct the path`,
        });
      }
    }
  },
};
