import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateOrg } from '../../bench/generate.js';
import { loadOkrSource } from '../../src/load/load.js';
import type { SourceFile } from '../../src/model.js';
import { locate } from '../../src/yaml/locate.js';
import { parseSource, parseSourceLazily } from '../../src/yaml/parse.js';
import { parsePlainYaml, readPlainSpans, UNSUPPORTED } from '../../src/yaml/plain-yaml.js';
import { tempDir } from '../helpers.js';

/** What the full parser makes of a text: its source, or null when it reports any error or warning. */
function fullParse(text: string): SourceFile | null {
  const { source, problems } = parseSource('t.yaml', text);
  return problems.length > 0 ? null : source;
}

/** How many positions the fast path's records gave without the Document, over all texts read. */
let answeredBySpans = 0;
let itemEnds = 0;

/**
 * The fast path may decline any text, but where it gives data, it is the full parser's data, and
 * the lines it records are the lines `locate` finds in the Document.
 */
function expectAgrees(text: string): boolean {
  const fast = parsePlainYaml(text);
  if (fast === UNSUPPORTED) return false;
  const full = fullParse(text);
  expect(full, `the full parser rejects what the fast path read:\n${text}`).not.toBeNull();
  expect(fast.data).toEqual(full!.data);
  // The fast path's line starts are those of the full parser's line counter.
  expect(Array.from(fast.lineStarts)).toEqual(Array.from(full!.positions.lineStarts));
  for (const [key, [start, end]] of fast.itemSpans) {
    const path = key.split('/').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const where = locate(full!, path);
    const at = full!.positions.span(start, end);
    // Where the end is not known (an empty value last), the start still is.
    const expected = end < 0 ? { line: where.line, column: where.column } : where;
    const found = end < 0 ? { line: at.line, column: at.column } : at;
    expect(found, `position of ${key} in:\n${text}`).toEqual(expected);
    if (end >= 0) itemEnds++;
  }
  expectSamePositions(text, full!);
  return true;
}

/** Every path into the data, and paths one step past it (a missing key, an index past the end). */
function pathsOf(data: unknown, path: (string | number)[] = []): (string | number)[][] {
  const paths = [path];
  if (Array.isArray(data)) {
    for (const [i, item] of data.entries()) paths.push(...pathsOf(item, [...path, i]));
    paths.push([...path, data.length], [...path, 'id']);
  } else if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) paths.push(...pathsOf(value, [...path, key]));
    paths.push([...path, 'missing'], [...path, 0]);
  } else paths.push([...path, 'missing']);
  return paths;
}

/**
 * What the fast path records of where nodes are gives `locate` the Document's positions, for every
 * node, key and missing field; the Document is asked only for what it did not record.
 */
function expectSamePositions(text: string, full: SourceFile): void {
  const spans = readPlainSpans(text);
  if (spans === UNSUPPORTED)
    throw new Error(`the fast path read the data but not the positions of:\n${text}`);
  expect(spans.data).toEqual(full.data);
  let fallbacks = 0;
  const plain: SourceFile = {
    path: full.path,
    text,
    data: spans.data,
    spans,
    get doc() {
      fallbacks++;
      return full.doc;
    },
    positions: full.positions,
  };
  for (const path of pathsOf(full.data)) {
    for (const key of [false, true]) {
      const before = fallbacks;
      expect(locate(plain, path, { key }), `${key ? 'key of ' : ''}${path.join('/')} in:\n${text}`).toEqual(
        locate(full, path, { key }),
      );
      if (fallbacks === before) answeredBySpans++;
    }
  }
}

