import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { directives } from '../../src/lint/directives.js';
import { loadOkrSource } from '../../src/load/load.js';
import { locate } from '../../src/yaml/locate.js';
import { parseSource, parseSourceLazily } from '../../src/yaml/parse.js';
import { parsePlainYaml, UNSUPPORTED } from '../../src/yaml/plain-yaml.js';
import { indexOfLineStarts, positionIndex } from '../../src/yaml/positions.js';
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
const RESULTS_FILE = join('node_modules', '.cache', 'okr', 'results.json');

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

describe('the position index', () => {
  it('turns offsets into 1-based lines and UTF-16 columns', () => {
    const text = 'a: 🚀\nb: 火x\n\nc';
    const index = positionIndex(text);
    expect(Array.from(index.lineStarts)).toEqual([0, 6, 12, 13]);
    expect(index.at(0)).toEqual({ line: 1, column: 1 });
    // The rocket is two UTF-16 units: its line break is at column 6.
    expect(index.at(5)).toEqual({ line: 1, column: 6 });
    expect(index.at(text.indexOf('x'))).toEqual({ line: 2, column: 5 });
    expect(index.at(12)).toEqual({ line: 3, column: 1 });
    // The end of the text is on its last line.
    expect(index.at(text.length)).toEqual({ line: 4, column: 2 });
    expect(index.span(6, 11)).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 6 });
    // An end before the start is the start.
    expect(index.span(6, 2)).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 1 });
  });

  it('ends lines at LF, CR LF and a lone CR, as the yaml library reads them', () => {
    for (const text of ['a: 1\r\nb: 2\r\n', 'a: 1\rb: 2\r', 'a: 1\nb: |\n  x\n  y\nc: "q\r\n  r"\n# c\n']) {
      const { source } = parseSource('t.yaml', text);
      expect(Array.from(positionIndex(text).lineStarts), JSON.stringify(text)).toEqual(
        Array.from(source.positions.lineStarts),
      );
    }
  });

  it('places disable comments by offset, after an emoji, with a lone CR ending lines', () => {
    const line = 'owner: "🚀 火 team" # okr-disable-line stale-kr';
    const text = `cycle: 2026-Q4\r${line}\robjectives: []\r`;
    const { source, problems } = parseSource('okrs/a.yaml', text);
    expect(problems).toEqual([]);
    const column = line.indexOf('#') + 1;
    expect(directives(source).map((d) => [d.line, d.column, d.endColumn, d.silences])).toEqual([
      [2, column, line.length + 1, 2],
    ]);
  });

  it('is the same built from the line starts the fast reader found as from the text', () => {
    const text = 'owner: team\ncycle: 2026-Q4\nobjectives:\n  - id: a\n    title: 🚀 火箭 launch\n';
    const plain = parsePlainYaml(text);
    if (plain === UNSUPPORTED) throw new Error('the fast reader declined a plain text');
    expect(Array.from(indexOfLineStarts(plain.lineStarts).lineStarts)).toEqual(
      Array.from(positionIndex(text).lineStarts),
    );
  });
});

/**
 * One problem, reported at one line:column whichever way its file was read: an emoji (two UTF-16
 * units) and CJK characters (one each) stand before it on its line.
 */
