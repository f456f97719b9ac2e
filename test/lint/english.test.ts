import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/lint/english.js';

describe('tokenize', () => {
  it('splits words, numbers and marks as the wording rules expect', () => {
    const shown = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.text}@${t.start}`);
    expect(shown("Don't cut COVID-19 tests by 10,000 or 3.5x (p95)")).toEqual([
      "word:Don't@0",
      'word:cut@6',
      'word:COVID-19@10',
      'word:tests@19',
      'word:by@25',
      'number:10,000@28',
      'word:or@35',
      'number:3.5x@38',
      'mark:(@43',
      'word:p95@44',
      'mark:)@47',
    ]);
    expect(shown('go- live 5G1 4.')).toEqual([
      'word:go@0',
      'mark:-@2',
      'word:live@4',
      'number:5G@9',
      'number:1@11',
      'number:4@13',
      'mark:.@14',
    ]);
    // A curly apostrophe joins, an en dash too; an emoji is one mark.
    expect(shown('Zoë’s re–launch 🚀')).toEqual(['word:Zoë’s@0', 'word:re–launch@6', 'mark:🚀@16']);
  });
});
