import { describe, expect, it } from 'vitest';
import { commitAll, gitInit, runOkr, tempDir, writeFiles } from '../helpers.js';

// Line numbers below are those of each `- id:` in these files (line 1 is `owner:`).
const TEAM = `owner: team-a
cycle: 2026-Q4
objectives:
  - id: checkout
    title: Ship the new checkout to every merchant
    key_results:
      - id: conversion
        title: Raise checkout conversion
        start: 0
        target: 10
        current: 5
        checkins:
          - date: 2026-11-12
            value: 5
      - id: speed
        title: Make checkout pages load fast
        start: 0
        target: 10
        current: 1
`;
const COMPANY = (revenue: number) => `owner: company
cycle: 2026-Q4
objectives:
  - id: grow
    title: Grow revenue with our merchants
    key_results:
      - id: revenue
        title: Raise monthly revenue
        start: 10
        target: 20
        current: ${revenue}
`;

/** Everything committed on 10-01; grow/revenue moved from 12 to 19 by a commit on 11-14. */
function repo(): string {
  const dir = tempDir();
  gitInit(dir);
  writeFiles(dir, { 'okrs/team.yaml': TEAM, 'okrs/company.yaml': COMPANY(12) });
  commitAll(dir, 'Q4', '2026-10-01T12:00:00Z');
  writeFiles(dir, { 'okrs/company.yaml': COMPANY(19) });
  commitAll(dir, 'revenue', '2026-11-14T12:00:00Z');
  return dir;
}

// As of 2026-11-15 (45 of 92 days of 2026-Q4; objectives are aspirational by default, × 0.7: expected
// 45/92 × 0.7 = 0.342), since 2026-11-08 by default; owners in file order (company.yaml first):
// - company: grow/revenue moved by the commit of 11-14, (19 − 10)/10 = 90%: on track, not stale.
// - team-a: checkout/conversion moved (check-in 11-12), (5 − 0)/10 = 50%: on track;
//   checkout/speed last changed 10-01, 45 days ago > stale-kr's 14: stale; 1/10 = 10%, gap −0.242:
//   at risk (≥ −0.25); checkout = (0.5 + 0.1) / 2 = 30%, gap −0.042: on track, not listed.
const MARKDOWN = `# OKR agenda, 2026-11-08 … 2026-11-15

## company

### Moved

- [\`grow/revenue\`](https://git.example/blob/abc/okrs/company.yaml#L7) Raise monthly revenue: 19, 90% (commit 2026-11-14)

## team-a

### Moved

- [\`checkout/conversion\`](https://git.example/blob/abc/okrs/team.yaml#L7) Raise checkout conversion: 5, 50% (checkin 2026-11-12)

### Stale

- [\`checkout/speed\`](https://git.example/blob/abc/okrs/team.yaml#L15) Make checkout pages load fast: 1, 10% (last commit 2026-10-01)

### At risk or off track

- [\`checkout/speed\`](https://git.example/blob/abc/okrs/team.yaml#L15) Make checkout pages load fast: at risk, 10%
`;

describe('okr agenda', () => {
  const dir = repo();

  it('lists per owner what moved (check-ins and commits), what is stale and what is at risk, linked to the lines', () => {
    const r = runOkr(['agenda', '--as-of', '2026-11-15', '--link-base', 'https://git.example/blob/abc/'], {
      cwd: dir,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(MARKDOWN);
  });

  it('links to the commit built on GitHub Actions from GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_SHA', () => {
    const env = {
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/okrs',
      GITHUB_SHA: 'f00d',
    };
    const r = runOkr(['agenda', '--as-of', '2026-11-15', '-f', 'json'], { cwd: dir, env });
    const agenda = JSON.parse(r.stdout) as {
      since: string;
      owners: { owner: string; moved: { link: string }[] }[];
    };
    expect(agenda.since).toBe('2026-11-08');
    expect(agenda.owners.map((o) => o.owner)).toEqual(['company', 'team-a']);
    expect(agenda.owners[0]!.moved[0]!.link).toBe(
      'https://github.com/acme/okrs/blob/f00d/okrs/company.yaml#L7',
    );
  });

  it('--since moves the window: nothing moved after 11-14, so only what is stale or at risk is left', () => {
    const r = runOkr(['agenda', '--as-of', '2026-11-15', '--since', '2026-11-14', '-f', 'text'], {
      cwd: dir,
    });
    expect(r.stdout).toBe(
      [
        'OKR agenda, 2026-11-14 … 2026-11-15',
        '',
        'team-a',
        '  Stale',
        '    checkout/speed  okrs/team.yaml:15  1, 10% (last commit 2026-10-01)',
        '  At risk or off track',
        '    checkout/speed  okrs/team.yaml:15  at risk, 10%',
        '',
      ].join('\n'),
    );
  });

  it('refuses a --since that is no date (exit 2)', () => {
    const r = runOkr(['agenda', '--since', 'last week'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('okr: --since takes a real date YYYY-MM-DD, not "last week"\n');
  });
});