describe('a problem after an emoji and CJK text is at the same line:column on every path', () => {
  const lines = [
    'owner: team',
    'cycle: 2026-Q4',
    'objectives:',
    // unresolved-parent points at "nowhere".
    '  - { id: rocket, title: "🚀 火箭 program that merchants love", parent: nowhere, key_results: [{ id: k, title: Judged well, progress: 0.5 }] }',
    '  - id: growth',
    '    title: 增长 🚀 in markets abroad for every merchant  # okr-disable-line no-such-rule',
    '    parent: rocket/k',
    '    key_results:',
    '      - id: judged',
    // schema points at the confidence 2.
    '        title: "🚀 火 judged by the board"',
    '        progress: 0.5',
    '      - { id: seen, title: "火箭 🚀 seen by all", progress: 0.5, confidence: 2 }',
    // Loads cleanly: status shows it (growth, with a schema problem, is left out).
    '  - id: later',
    '    title: "🚀 火箭 keep merchants happy every day"',
    '    parent: rocket/k',
    '    key_results: [{ id: j, title: Judged well, progress: 0.5 }]',
  ];
  const text = `${lines.join('\n')}\n`;
  const column = (line: number, token: string) => lines[line - 1]!.indexOf(token) + 1;
  const expected = [
    `4:${column(4, 'nowhere')} unresolved-parent`,
    `6:${column(6, '# okr-disable-line')} unknown-disabled-rule`,
    `12:${column(12, '2 }')} schema`,
  ];
  const codePointColumn = (line: number, token: string) =>
    [...lines[line - 1]!.slice(0, lines[line - 1]!.indexOf(token))].length + 1;

  // The fast reader reads the text as it is; it leaves CR LF line breaks and anchors to the yaml library.
  const variants = {
    'fast reader': text,
    'yaml library (CR LF)': text.replaceAll('\n', '\r\n'),
    'yaml library (anchor)': text.replace('owner: team', 'owner: &o team'),
  };

  function sarifPlaces(stdout: string): string[] {
    const sarif = JSON.parse(stdout) as {
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[];
        }[];
      }[];
    };
    return sarif.runs[0]!.results.map((r) => {
      const { startLine, startColumn } = r.locations[0]!.physicalLocation.region;
      return `${startLine}:${startColumn} ${r.ruleId}`;
    });
  }

  it('the expected columns count UTF-16 units, not characters', () => {
    expect(codePointColumn(4, 'nowhere')).toBe(column(4, 'nowhere') - 1);
    expect(codePointColumn(6, '# okr-disable-line')).toBe(column(6, '# okr-disable-line') - 1);
    expect(codePointColumn(12, '2 }')).toBe(column(12, '2 }') - 1);
  });

  it('each variant goes the way it is meant to', () => {
    expect(parsePlainYaml(variants['fast reader'])).not.toBe(UNSUPPORTED);
    expect(parsePlainYaml(variants['yaml library (CR LF)'])).toBe(UNSUPPORTED);
    expect(parsePlainYaml(variants['yaml library (anchor)'])).toBe(UNSUPPORTED);
  });

  it('in the loader, read by either reader', () => {
    const schemaPath = ['objectives', 1, 'key_results', 1, 'confidence'];
    for (const [name, variant] of Object.entries(variants)) {
      const loaded = loadOkrSource('okrs/a.yaml', variant);
      expect(
        loaded.problems.map((p) => `${p.line}:${p.column} ${p.ruleId}`),
        name,
      ).toEqual([expected[2]]);
      const full = parseSource('okrs/a.yaml', variant).source;
      const lazy = parseSourceLazily('okrs/a.yaml', variant).source;
      expect(locate(lazy, schemaPath), name).toEqual(locate(full, schemaPath));
    }
  });

  for (const [name, variant] of Object.entries(variants))
    it(`through the built CLI, ${name}: cold, from the loaded-files cache, and from the results cache`, () => {
      const dir = makeProject({ 'okrs/a.yaml': variant, 'node_modules/.package-lock.json': '{}\n' });
      const sarif = () => runOkr(['check', '--as-of', '2026-11-15', '--format', 'sarif'], { cwd: dir });
      expect(check(dir, '--no-cache').map(where), 'cold').toEqual(expected);
      expect(
        sarifPlaces(runOkr(['check', '--no-cache', '--format', 'sarif'], { cwd: dir }).stdout),
        'cold sarif',
      ).toEqual(expected);
      // The first run with the cache fills it; with the results dropped, the second loads the file
      // from the loaded-files cache, whose problems and item spans give the positions.
      expect(check(dir).map(where), 'first cached run').toEqual(expected);
      const stored = readFileSync(join(dir, CACHE_FILE), 'utf8');
      expect(stored).toContain('okrs/a.yaml');
      rmSync(join(dir, RESULTS_FILE));
      expect(check(dir).map(where), 'warm run, loaded-files cache').toEqual(expected);
      rmSync(join(dir, RESULTS_FILE));
      expect(sarifPlaces(sarif().stdout), 'warm sarif, loaded-files cache').toEqual(expected);
      expect(existsSync(join(dir, RESULTS_FILE))).toBe(true);
      expect(sarifPlaces(sarif().stdout), 'warm sarif, results cache').toEqual(expected);
    });

  it('views give an objective the same line on every path', () => {
    const status = (dir: string, ...extra: string[]) =>
      (
        JSON.parse(
          runOkr(['status', '--as-of', '2026-11-15', '--format', 'json', ...extra], { cwd: dir }).stdout,
        ) as { objectives: { id: string; line: number }[] }
      ).objectives.map((o) => `${o.id}:${o.line}`);
    for (const [name, variant] of Object.entries(variants)) {
      const dir = makeProject({ 'okrs/a.yaml': variant, 'node_modules/.package-lock.json': '{}\n' });
      expect(status(dir, '--no-cache'), name).toEqual(['rocket:4', 'later:13']);
      expect(status(dir), `${name}, filling the cache`).toEqual(['rocket:4', 'later:13']);
      expect(status(dir), `${name}, from the cache`).toEqual(['rocket:4', 'later:13']);
    }
  });
});
