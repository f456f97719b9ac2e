import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.js';
import { parseDay } from '../../src/dates.js';
import { loadTexts } from '../../src/load/texts.js';
import { analyze } from '../../src/run/analyze.js';
import { diffAnalyses } from '../../src/run/compare.js';
import { companyYaml, okrYaml, teamYaml } from '../git/okr-repo.js';

const config = defaultConfig('/nonexistent');

function analysisOf(files: Record<string, string>, asOf = '2026-10-20') {
  const load = loadTexts(config, new Map(Object.entries(files).map(([p, text]) => [p, { text }])), null);
  return analyze(config, { asOf: parseDay(asOf)!, load });
}

function diffOf(base: Record<string, string>, head: Record<string, string>, asOf = '2026-10-20') {
  return diffAnalyses(analysisOf(base, asOf), analysisOf(head, asOf), { base: 'b', head: 'h' });
}

describe('diff by id', () => {
  it('lists added and removed objectives and KRs, each objective before its KRs', () => {
    const base = {
      'okrs/company.yaml': companyYaml(),
      'okrs/old.yaml': okrYaml('old', '2026-Q4', [{ id: 'legacy', krs: [{ id: 'a', start: 0, target: 1 }] }]),
    };
    const head = { 'okrs/company.yaml': companyYaml(), 'okrs/team.yaml': teamYaml() };
    const diff = diffOf(base, head);
    expect(diff.added.map((i) => [i.kind, i.id])).toEqual([
      ['objective', 'checkout'],
      ['kr', 'checkout/conversion'],
    ]);
    expect(diff.removed.map((i) => [i.kind, i.id])).toEqual([
      ['objective', 'legacy'],
      ['kr', 'legacy/a'],
    ]);
  });

  it('does not count an objective moved to another file as added and removed', () => {
    const both = okrYaml('company', '2026-Q4', [
      { id: 'grow', krs: [{ id: 'buyers', start: 100, target: 200, current: 120 }] },
      { id: 'keep', krs: [{ id: 'churn', start: 10, target: 5, current: 8 }] },
    ]);
    const split = {
      'okrs/a.yaml': companyYaml(),
      'okrs/b.yaml': okrYaml('company', '2026-Q4', [
        { id: 'keep', krs: [{ id: 'churn', start: 10, target: 5, current: 8 }] },
      ]),
    };
    const diff = diffOf({ 'okrs/all.yaml': both }, split);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.progress).toEqual([]);
    // The title differs between the two files' "grow": that, and only that, is a change.
    expect(diff.changed.map((c) => [c.id, c.field])).toEqual([['grow', 'title']]);
  });

  it('reports a re-parented objective and the progress of every ancestor it leaves and joins', () => {
    const company = okrYaml('company', '2026', [
      { id: 'grow', title: 'Grow revenue through new buyers in every market', krs: [{ id: 'buyers' }] },
      { id: 'save', title: 'Save money on every delivery we make', krs: [{ id: 'costs' }] },
    ]);
    const team = (parent: string) =>
      okrYaml('checkout', '2026-Q4', [
        { id: 'checkout', parent, krs: [{ id: 'conversion', start: 0, target: 10, current: 5 }] },
      ]);
    const diff = diffOf(
      { 'okrs/company.yaml': company, 'okrs/team.yaml': team('grow/buyers') },
      { 'okrs/company.yaml': company, 'okrs/team.yaml': team('save/costs') },
    );
    expect(diff.changed.map((c) => [c.id, c.field, c.from, c.to, c.movedGoalpost])).toEqual([
      ['checkout', 'parent', 'grow/buyers', 'save/costs', false],
    ]);
    expect(diff.progress.map((p) => [p.id, p.from, p.to])).toEqual([
      ['grow', 0.5, 0],
      ['grow/buyers', 0.5, 0],
      ['save', 0, 0.5],
      ['save/costs', 0, 0.5],
    ]);
  });

  it('flags a target changed after the cycle started as a moved goalpost, and not before', () => {
    const base = { 'okrs/company.yaml': companyYaml({ target: 200 }) };
    const head = { 'okrs/company.yaml': companyYaml({ target: 150 }) };
    const after = diffOf(base, head, '2026-10-20');
    expect(after.changed.map((c) => [c.id, c.field, c.from, c.to, c.movedGoalpost])).toEqual([
      ['grow/buyers', 'target', 200, 150, true],
    ]);
    const before = diffOf(base, head, '2026-09-20');
    expect(before.changed.map((c) => c.movedGoalpost)).toEqual([false]);
  });

  it("flags start, keep, weight and an objective's type, but not a title", () => {
    const base = okrYaml('company', '2026-Q4', [
      {
        id: 'grow',
        title: 'Grow revenue through new buyers everywhere',
        krs: [
          { id: 'buyers', start: 100, target: 200 },
          { id: 'latency', target: 300, keep: 'below', current: 280 },
        ],
      },
    ]);
    const head = okrYaml('company', '2026-Q4', [
      {
        id: 'grow',
        title: 'Grow revenue through new buyers in Europe',
        type: 'committed',
        krs: [
          { id: 'buyers', start: 90, target: 200 },
          { id: 'latency', target: 300, keep: 'above', current: 280 },
        ],
      },
    ]);
    const diff = diffOf({ 'okrs/c.yaml': base }, { 'okrs/c.yaml': head });
    expect(diff.changed.map((c) => [c.id, c.field, c.movedGoalpost])).toEqual([
      ['grow', 'title', false],
      ['grow', 'type', true],
      ['grow/buyers', 'start', true],
      ['grow/latency', 'keep', true],
    ]);
  });

  it('matches problems ignoring lines: an edit above a problem neither fixes nor introduces it', () => {
    const vague = (extraKr: boolean) =>
      okrYaml('company', '2026-Q4', [
        {
          id: 'grow',
          title: 'Grow revenue through new buyers everywhere',
          krs: [
            { id: 'buyers', start: 1, target: 2 },
            ...(extraKr ? [{ id: 'more', start: 1, target: 3 }] : []),
          ],
        },
        { id: 'stuff', title: 'Do stuff', krs: [{ id: 'x', start: 1, target: 2 }] },
      ]);
    const moved = diffOf({ 'okrs/c.yaml': vague(false) }, { 'okrs/c.yaml': vague(true) });
    expect(moved.problems).toEqual({ introduced: [], fixed: [] });
    const fixed = diffOf({ 'okrs/c.yaml': vague(false) }, { 'okrs/c.yaml': companyYaml() });
    expect(fixed.problems.fixed.map((p) => [p.ruleId, p.target])).toContainEqual([
      'vague-objective',
      'stuff',
    ]);
    expect(fixed.problems.introduced).toEqual([]);
  });
});

