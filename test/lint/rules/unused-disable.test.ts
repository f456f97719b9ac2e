import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

/**
 * A company file whose objective "grow-revenue" (line 5) fires vague-objective at its title (line 6)
 * and whose KR "deals" (line 8) fires unmeasured-kr at its mapping; `before` is line 4, `onId` trails
 * the objective's `- id:` line, `onKr` the KR's.
 */
const file = (before: string, onId = '', onKr = '') =>
  yaml(
    'owner: company',
    'cycle: 2026',
    'objectives:',
    `  ${before}`,
    `  - id: grow-revenue  ${onId}`,
    '    title: Grow revenue, etc',
    '    key_results:',
    `      - id: deals  ${onKr}`,
    '        title: Deals closed in new markets',
  );

const columnOf = (text: string, line: number, comment: string) =>
  text.split('\n')[line - 1]!.indexOf(comment) + 1;

const at = (line: number, column: number, severity: 'warning' | 'error' = 'warning') => ({
  ruleId: 'unused-disable',
  severity,
  file: 'okrs/company.yaml',
  line,
  column,
  target: null,
});

describe('unused-disable', () => {
  it('valid: comments that silence a problem, on its line, the line before, or over a whole item, do not fire', () => {
    for (const [before, onId, onKr] of [
      ['# okr-disable-next-line vague-objective, unmeasured-kr', '', ''],
      ['', '# okr-disable-line vague-objective, unmeasured-kr -- the board asked for it', ''],
      ['', '# okr-disable-line vague-objective', '# okr-disable-line unmeasured-kr'],
      ['# okr-disable-next-line', '', ''],
    ] as const) {
      const text = file(before, onId, onKr);
      expect(lint({ 'okrs/company.yaml': text }), text).toEqual([]);
    }
  });

  it("valid: a comment naming only rules that do not exist is unknown-disabled-rule's alone", () => {
    const text = file('# okr-disable-next-line vague-objectiv', '', '# okr-disable-line unmeasured-kr');
    expect(lintRule('unused-disable', { 'okrs/company.yaml': text })).toEqual([]);
    expect(lintRule('unknown-disabled-rule', { 'okrs/company.yaml': text }).map((d) => d.line)).toEqual([4]);
  });

  it('valid: moved-goalpost is not judged without a base revision to compare with', () => {
    const text = file(
      '',
      '# okr-disable-line vague-objective, moved-goalpost',
      '# okr-disable-line unmeasured-kr',
    );
    expect(lintRule('unused-disable', { 'okrs/company.yaml': text })).toEqual([]);
  });

  it('valid: comments in a file with yaml-syntax or schema errors are not judged, since the rules skip what failed', () => {
    const schema = file('# okr-disable-next-line too-many-krs').replace(
      '    key_results:',
      '    weight: heavy\n    key_results:',
    );
    const syntax = `${file('# okr-disable-next-line too-many-krs')}  - id: [unclosed\n`;
    for (const text of [schema, syntax]) {
      expect(lint({ 'okrs/company.yaml': text }).map((d) => d.ruleId)).toContain(
        text === schema ? 'schema' : 'yaml-syntax',
      );
      expect(lintRule('unused-disable', { 'okrs/company.yaml': text })).toEqual([]);
    }
  });

  it('invalid: a comment whose rule reports nothing where it points is reported at the comment', () => {
    // On the objective's line: vague-objective is silenced at the title, too-many-krs finds nothing.
    const text = file('', '# okr-disable-line vague-objective, too-many-krs', '');
    const diagnostics = lintRule('unused-disable', { 'okrs/company.yaml': text });
    expect(diagnostics.map(brief)).toEqual([at(5, columnOf(text, 5, '# okr-disable-line'))]);
    expect(diagnostics[0]!.message).toContain(
      'the okr-disable-line comment names "too-many-krs", which reports no problem where it points',
    );
    expect(diagnostics[0]!.message).toContain('remove that name from it');
    expect(diagnostics[0]!.endColumn).toBe(
      columnOf(text, 5, '# okr-disable-line') + '# okr-disable-line vague-objective, too-many-krs'.length,
    );
  });

  it('invalid: a comment on a line that starts no item does not reach the line after it, and is reported', () => {
    const text = yaml(
      'owner: company',
      'cycle: 2026',
      'objectives:',
      '  - id: grow-revenue',
      '    description: Ours  # okr-disable-line vague-objective',
      '    title: Grow revenue, etc',
      '    key_results: [{ id: deals, title: Deals closed in new markets, progress: 0.5 }]',
    );
    const diagnostics = lint({ 'okrs/company.yaml': text });
    expect(diagnostics.map((d) => `${d.line} ${d.ruleId}`)).toEqual([
      '5 unused-disable',
      '6 vague-objective',
    ]);
    expect(diagnostics[0]!.message).toBe(
      'the okr-disable-line comment names "vague-objective", which reports no problem where it points (or is turned off), so it silences nothing; remove the comment',
    );
  });

  it('invalid: a next-line comment before one item does not cover the next one', () => {
    const text = yaml(
      'owner: company',
      'cycle: 2026',
      'objectives:',
      '  # okr-disable-next-line vague-objective',
      '  - id: grow-revenue',
      '    title: Grow revenue from new markets abroad',
      '    key_results: [{ id: deals, title: Deals closed in new markets, progress: 0.5 }]',
      '  - id: keep-customers',
      '    title: Customers, etc',
      '    key_results: [{ id: churn, title: Churn judged low, progress: 0.5 }]',
    );
    expect(lint({ 'okrs/company.yaml': text }).map((d) => `${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      '4:3 unused-disable',
      '9:12 vague-objective',
    ]);
  });

  it('invalid: a comment naming no rule that silences nothing is reported', () => {
    const text = file('# okr-disable-next-line', '', '');
    // It covers grow-revenue and silences its problems; the same comment before "owner" would not.
    expect(lintRule('unused-disable', { 'okrs/company.yaml': text })).toEqual([]);
    const idle = `# okr-disable-next-line\n${yaml('owner: company', 'cycle: 2026', 'objectives: []')}`;
    const diagnostics = lintRule('unused-disable', { 'okrs/company.yaml': idle });
    expect(diagnostics.map(brief)).toEqual([at(1, 1)]);
    expect(diagnostics[0]!.message).toContain('silences no problem');
  });

  it('invalid: a comment naming a rule turned off in okr.config.yaml silences nothing and is reported', () => {
    const text = file('# okr-disable-next-line vague-objective, unmeasured-kr');
    const config = yaml('rules:', '  vague-objective: off', '  unused-disable: error');
    const diagnostics = lintRule('unused-disable', { 'okrs/company.yaml': text }, { config });
    expect(diagnostics.map(brief)).toEqual([at(4, 3, 'error')]);
    expect(diagnostics[0]!.message).toContain('names "vague-objective", which reports no problem');
    // Turned off itself, it reports nothing.
    const off = yaml('rules:', '  vague-objective: off', '  unused-disable: off');
    expect(lintRule('unused-disable', { 'okrs/company.yaml': text }, { config: off })).toEqual([]);
  });

  it('invalid: unknown and unused names in one comment are each reported once, by their own rule', () => {
    const text = file('# okr-disable-next-line vague-objective, too-many-krs, no-such-rule');
    const diagnostics = lint({ 'okrs/company.yaml': text }).filter((d) => d.line === 4);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['unknown-disabled-rule', 'unused-disable']);
    expect(diagnostics[1]!.message).toContain('names "too-many-krs", which reports');
    expect(diagnostics[1]!.message).not.toContain('no-such-rule');
  });

  it('invalid: naming unused-disable in the comment silences it', () => {
    const text = file('', '# okr-disable-line vague-objective, too-many-krs, unused-disable', '');
    expect(lintRule('unused-disable', { 'okrs/company.yaml': text })).toEqual([]);
    // Without that name the same comment is reported.
    const bare = file('', '# okr-disable-line vague-objective, too-many-krs', '');
    expect(lintRule('unused-disable', { 'okrs/company.yaml': bare })).toHaveLength(1);
  });
});