const SUPPORTED: Record<string, string> = {
  'an OKR file': `# okrs/2026-Q4/checkout.yaml
owner: checkout                 # the team
cycle: 2026-Q4
objectives:
  - id: effortless-checkout
    title: Make checkout effortless for first-time buyers
    description: 'It''s "quoted" # not a comment'
    parent: grow-revenue/new-buyers
    depends_on: [payments-o1, 'platform-o2', "infra-o3"]
    key_results:
      - id: conversion
        title: "Raise conversion \\"a lot\\" \\u00e9\\n"
        start: 2.1
        target: 3.0
        current: 2.6
        unit: "%"
        weight: 2
        confidence: 0.6
        checkins:
          - { date: 2026-10-15, value: 2.3, confidence: 0.5, note: "A/B test, started" }
          - {date: "2026-10-22", value: -2.5e3}
      - id: one-click
        title: One-click reorder live in all EU markets
        done: false
`,
  'scalars of the core schema': `a: ~
b: null
c: Null
d: TRUE
e: False
f: 0o17
g: 0x1F
h: -12
i: +7
j: 007
k: .5
l: 1.
m: -.inf
n: .NaN
o: 1e3
p: 2026
q: 2026-11-05
r: yes
s: 1_000
t: http://example.com/a#b
u: -dash
v:
w: []
x: {}
y: "#hash"
`,
  'a sequence aligned with its key': `objectives:
- id: a
  key_results:
  - id: k
    done: true
- id: b
`,
  'empty items and values': `values:
  -
  - 
    nested: 1
  - # a comment
  - plain text
key:
other: # nothing here
`,
  'nested flow collections': `rules:
  stale-kr: [warn, { days: 14 }]
  vague-objective: [warn, {words: [optimize, 'stream line', "x,y"]}]
  empty: [ [], {} ]
`,
  'block scalars': `literal: |
  line one
  # not a comment
  line three

  after a blank line
folded: >-
  Black Friday to Christmas is a third of
  our merchants' yearly sales.

  A new paragraph, # not a comment


  after two blank lines
# a comment after the block
items:
  - |-
    in a sequence
  - id: x
    description: >
      in a mapping in a sequence
    title: next
last: >
  at the end
`,
  // YAML separates with spaces only: other Unicode spaces are content, even at the ends of values.
  'Unicode spaces at the ends of values': 'a: x\u00a0\nb: [y\u3000, z]\nc: 1\u2003\nd: e\u00a0 # c\n',
  'comments anywhere': `# head
a: 1 # trailing
# between
  # indented comment
b:
  # before a child
  c: 2
`,
};

const DECLINED: Record<string, string> = {
  anchors: 'a: &x 1\nb: *x\n',
  tags: 'a: !!str 1\n',
  'kept block scalars': 'a: |+\n  text\n\n',
  'block scalars with an indentation indicator': 'a: |2\n   text\n',
  'more-indented lines in block scalars': 'a: >\n  one\n    two\n',
  'block scalars with leading empty lines': 'a: |\n\n  text\n',
  'block scalars at the end without a line break': 'a: |\n  text',
  'multi-line plain scalars': 'a: one\n  two\n',
  'multi-line quoted scalars': 'a: "one\n  two"\n',
  'several documents': 'a: 1\n---\nb: 2\n',
  tabs: 'a:\t1\n',
  'CRLF line ends': 'a: 1\r\nb: 2\r\n',
  'duplicate keys': 'a: 1\na: 2\n',
  'a mapping in a plain scalar': 'a: b: c\n',
  'YAML-only escapes': 'a: "\\x41"\n',
  'multi-line flow collections': 'a: [1,\n  2]\n',
  'trailing commas': 'a: [1, 2, ]\n',
  'quoted keys': '"a": 1\n',
  'bad indentation': 'a:\n    b: 1\n  c: 2\n',
  'a top-level sequence': '- 1\n- 2\n',
  'a top-level scalar': 'just text\n',
  'an empty file': '# nothing\n',
  'a comment without a space': 'a: "x"# c\n',
  'a Unicode space after a quoted scalar': 'a: "x"\u00a0\n',
};