describe('changed fields', () => {
  const objective = (fields: string, kr = '') => `owner: growth
cycle: 2026-Q4
objectives:
  - id: reach
    title: Reach more first-time buyers across Europe
${fields}    key_results:
      - id: visits
        title: Raise weekly visits from new buyers
        start: 100
        target: 200
${kr}`;

  it('reports theme, depends_on, description and unit changes, which decide no goal', () => {
    const base = objective(
      '    theme: customer-love\n    depends_on: [payments]\n    description: First plan.\n',
      '        unit: visits\n',
    );
    const head = objective(
      '    theme: growth\n    depends_on: [payments, checkout/conversion]\n    description: Second plan.\n',
      '        unit: sessions\n',
    );
    const diff = diffOf({ 'okrs/growth.yaml': base }, { 'okrs/growth.yaml': head }, '2026-11-01');
    expect(
      diff.changed.map(({ id, field, from, to, movedGoalpost }) => ({ id, field, from, to, movedGoalpost })),
    ).toEqual([
      { id: 'reach', field: 'description', from: 'First plan.', to: 'Second plan.', movedGoalpost: false },
      { id: 'reach', field: 'theme', from: 'customer-love', to: 'growth', movedGoalpost: false },
      {
        id: 'reach',
        field: 'depends_on',
        from: ['payments'],
        to: ['payments', 'checkout/conversion'],
        movedGoalpost: false,
      },
      { id: 'reach/visits', field: 'unit', from: 'visits', to: 'sessions', movedGoalpost: false },
    ]);
    // The same lists in the same order are no change.
    expect(diffOf({ 'okrs/growth.yaml': head }, { 'okrs/growth.yaml': head }, '2026-11-01').changed).toEqual(
      [],
    );
  });

  it("flags an objective's weight changed after its cycle started as a moved goalpost, not before", () => {
    const base = objective('    weight: 1\n');
    const head = objective('    weight: 3\n');
    const during = diffOf({ 'okrs/growth.yaml': base }, { 'okrs/growth.yaml': head }, '2026-10-20');
    expect(
      during.changed.map(({ id, field, from, to, movedGoalpost }) => ({
        id,
        field,
        from,
        to,
        movedGoalpost,
      })),
    ).toEqual([{ id: 'reach', field: 'weight', from: 1, to: 3, movedGoalpost: true }]);
    const before = diffOf({ 'okrs/growth.yaml': base }, { 'okrs/growth.yaml': head }, '2026-09-20');
    expect(before.changed.map((c) => [c.field, c.movedGoalpost])).toEqual([['weight', false]]);
  });
});
