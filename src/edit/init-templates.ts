import { formatDay } from '../dates.js';

/** A file `okr init` writes: repository-relative path and content. */
export interface InitFile {
  path: string;
  content: string;
}

/** The quarter (YYYY-Qn) that contains `day`. */
export function quarterOf(day: number): string {
  const date = formatDay(day);
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

const CONFIG = `# okr configuration. Every key is optional; the values below are the defaults.
include: ["okrs/**/*.{yaml,yml}"]
exclude: []
strategy: okrs/strategy.yaml
# Owners whose objectives need no parent: the top of the alignment tree.
roots: [company]
# How an objective's progress is computed: krs, children or both.
rollup: krs
# Custom cycles besides YYYY, YYYY-H1, YYYY-Q1 and YYYY-MM, e.g.
#   FY27: { start: 2026-07-01, end: 2027-06-30 }
cycles: {}
status: { at_risk: 0.10, off_track: 0.25 }
# Rule severities, ESLint style: off | warn | error, or [severity, { options }]. See "okr rules".
rules:
  too-many-krs: [warn, { max: 5 }]
`;

const STRATEGY = `# Vision, mission, values and the strategic themes objectives align to (theme: <id>).
vision: Say in one sentence the world you want your customers to live in
mission: Say what you do, every day, to bring that world closer
values: [Customers first, Transparency]
themes:
  - id: customer-love
    title: Customers love buying from us and come back
    description: Every team can align objectives to a theme, or to another objective with "parent".
`;

function exampleOkrs(cycle: string, today: string): string {
  return `# Example OKRs of one owner for one cycle. Replace them with your own; "okr check" validates them.
owner: company                  # the team or person that owns every objective in this file
cycle: ${cycle}
objectives:
  - id: effortless-first-purchase   # unique across the repository: lower-case letters, digits, dashes
    title: Make buying from us effortless for first-time customers
    theme: customer-love        # or parent: another-objective[/its-kr]
    type: aspirational          # aspirational (healthy at 70%) or committed (expected at 100%)
    key_results:
      - id: conversion          # numeric: start and target, current is updated by check-ins
        title: Raise first-purchase conversion from 2.1% to 3.0%
        start: 2.1
        target: 3.0
        current: 2.1
        unit: "%"
        checkins:               # okr checkin effortless-first-purchase/conversion 2.4 --note "..."
          - { date: ${today}, value: 2.1, confidence: 0.5, note: "Baseline measured" }
      - id: latency             # threshold: keep current below (or above) target
        title: Keep p95 checkout latency below 300 ms
        target: 300
        keep: below
        current: 280
        unit: ms
      - id: one-click-reorder   # milestone: done or not
        title: Returning customers reorder in one click in every market
        done: false
      - id: support-quality     # judged: progress from 0 to 1, stated directly
        title: Support quality judged excellent by the quarterly review
        progress: 0.3
`;
}

/** What the workflow and the editor settings name: okr's package, version and repository. */
export interface InitTarget {
  /** The branch CI runs on for pushes: the repository's default branch. */
  branch: string;
  /** okr's own version: the Action's tag. */
  version: string;
  /** okr's GitHub repository, owner/name: the Action. */
  actionRepository: string;
  /** Folder of the JSON Schemas, relative to the repository root, `./`-prefixed. */
  schemas: string;
}

/** actions/checkout v7.0.1, by commit, so that a moved tag cannot change what the workflow runs. */
const CHECKOUT = 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1';

function workflow(target: InitTarget): string {
  return `# Checks the OKRs on every push to ${target.branch} and on every pull request, with okr's GitHub
# Action: annotations on the changed lines and a job summary; on a pull request, what it changes in
# the OKRs (okr diff), in the summary and as one comment that each push updates.
name: okr
on:
  push:
    branches: [${JSON.stringify(target.branch)}]
  pull_request:
permissions:
  contents: read
  pull-requests: write          # the okr diff comment; without it, set "comment: false" below
jobs:
  okr:
    runs-on: ubuntu-latest
    steps:
      - uses: ${CHECKOUT}
        with:
          fetch-depth: 0        # okr diff and stale-kr read the history
      - uses: ${target.actionRepository}@v${target.version}
        # with:
        #   comment: false      # no comment on pull requests
        #   max-warnings: 0     # fail on warnings too
`;
}

/** Branch the weekly measure job commits to; its one pull request is from this branch. */
export const MEASURE_BRANCH = 'okr/measure';

export const MEASURE_WORKFLOW = '.github/workflows/okr-measure.yml';

/**
 * The weekly measure job (README "A weekly measure job"): okr's Action checks the OKRs and installs
 * okr at the Action's version (in $RUNNER_TEMP/okr-action), then `okr measure` records the values,
 * git commits them on one branch and force-pushes it, and gh opens one pull request, or updates it,
 * with the week's agenda as its body. Only the Action, git and gh run.
 */
export function measureWorkflow(target: InitTarget): string {
  return `# Records the measured key results (their measure:) every week as one pull request: okr measure
# writes the values as check-ins, they are committed on the branch ${MEASURE_BRANCH} (force-pushed), and
# one pull request from it is opened, or updated, with the week's agenda (okr agenda) as its body.
name: okr measure
on:
  schedule:
    - cron: '0 6 * * 1'         # Mondays, 06:00 UTC
  workflow_dispatch:
permissions:
  contents: write               # push the ${MEASURE_BRANCH} branch
  pull-requests: write          # open or update its pull request
concurrency:
  group: okr-measure
jobs:
  measure:
    runs-on: ubuntu-latest
    steps:
      - uses: ${CHECKOUT}
        with:
          fetch-depth: 0        # the agenda reads what moved, and stale-kr, from the history
      # Checks the OKRs and installs okr at the Action's version, which the steps below run.
      - uses: ${target.actionRepository}@v${target.version}
        with:
          diff: false
          comment: false
      - name: okr measure
        # Exit 1 names the KRs whose source failed; the others are recorded and still proposed.
        run: |
          "$RUNNER_TEMP/okr-action/bin/okr" measure || [ $? -eq 1 ]
      - name: Commit on ${MEASURE_BRANCH} and open or update the pull request
        env:
          GH_TOKEN: \${{ github.token }}
          BRANCH: ${MEASURE_BRANCH}
        run: |
          set -euo pipefail
          okr="$RUNNER_TEMP/okr-action/bin/okr"
          git config user.name 'github-actions[bot]'
          git config user.email '41898282+github-actions[bot]@users.noreply.github.com'
          git checkout -B "$BRANCH"
          git add -A
          if git diff --cached --quiet; then
            echo 'okr measure recorded no new value'
            exit 0
          fi
          git commit -q -m "okr measure: the measured values of $(date -u +%Y-%m-%d)"
          git push --force origin "$BRANCH"
          body="$RUNNER_TEMP/okr-agenda.md"
          "$okr" agenda --format markdown --output "$body" \\
            --link-base "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$(git rev-parse HEAD)"
          pr=$(gh pr list --head "$BRANCH" --state open --json number --jq '.[0].number // empty')
          if [ -n "$pr" ]; then
            gh pr edit "$pr" --body-file "$body"
          else
            gh pr create --head "$BRANCH" --title 'OKRs: the measured values of the week' --body-file "$body"
          fi
`;
}

/** The JSON Schemas okr ships, and the files each one describes (globs of VS Code's yaml.schemas). */
export const SCHEMA_FILES = [
  { name: 'okr-file', globs: ['okrs/**/*.yaml', 'okrs/**/*.yml', '!okrs/strategy.yaml'] },
  { name: 'strategy', globs: ['okrs/strategy.yaml'] },
  { name: 'config', globs: ['okr.config.yaml'] },
] as const;

/** The `yaml.schemas` entries of the editor settings: schema location → globs. */
export function schemaMappings(schemas: string): [string, string[]][] {
  return SCHEMA_FILES.map((s) => [`${schemas}/${s.name}.schema.json`, [...s.globs]]);
}

/** Repository path of the example OKR file for the quarter of `day`. */
export function examplePath(day: number): string {
  return `okrs/${quarterOf(day)}/company.yaml`;
}

/**
 * The files of a new OKR repository, with an example OKR file for the quarter of `day`. The editor
 * settings are not among them: they are merged into the user's (see okr init).
 */
export function initFiles(day: number, target: InitTarget): InitFile[] {
  const cycle = quarterOf(day);
  return [
    { path: 'okr.config.yaml', content: CONFIG },
    { path: 'okrs/strategy.yaml', content: STRATEGY },
    { path: examplePath(day), content: exampleOkrs(cycle, formatDay(day)) },
    { path: '.github/workflows/okr.yml', content: workflow(target) },
  ];
}
