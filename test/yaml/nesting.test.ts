import { describe, expect, it } from 'vitest';
import { parseSource, parseSourceLazily } from '../../src/yaml/parse.js';
import { makeProject, runOkr } from '../helpers.js';

// Brackets and braces inside a scalar are text, not nesting: a title made of hundreds of them must
// not be refused as nested too deeply (the limit is 256 levels), on the fast reader's path, on the
// full parser's (a file with CRLF line breaks goes to it) and through the built CLI.

const MANY = 300;
const SCALARS: Record<string, string> = {
  'a double-quoted title': `"${'['.repeat(MANY)}${'{'.repeat(MANY)}"`,
  'a single-quoted title': `'${'{'.repeat(MANY)}${'['.repeat(MANY)}'`,
  'a double-quoted title over two lines': `"${'['.repeat(MANY)}\n      ${'{'.repeat(MANY)}"`,
};

const file = (title: string) => `owner: company
cycle: 2026
objectives:
  - id: grow
    title: ${title}
    key_results:
      - id: revenue
        title: Grow revenue across Europe
        start: 0
        target: 10
        current: 5
`;

describe('nesting inside quoted scalars', () => {
  for (const [name, scalar] of Object.entries(SCALARS)) {
    for (const [breaks, text] of [
      ['LF', file(scalar)],
      ['CRLF', file(scalar).replace(/\n/g, '\r\n')],
    ] as const)
      it(`reads ${name} (${breaks}) in memory, fast and full parser alike`, () => {
        const lazy = parseSourceLazily('okrs/company.yaml', text);
        const full = parseSource('okrs/company.yaml', text);
        expect(lazy.problems).toEqual([]);
        expect(full.problems).toEqual([]);
        const title = (full.source.data as { objectives: { title: string }[] }).objectives[0]!.title;
        // Folding the two-line scalar turns its line break and indentation into one space.
        expect(title.replace(' ', '').length).toBe(2 * MANY);
        expect(lazy.source.data).toEqual(full.source.data);
      });
  }

  it('is not refused by the built CLI', () => {
    const dir = makeProject({ 'okrs/company.yaml': file(SCALARS['a double-quoted title']!) });
    const r = runOkr(['--as-of', '2026-11-15', 'check', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    const rules = (JSON.parse(r.stdout) as { problems: { ruleId: string }[] }).problems.map((p) => p.ruleId);
    expect(rules).not.toContain('yaml');
    expect(rules.some((id) => /yaml|syntax|parse/.test(id))).toBe(false);
  });

  it('still refuses real nesting deeper than the limit', () => {
    const deep = `${'['.repeat(MANY)}${']'.repeat(MANY)}`;
    const r = parseSourceLazily('okrs/company.yaml', file(deep));
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(/nests more than 256 levels/);
  });
});
