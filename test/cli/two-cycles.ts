import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { commitAll, gitInit, tempDir, writeFiles } from '../helpers.js';

/*
 * A repository with two cycles: 2026-Q3, over and ready to be closed, and 2026-Q4, ending, ready to
 * be rolled over into 2027-Q1. Comments sit on the file, on objectives and on KRs, so that the tests
 * can see that they stay where they belong.
 */

export const Q3_COMPANY = `# Company goals, third quarter
owner: company
cycle: 2026-Q3 # July to September
objectives:
  # The Nordics came first
  - id: open-nordics
    title: Open the Nordic market for our product
    key_results:
      - id: deals
        title: Signed deals in the Nordics
        start: 0
        target: 10
        current: 4 # final count
        checkins:
          - { date: 2026-08-01, value: 4 }
`;

export const Q3_CHECKOUT = `owner: checkout
cycle: 2026-Q3
objectives:
  - id: faster-checkout
    title: Make checkout feel instant for every buyer
    parent: open-nordics/deals
    key_results:
      - id: p95
        title: Keep p95 checkout latency below 300 ms
        target: 300
        keep: below
        current: 320
        checkins: [{ date: 2026-08-01, value: 320 }]
`;

export const Q4_COMPANY = `# Company goals, fourth quarter
owner: company
cycle: 2026-Q4
objectives:
  # Revenue first: carried over while unfinished
  - id: grow-revenue
    title: Grow revenue from new markets abroad
    type: committed
    key_results:
      - id: arr
        title: Recurring revenue in millions
        start: 10
        target: 40
        current: 22 # from the finance report
        confidence: 0.6
        checkins:
          - { date: 2026-11-01, value: 18 }
          - { date: 2026-12-01, value: 22, note: "Nordics signed" }
      - id: p95
        title: Keep p95 checkout latency below 300 ms
        target: 300
        keep: below
        current: 280
      # Reached early, and beyond
      - id: nps
        title: Net promoter score of new buyers
        start: 30
        target: 50
        current: 55
  - id: happy-staff
    title: Keep the staff happy and engaged all quarter
    key_results:
      - { id: survey, title: Every team answers the staff survey, done: true }
`;

export const Q4_CHECKOUT = `owner: checkout
cycle: 2026-Q4
objectives:
  - id: effortless-checkout
    title: Make checkout effortless for first-time buyers
    parent: grow-revenue/arr
    depends_on: [happy-staff]
    key_results:
      # Conversion of first-time buyers, from the shop's analytics
      - id: conversion
        title: First-purchase conversion in percent
        start: 2.1
        target: 3.0
        current: 2.6
        unit: "%"
        weight: 2
      - id: one-click
        title: Buyers reorder with a single click in the EU
        done: false
      - id: support
        title: Support quality judged excellent by the review
        progress: 0.5
`;

export const FILES = {
  'okr.config.yaml': 'roots: [company]\n',
  'okrs/2026-Q3/company.yaml': Q3_COMPANY,
  'okrs/2026-Q3/checkout.yaml': Q3_CHECKOUT,
  'okrs/2026-Q4/company.yaml': Q4_COMPANY,
  'okrs/2026-Q4/checkout.yaml': Q4_CHECKOUT,
};

/** The two-cycle repository, committed on main at the start of Q3. */
export function twoCycleRepo(): string {
  const dir = tempDir('okr-cycles-');
  gitInit(dir);
  writeFiles(dir, FILES);
  commitAll(dir, 'OKRs for Q3 and Q4', '2026-07-01T12:00:00Z');
  return dir;
}

/** Every file below `dir` (but .git) with its bytes, to compare before and after a command. */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      if (name === '.git') continue;
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else files.set(path, readFileSync(join(dir, path), 'latin1'));
    }
  };
  walk('');
  return files;
}