describe('parsePlainYaml', () => {
  for (const [name, text] of Object.entries(SUPPORTED))
    it(`reads ${name} exactly as the full parser does`, () => {
      expect(expectAgrees(text)).toBe(true);
    });

  it('records the start line of every objective, key result and check-in', () => {
    const plain = parsePlainYaml(SUPPORTED['an OKR file']!);
    if (plain === UNSUPPORTED) throw new Error('the OKR file was declined');
    expect([...plain.itemSpans.keys()]).toEqual([
      'objectives/0/key_results/0/checkins/0',
      'objectives/0/key_results/0/checkins/1',
      'objectives/0/key_results/0',
      'objectives/0/key_results/1',
      'objectives/0',
    ]);
  });

  for (const [name, text] of Object.entries(DECLINED))
    it(`leaves ${name} to the full parser`, () => {
      expect(parsePlainYaml(text)).toBe(UNSUPPORTED);
    });

  it('reads every file of a generated organisation as the full parser does', () => {
    const dir = tempDir();
    generateOrg(dir, { teams: 30 });
    const files = ['okrs/strategy.yaml', 'okrs/company.yaml', ...listYaml(dir, 'okrs/departments')];
    for (const f of [...files, ...listYaml(dir, 'okrs/teams')])
      expect(expectAgrees(readFileSync(join(dir, f), 'utf8'))).toBe(true);
  });

  it('agrees with the full parser on random texts built from YAML fragments', () => {
    const key = fc.constantFrom('id', 'title', 'a', 'b_c', 'key-results', 'null', 'True', 'x1');
    const scalar = fc.oneof(
      fc.constantFrom(
        '1',
        '-2.5',
        '0x1f',
        '.inf',
        '~',
        'true',
        'no',
        '2026-Q4',
        "'it''s'",
        '"a\\"b"',
        'a # c',
        'a#b',
        'a: b',
        '[a, b]',
        '{ a: 1, b: "x, y" }',
        '{a: [1]}',
        '[a, [b, {c: 1}]]',
        '{ a: [1, 2], b: {c: d} }',
        '[a: 1]',
        '{ a: 1, }',
        '[ "x]", y ]',
        '[a #b]',
        '{a: 1} # c',
        '[]x',
        '|',
        '>-',
        '| # c',
        '&x 1',
        '*x',
        '|',
        "'open",
        ':x',
        '- x',
        '',
      ),
      fc.string({ maxLength: 8 }),
    );
    // Trees of mappings and sequences, written out in the block styles OKR files use.
    type Tree =
      | { kind: 'scalar'; text: string }
      | { kind: 'map'; entries: [string, Tree][] }
      | { kind: 'seq'; items: Tree[] };
    const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        scalar.map((text): Tree => ({ kind: 'scalar', text })),
        fc
          .array(fc.tuple(key, tie('tree')), { minLength: 1, maxLength: 4 })
          .map((entries): Tree => ({ kind: 'map', entries })),
        fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((items): Tree => ({ kind: 'seq', items })),
      ),
    }));
    const write = (t: Tree, indent: number, compact: boolean): string => {
      const pad = ' '.repeat(indent);
      if (t.kind === 'scalar') return ` ${t.text}\n`;
      if (t.kind === 'map')
        return t.entries
          .map(
            ([k, v], i) =>
              `${compact && i === 0 ? '' : pad}${k}:${v.kind === 'scalar' ? write(v, 0, false) : `\n${write(v, indent + 2, false)}`}`,
          )
          .join('');
      return t.items
        .map((v) =>
          v.kind === 'map'
            ? `${pad}- ${write(v, indent + 2, true)}`
            : v.kind === 'scalar'
              ? `${pad}-${write(v, 0, false)}`
              : `${pad}-\n${write(v, indent + 2, false)}`,
        )
        .join('');
    };
    const text = fc
      .array(fc.tuple(key, tree), { minLength: 1, maxLength: 5 })
      .map((entries) => write({ kind: 'map', entries }, 0, false));
    let read = 0;
    fc.assert(
      fc.property(text, (t) => {
        if (expectAgrees(t)) read++;
      }),
      { numRuns: 3000 },
    );
    // The property says something only if the fast path took part of the texts.
    expect(read).toBeGreaterThan(100);
    expect(answeredBySpans).toBeGreaterThan(1000);
    expect(itemEnds).toBeGreaterThan(100);
  });
});

