import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config.js';
import { brief, lint, lintProject, yaml } from './helpers.js';

/** A team file whose objective fires orphan-objective and no-key-results at line 4, vague-objective at line 5. */
const vague = (...lines: string[]) => yaml('owner: sales', 'cycle: 2026-Q4', 'objectives:', ...lines);

const rulesOf = (files: Record<string, string>, config?: string) =>
  lint(files, config === undefined ? {} : { config }).map((d) => `${d.line}:${d.column} ${d.ruleId}`);

describe('disable comments', () => {
  it('without a comment, every rule fires', () => {
    expect(rulesOf({ 'okrs/a.yaml': vague('  - id: x1', '    title: Do stuff') })).toEqual([
      '4:5 no-key-results',
      '4:5 orphan-objective',
      '5:12 vague-objective',
    ]);
  });

  it('okr-disable-line silences the named rule on its own line only', () => {
    expect(
      rulesOf({
        'okrs/a.yaml': vague('  - id: x1', '    title: Do stuff # okr-disable-line vague-objective'),
      }),
    ).toEqual(['4:5 no-key-results', '4:5 orphan-objective']);
    // The same comment one line above the problem silences nothing.
    expect(
      rulesOf({
        'okrs/a.yaml': vague('  - id: x1 # okr-disable-line vague-objective', '    title: Do stuff'),
      }),
    ).toEqual(['4:5 no-key-results', '4:5 orphan-objective', '5:12 vague-objective']);
  });

  it('okr-disable-next-line silences the named rule on the next line', () => {
    expect(
      rulesOf({
        'okrs/a.yaml': vague(
          '  - id: x1',
          '    # okr-disable-next-line vague-objective',
          '    title: Do stuff',
        ),
      }),
    ).toEqual(['4:5 no-key-results', '4:5 orphan-objective']);
  });

  it('several rules separated by commas are silenced; a rule not named stays', () => {
    expect(
      rulesOf({
        'okrs/a.yaml': vague(
          '  # okr-disable-next-line orphan-objective, no-key-results',
          '  - id: x1',
          '    title: Do stuff',
          '  - id: x2 # okr-disable-line orphan-objective',
          '    title: Do other stuff',
        ),
      }),
    ).toEqual(['6:12 vague-objective', '7:5 no-key-results', '8:12 vague-objective']);
  });

  it('a reason after " -- " is not read as a rule id', () => {
    expect(
      rulesOf({
        'okrs/a.yaml': vague(
          '  - id: x1',
          '    title: Do stuff # okr-disable-line vague-objective -- the title is the brand',
        ),
      }),
    ).toEqual(['4:5 no-key-results', '4:5 orphan-objective']);
  });

  it('only YAML comments count: the same text inside a quoted title or a block scalar silences nothing', () => {
    expect(
      rulesOf({
        'okrs/a.yaml': vague(
          '  - id: x1',
          '    title: "Do stuff # okr-disable-line vague-objective"',
          '    description: |',
          '      # okr-disable-next-line orphan-objective',
          '  - id: x2',
          '    title: Do other stuff',
        ),
      }),
    ).toEqual([
      '4:5 no-key-results',
      '4:5 orphan-objective',
      '5:12 vague-objective',
      '8:5 no-key-results',
      '8:5 orphan-objective',
      '9:12 vague-objective',
    ]);
  });

  it('a comment after a flow collection or in a later line of a multi-line value still counts', () => {
    expect(
      rulesOf({
        'okrs/a.yaml': vague(
          '  - { id: x1, title: Do stuff } # okr-disable-line vague-objective, orphan-objective',
          '  - id: x2',
          '    description: "a text',
          '      on two lines"',
          '    # okr-disable-next-line vague-objective',
          '    title: Do stuff',
        ),
      }),
    ).toEqual(['4:5 no-key-results', '5:5 no-key-results', '5:5 orphan-objective']);
  });

  it('comments work in files with CRLF line ends', () => {
    const text = vague(
      '  - id: x1',
      '    # okr-disable-next-line vague-objective',
      '    title: Do stuff',
    ).replace(/\n/g, '\r\n');
    expect(rulesOf({ 'okrs/a.yaml': text })).toEqual(['4:5 no-key-results', '4:5 orphan-objective']);
  });

  it('a comment in one file does not silence another file', () => {
    expect(
      rulesOf({
        'okrs/a.yaml': vague(
          '  - id: x1',
          '    title: Do stuff # okr-disable-line vague-objective',
          '    parent: x2',
        ),
        'okrs/b.yaml': vague('  - id: x2', '    title: Do more stuff', '    parent: x1'),
      }),
    ).toEqual(['4:5 no-key-results', '6:13 alignment-cycle', '4:5 no-key-results', '5:12 vague-objective']);
  });
});

describe('severity and options from okr.config.yaml', () => {
  const files = { 'okrs/a.yaml': vague('  - id: x1', '    title: Do stuff', '    parent: no-such') };

  it('defaults: errors and warnings as the rules declare them', () => {
    expect(lint(files).map((d) => [d.ruleId, d.severity])).toEqual([
      ['no-key-results', 'warning'],
      ['vague-objective', 'warning'],
      ['unresolved-parent', 'error'],
    ]);
  });

  it('off, warn and error, by name or number, override the defaults', () => {
    const config = yaml(
      'rules:',
      '  no-key-results: off',
      '  vague-objective: error',
      '  unresolved-parent: warn',
    );
    expect(lint(files, { config }).map((d) => [d.ruleId, d.severity])).toEqual([
      ['vague-objective', 'error'],
      ['unresolved-parent', 'warning'],
    ]);
    const numbers = yaml('rules:', '  no-key-results: 0', '  vague-objective: 2', '  unresolved-parent: 1');
    expect(lint(files, { config: numbers }).map((d) => [d.ruleId, d.severity])).toEqual([
      ['vague-objective', 'error'],
      ['unresolved-parent', 'warning'],
    ]);
  });

  it('[severity, { options }] sets both', () => {
    const config = yaml('rules:', '  vague-objective: [error, { minWords: 1, words: [] }]');
    // "stuff" is built in, so the rule still fires although one word would now be enough.
    expect(lint(files, { config }).map((d) => [d.ruleId, d.severity])).toContainEqual([
      'vague-objective',
      'error',
    ]);
  });

  it('an unknown rule or a bad severity is a config error naming the file, line and column', () => {
    for (const [config, line, column, text] of [
      [yaml('roots: [company]', 'rules:', '  too-many-kr: warn'), 3, 3, 'unknown rule "too-many-kr"'],
      [
        yaml('rules:', '  too-many-krs: warning'),
        2,
        17,
        'rule "too-many-krs" has severity "warning"; use off, warn or error',
      ],
      [
        yaml('rules:', '  too-many-krs: [warn, { maxi: 3 }]'),
        2,
        26,
        'rule "too-many-krs" has no option "maxi"; it takes: max',
      ],
      [
        yaml('rules:', '  stale-kr: [warn, { days: soon }]'),
        2,
        28,
        'option "days" of rule "stale-kr" must be a number',
      ],
    ] as const) {
      let error: unknown;
      try {
        lintProject({ 'okrs/a.yaml': files['okrs/a.yaml'] }, { config });
      } catch (e) {
        error = e;
      }
      expect(error, config).toBeInstanceOf(ConfigError);
      const [problem] = (error as ConfigError).problems;
      expect(problem && brief({ ...problem, severity: 'error' }), config).toEqual({
        ruleId: 'config',
        severity: 'error',
        file: 'okr.config.yaml',
        line,
        column,
        target: null,
      });
      expect(problem!.message).toContain(text);
    }
  });
});
