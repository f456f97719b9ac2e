import type { Rule } from '../types.js';
import { words } from '../util.js';

const FILLER = [
  'etc',
  'stuff',
  'things',
  'various',
  'misc',
  'miscellaneous',
  'synergy',
  'synergies',
  'world-class',
  'best-in-class',
  'next-level',
  'leverage',
];

export const rule: Rule = {
  meta: {
    id: 'vague-objective',
    description:
      'The title has fewer than `minWords` (4) words, or uses filler or buzzwords; option `words` adds more.',
    severity: 'warning',
    options: { minWords: 4, words: [] },
  },
  check(ctx) {
    const minWords = ctx.options.minWords as number;
    const banned = new Set([...FILLER, ...(ctx.options.words as string[])].map((w) => w.toLowerCase()));
    for (const objective of ctx.graph.objectives) {
      const titleWords = words(objective.title);
      const filler = titleWords.find((w) => banned.has(w.toLowerCase()));
      let reason: string | null = null;
      if (filler) reason = `uses "${filler}", which says nothing; name the change you want to see`;
      else if (titleWords.length < minWords)
        reason = `has ${titleWords.length} word${titleWords.length === 1 ? '' : 's'}; say in at least ${minWords} what should be different when it is reached`;
      if (!reason) continue;
      ctx.report({
        file: objective.file,
        path: [...objective.path, 'title'],
        target: objective.id,
        message: `the title of objective "${objective.id}" ${reason}`,
      });
    }
  },
};