function listYaml(dir: string, folder: string): string[] {
  return readdirSync(join(dir, folder))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `${folder}/${f}`);
}

const WITH_PROBLEMS: Record<string, string> = {
  'schema problems at values, keys and missing fields': `owner: team
cycle: 2026-Q4
objectives:
  - id: Bad_Id
    title: Make checkout effortless for first-time buyers
    tilte: typo
    key_results:
      - id: kr
        title: Raise conversion
        start: 1
        checkins:
          - { date: "2026-02-30", value: 1 }
  - title: no id here
  - id: ok
    title: A valid objective among broken ones
    key_results:
      - id: k
        title: Done or not
        done: maybe
`,
  'a file-level problem': `owner: 12
cycle: 2026-Q4
objectives: {}
`,
  'an empty title and wrong types': `owner: team
cycle: 2026
objectives:
  - id: a
    title: ""
    weight: -1
    type: sometimes
    depends_on: [x, "Y Z"]
`,
};

describe('the fast path and the Document path', () => {
  for (const [name, text] of Object.entries(WITH_PROBLEMS))
    it(`give the same data and problems at the same positions: ${name}`, () => {
      const path = 'okrs/t.yaml';
      const fast = loadOkrSource(path, text, parseSourceLazily);
      const full = loadOkrSource(path, text, parseSource);
      // The fast path really read it: its Document was not built before a problem asked for it.
      expect(parsePlainYaml(text)).not.toBe(UNSUPPORTED);
      expect(fast.problems.length).toBeGreaterThan(0);
      expect(fast.problems).toEqual(full.problems);
      expect(fast.source.data).toEqual(full.source.data);
      expect(fast.file?.data).toEqual(full.file?.data);
      expect([...(fast.file?.invalidObjectives ?? [])]).toEqual([...(full.file?.invalidObjectives ?? [])]);
      expect(fast.dropped).toEqual(full.dropped);
    });

  it('leave characters YAML forbids to the full parser, which reports them', () => {
    for (const bad of ['\ufffe', '\uffff', '\ud800', '\udc00', '\u0007']) {
      const text = `owner: team${bad}\ncycle: 2026\nobjectives: []\n`;
      const lazily = parseSourceLazily('okrs/t.yaml', text);
      expect(lazily.problems.map((p) => p.ruleId)).toEqual(['yaml-syntax']);
      expect(lazily.problems).toEqual(parseSource('okrs/t.yaml', text).problems);
    }
  });

  it('builds no Document for a plain file, even with problems, unless one points into an empty value', () => {
    let touched = 0;
    const watching: typeof parseSourceLazily = (path, text) => {
      const { source, problems } = parseSourceLazily(path, text);
      const watched: SourceFile = {
        path: source.path,
        text: source.text,
        data: source.data,
        get spans() {
          return source.spans;
        },
        get doc() {
          touched++;
          return source.doc;
        },
        get positions() {
          return source.positions;
        },
      };
      return { source: watched, problems };
    };
    expect(loadOkrSource('okrs/t.yaml', SUPPORTED['an OKR file']!, watching).problems).toEqual([]);
    for (const text of Object.values(WITH_PROBLEMS))
      expect(loadOkrSource('okrs/t.yaml', text, watching).problems).not.toEqual([]);
    expect(touched).toBe(0);
    // An empty value's position is the full parser's to say.
    const empty = 'owner: team\ncycle: 2026-Q4\nobjectives:\n  - id: a\n    title:\n';
    const problems = loadOkrSource('okrs/t.yaml', empty, watching).problems;
    expect(touched).toBeGreaterThan(0);
    expect(problems).toEqual(loadOkrSource('okrs/t.yaml', empty, parseSource).problems);
    expect(problems.map((p) => `${p.line}:${p.column}`)).toContain('5:11');
  });
});
