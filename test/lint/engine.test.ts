import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config.js';
import { parsePlainYaml, UNSUPPORTED } from '../../src/yaml/plain-yaml.js';
import { makeProject, REPO_ROOT, runOkr } from '../helpers.js';
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
    // The same comment on a line above the problem that starts no objective or KR silences nothing (and is reported).
    expect(
      rulesOf({
        'okrs/a.yaml': vague(
          '  - id: x1',
          '    description: Ours # okr-disable-line vague-objective',
          '    title: Do stuff',
        ),
      }),
    ).toEqual(['4:5 no-key-results', '4:5 orphan-objective', '5:23 unused-disable', '6:12 vague-objective']);
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

/**
 * A team file: objective "x1" (line 5) fires orphan-objective at its mapping and vague-objective at its
 * title (line 6); its KR "ship" (line 8) fires output-kr at its title (line 9), its KR "playbook" (line
 * 11) unmeasured-kr at its mapping; objective "x2" (line 13) fires orphan-objective and vague-objective.
 * `beforeX1` is line 4, `onX1` trails x1's `- id:` line, `onShip` the KR's.
 */
const scoped = (beforeX1: string, onX1: string, onShip = '') =>
  vague(
    `  ${beforeX1}`,
    `  - id: x1  ${onX1}`,
    '    title: Do stuff',
    '    key_results:',
    `      - id: ship  ${onShip}`,
    '        title: Launch the new onboarding flow',
    '        done: false',
    '      - id: playbook',
    '        title: A playbook every team lead agrees with',
    '  - id: x2',
    '    title: Do other stuff',
    '    key_results: [{ id: k, title: Judged well, progress: 0.5 }]',
  );

const ALL_OF_X1 = 'orphan-objective, vague-objective, output-kr, unmeasured-kr';
const X2 = ['13:5 orphan-objective', '14:12 vague-objective'];

describe('disable comments on an objective or KR cover its whole mapping', () => {
  it("without a comment, the rules fire at the objective, its title, its KRs and a KR's title", () => {
    expect(rulesOf({ 'okrs/a.yaml': scoped('', '') })).toEqual([
      '5:5 orphan-objective',
      '6:12 vague-objective',
      '9:16 output-kr',
      '11:9 unmeasured-kr',
      ...X2,
    ]);
  });

  it("okr-disable-line on the objective's `- id:` line covers its title, its fields and its KRs, and not the next objective", () => {
    expect(rulesOf({ 'okrs/a.yaml': scoped('', `# okr-disable-line ${ALL_OF_X1}`) })).toEqual(X2);
    // Only the rules it names.
    expect(rulesOf({ 'okrs/a.yaml': scoped('', '# okr-disable-line vague-objective, output-kr') })).toEqual([
      '5:5 orphan-objective',
      '11:9 unmeasured-kr',
      ...X2,
    ]);
  });

  it("okr-disable-next-line on the line before the objective's `- id:` covers the whole objective", () => {
    expect(rulesOf({ 'okrs/a.yaml': scoped(`# okr-disable-next-line ${ALL_OF_X1}`, '') })).toEqual(X2);
  });

  it("a comment on a KR's `- id:` line covers that KR only", () => {
    expect(rulesOf({ 'okrs/a.yaml': scoped('', '', '# okr-disable-line output-kr, unmeasured-kr') })).toEqual(
      [
        '5:5 orphan-objective',
        '6:12 vague-objective',
        // unmeasured-kr fires at the next KR, which the comment does not cover.
        '8:19 unused-disable',
        '11:9 unmeasured-kr',
        ...X2,
      ],
    );
  });

  it('the full parser gives the same scopes as the fast reader (a file with an anchor; flow KRs)', () => {
    const text = scoped(`# okr-disable-next-line ${ALL_OF_X1}`, '').replace(
      'owner: sales',
      'owner: &o sales',
    );
    expect(parsePlainYaml(text)).toBe(UNSUPPORTED);
    expect(rulesOf({ 'okrs/a.yaml': text })).toEqual(X2);
    const flow = vague(
      `  - id: x1  # okr-disable-line ${ALL_OF_X1}`,
      '    title: Do stuff',
      '    key_results: [{ id: ship, title: Launch the new onboarding flow, done: false }, { id: playbook, title: A playbook }]',
      '  - id: x2',
      '    title: Make onboarding effortless for new teams',
      '    key_results: [{ id: ship, title: Launch the new onboarding flow, done: false }]',
    );
    expect(rulesOf({ 'okrs/a.yaml': flow })).toEqual(['7:5 orphan-objective', '9:38 output-kr']);
  });
});

/** The README's example of disable comments, as written there: its first line names its path. */
function readmeExample(): { path: string; text: string } {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Silencing a problem'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
  const [first, ...rest] = block.split('\n');
  return { path: /^# (\S+)$/.exec(first!)![1]!, text: rest.join('\n') };
}

describe("the README's disable example, copied", () => {
  const { path, text } = readmeExample();
  // The example without its comments: what they are there to silence.
  const bare = text.replace(/\s*# okr-disable.*$/gm, '').replace(/^\n/gm, '');

  it('fires orphan-objective, vague-objective and unmeasured-kr without its comments', () => {
    expect(bare).not.toContain('okr-disable');
    expect(lint({ [path]: bare }).map((d) => `${d.ruleId} ${d.target}`)).toEqual([
      'orphan-objective alpha-o2',
      'orphan-objective alpha-o3',
      'vague-objective alpha-o3',
      'unmeasured-kr alpha-o3/playbook',
    ]);
  });

  it('lints clean with its comments, through the CLI, read again from the cache too', () => {
    expect(lint({ [path]: text })).toEqual([]);
    const dir = makeProject({ [path]: text, 'node_modules/.package-lock.json': '{}\n' });
    for (const run of ['first', 'cached']) {
      const r = runOkr(['check', '--as-of', '2026-11-15'], { cwd: dir });
      expect([r.code, r.stdout, r.stderr], run).toEqual([0, '', '']);
    }
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
        yaml('rules:', '  too-many-krs: constructor'),
        2,
        17,
        'rule "too-many-krs" has severity "constructor"; use off, warn or error',
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
