import { describe, expect, it } from 'vitest';
import { commitAll, gitInit, makeProject, runOkr } from '../helpers.js';

const AS_OF = ['--as-of', '2026-11-15'];

/** An OKR file whose one objective is named after the file, so that status tells which files loaded. */
const okrFile = (id: string) => `owner: company
cycle: 2026-Q4
objectives:
  - id: ${id}
    title: Make checkout effortless for first-time buyers
    key_results:
      - id: quality
        title: Support quality judged excellent by the review
        progress: 0.5
`;

const FILES = {
  'okrs/top.yaml': okrFile('top'),
  'okrs/deep/down/nested.yml': okrFile('nested'),
  'okrs/.hidden/secret.yaml': okrFile('secret'),
  'okrs/.dotfile.yaml': okrFile('dotfile'),
  'okrs/notes.json': '{}\n',
  'teams/alpha.yaml': okrFile('alpha'),
  'teams/drafts/draft-beta.yml': okrFile('beta'),
  'company/plan.yaml': okrFile('plan'),
  'other/gamma.yaml': okrFile('gamma'),
};

/** The ids of the objectives okr status shows: one a file that the patterns selected. */
function loaded(dir: string, args: string[] = []): string[] {
  const r = runOkr(['status', '-f', 'json', ...AS_OF, ...args], { cwd: dir });
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { objectives: { id: string }[] }).objectives.map((o) => o.id).sort();
}

const project = (config: string) =>
  makeProject({ ...FILES, 'okr.config.yaml': `roots: [company]\n${config}` });

describe('include and exclude globs, as .gitignore-style tools match them', () => {
  it('the default okrs/**/*.{yaml,yml} crosses folders and takes both extensions, but no dotfile or dot folder', () => {
    expect(loaded(project(''))).toEqual(['nested', 'top']);
  });

  it('a pattern that names the dot folder matches in it: okrs/.hidden/*.yaml', () => {
    expect(loaded(project('include: ["okrs/.hidden/*.yaml"]\n'))).toEqual(['secret']);
    expect(loaded(project('include: ["okrs/.*.yaml"]\n'))).toEqual(['dotfile']);
  });

  it('brace sets and ** in include, and in exclude', () => {
    const dir = project(
      'include: ["{teams,company}/**/*.{yaml,yml}"]\nexclude: ["teams/**/draft-*.{yaml,yml}"]\n',
    );
    expect(loaded(dir)).toEqual(['alpha', 'plan']);
    const all = project('include: ["**/*.yaml"]\nexclude: ["{okrs,other}/**", "*.config.yaml"]\n');
    expect(loaded(all)).toEqual(['alpha', 'plan']);
  });

  it('a revision read from git is selected by the same patterns (status --at)', () => {
    const dir = project('include: ["{teams,company}/**/*.{yaml,yml}", "okrs/.hidden/*.yaml"]\n');
    gitInit(dir);
    commitAll(dir, 'OKRs');
    expect(loaded(dir, ['--at', 'HEAD'])).toEqual(['alpha', 'beta', 'plan', 'secret']);
    expect(loaded(dir)).toEqual(['alpha', 'beta', 'plan', 'secret']);
  });
});
