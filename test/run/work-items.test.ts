import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { parseDay } from '../../src/dates.js';
import type { WorkCommit } from '../../src/git/work.js';
import { standing } from '../../src/rollup/standing.js';
import { workItems } from '../../src/run/work-items.js';
import { makeProject } from '../helpers.js';

const COMPANY = `owner: company
cycle: 2026-Q4
objectives:
  - id: grow
    title: Grow revenue with our merchants across Europe
    key_results:
      - id: buyers
        title: Raise the number of active buyers
        start: 0
        target: 10
        current: 2
`;

const TEAM = `owner: team
cycle: 2026-Q4
objectives:
  - id: checkout
    title: Make checkout effortless for buyers
    parent: grow/buyers
    key_results:
      - id: conversion
        title: Raise the checkout conversion rate
        start: 0
        target: 10
        current: 2
`;

const day = (text: string) => parseDay(text)!;
const commit = (sha: string, date: string, refs: string[]): WorkCommit => ({
  sha: sha.repeat(40),
  time: day(date) * 86_400 + 43_200,
  author: 'Test',
  subject: `Change ${sha}`,
  refs,
});

function graphAndConfig() {
  const dir = makeProject({ 'okrs/company.yaml': COMPANY, 'okrs/team.yaml': TEAM });
  const config = loadConfig(dir);
  return { config, graph: standing(config, { asOf: day('2026-11-01'), cacheDir: null }).graph };
}

describe('workItems', () => {
  it('counts a commit once however many ids and repositories name it, and merges repositories by date', () => {
    const { config, graph } = graphAndConfig();
    const a = commit('a', '2026-10-20', ['checkout/conversion', 'grow', 'nothing']);
    const b = commit('b', '2026-10-10', ['checkout']);
    const c = commit('c', '2026-10-15', ['checkout/conversion']);
    // The OKR repository given again as --repo . : its commits are the same commits.
    const work = workItems(
      graph,
      [
        { repo: '.', commits: [a, b] },
        { repo: 'app', commits: [c] },
        { repo: '.', commits: [a, b] },
      ],
      { config, asOf: day('2026-11-01'), since: null },
    );
    const items = new Map(work.items.map((i) => [i.id, i]));
    const conversion = items.get('checkout/conversion')!;
    // Listed once for each time a repository lists it, newest first, repositories in the order given.
    expect(conversion.commits.map((v) => `${v.repo} ${v.sha[0]} ${v.date}`)).toEqual([
      '. a 2026-10-20',
      '. a 2026-10-20',
      'app c 2026-10-15',
    ]);
    expect(conversion).toMatchObject({ total: 2, last: '2026-10-20' });
    expect(items.get('checkout')).toMatchObject({ total: 3, last: '2026-10-20' });
    // grow counts what is aligned below it: a, b, c, each once.
    expect(items.get('grow')).toMatchObject({ total: 3, last: '2026-10-20' });
    expect(items.get('grow/buyers')).toMatchObject({ total: 3, last: '2026-10-20', commits: [] });
  });

  it('leaves out commits after the as-of day and before --since', () => {
    const { config, graph } = graphAndConfig();
    const commits = [
      commit('a', '2026-10-20', ['grow']),
      commit('b', '2026-10-10', ['grow']),
      commit('c', '2026-10-01', ['grow']),
    ];
    const work = workItems(graph, [{ repo: '.', commits }], {
      config,
      asOf: day('2026-10-15'),
      since: '2026-10-05',
      sinceDay: day('2026-10-05'),
    });
    const grow = work.items.find((i) => i.id === 'grow')!;
    expect(grow.commits.map((v) => v.sha[0])).toEqual(['b']);
    expect(grow).toMatchObject({ total: 1, last: '2026-10-10' });
  });
});
