import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlainYaml, UNSUPPORTED } from '../../src/yaml/plain-yaml.js';
import { makeProject, runOkr } from '../helpers.js';

interface JsonProblem {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

const CACHE_FILE = join('node_modules', '.cache', 'okr', 'files.json');

function check(cwd: string, ...extra: string[]): JsonProblem[] {
  const r = runOkr(['check', '--as-of', '2026-11-15', '--format', 'json', ...extra], { cwd });
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { problems: JsonProblem[] }).problems;
}

const where = (p: JsonProblem) => `${p.line}:${p.column} ${p.ruleId}`;

describe('an unclosed quote is reported at the quote', () => {
  const head = 'owner: team\ncycle: 2026-Q4\nobjectives:\n  - id: a\n';

  for (const [name, last] of [
    ['double quote', '    title: "abc'],
    ["single quote, with '' inside", "    title: 'it''s"],
  ] as const)
    for (const ending of ['', '\n'])
      it(`${name} on the last line, ${ending ? 'with' : 'without'} a final line break`, () => {
        const dir = makeProject({ 'okrs/a.yaml': `${head}${last}${ending}` });
        const problems = check(dir, '--no-cache');
        // Line 5 is the last line; the quote is at column 12.
        expect(problems.map(where)).toEqual(['5:12 yaml-syntax']);
        // Its whole span lies in the file too, as SARIF gives it.
        const sarif = runOkr(['check', '--no-cache', '--format', 'sarif'], { cwd: dir }).stdout;
        const region = (
          JSON.parse(sarif) as {
            runs: { results: { locations: { physicalLocation: { region: Record<string, number> } }[] }[] }[];
          }
        ).runs[0]!.results[0]!.locations[0]!.physicalLocation.region;
        expect(region).toMatchObject({ startLine: 5, startColumn: 12, endLine: 5 });
        expect(problems[0]!.message).toMatch(/-quoted value that starts here has no closing ["']; add it/);
      });

  it('a quote left open in the middle of the file is reported where it opens, not at the end', () => {
    const dir = makeProject({
      'okrs/a.yaml': `${head}    title: "abc\n    key_results: [{ id: k, title: Judged, progress: 0.5 }]\n`,
    });
    expect(check(dir, '--no-cache').map(where)).toEqual(['5:12 yaml-syntax']);
  });

  it('an unclosed flow sequence at the end of the file is reported at its bracket', () => {
    const dir = makeProject({ 'okrs/a.yaml': `${head}    title: Grow\n    depends_on: [b, c\n` });
    expect(check(dir, '--no-cache').map(where)).toEqual(['6:17 yaml-syntax']);
  });
});

/**
 * Columns count UTF-16 code units (as editors and SARIF do): a character beyond the first plane,
 * such as an emoji, counts two. Each file has such characters before the places its problems point at.
 */
describe('columns count UTF-16 code units on every path', () => {
  const lines = [
    'owner: company',
    'cycle: 2026',
    'objectives:',
    // unresolved-parent points at "nowhere", after two rockets.
    '  - { id: rockets, title: "🚀🚀 Launch the rocket program people love", parent: nowhere, key_results: [{ id: k, title: Judged well, progress: 0.5 }] }',
    '  - id: growth',
    '    title: Grow 𝔯𝔢𝔳𝔢𝔫𝔲𝔢 in markets abroad  # okr-disable-line no-such-rule',
    '    parent: rockets',
    '    key_results:',
    // schema (a load problem, which the cache keeps) points at the confidence 2, after non-BMP text.
    '      - { title: "𝔊𝔯𝔬𝔴𝔱𝔥 judged by the board", id: k, progress: 0.5, confidence: 2 }',
  ];
  const text = `${lines.join('\n')}\n`;
  const column = (line: number, token: string) => lines[line - 1]!.indexOf(token) + 1;
  const expected = [
    `4:${column(4, 'nowhere')} unresolved-parent`,
    `6:${column(6, '# okr-disable-line')} unknown-disabled-rule`,
    `9:${column(9, '2 }')} schema`,
  ];

  it('the expected columns are UTF-16 counts, not counts of characters', () => {
    const codePoints = (line: number, token: string) => [...lines[line - 1]!.split(token)[0]!].length + 1;
    expect(codePoints(4, 'nowhere')).toBe(column(4, 'nowhere') - 2);
    expect(codePoints(9, '2 }')).toBe(column(9, '2 }') - 6);
  });

  it('the fast reader, the full parser and a cached second run give the same columns', () => {
    // An anchor is outside the fast reader's subset: that file goes to the full parser.
    const full = text.replace('owner: company', 'owner: &o company');
    expect(parsePlainYaml(text)).not.toBe(UNSUPPORTED);
    expect(parsePlainYaml(full)).toBe(UNSUPPORTED);
    for (const variant of [text, full]) {
      // The default cache is kept in the root's node_modules, when there is one.
      const dir = makeProject({ 'okrs/a.yaml': variant, 'node_modules/.package-lock.json': '{}\n' });
      expect(check(dir).map(where), 'first run').toEqual(expected);
      expect(existsSync(join(dir, CACHE_FILE))).toBe(true);
      expect(check(dir).map(where), 'cached run').toEqual(expected);
    }
  });

  it('a byte that is not UTF-8 after an emoji is reported in UTF-16 columns too', () => {
    const dir = makeProject({ 'okrs/a.yaml': '' });
    const before = 'owner: team\ntitle: 🚀🚀 caf';
    writeFileSync(
      join(dir, 'okrs', 'a.yaml'),
      Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    // "title: " is 7 units and each rocket 2: the byte is at column 7 + 4 + 1 + 3 + 1 = 16.
    expect(check(dir, '--no-cache').map(where)).toEqual(['2:16 yaml-syntax']);
  });
});
