import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE } from '../../src/config/config.js';
import { RULES } from '../../src/lint/registry.js';
import { REPO_ROOT } from '../helpers.js';
import { type RuleCase, runRule } from './rule-tester.js';

const ids = RULES.map((r) => r.meta.id);
const ruleFiles = readdirSync(join(REPO_ROOT, 'src', 'lint', 'rules'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -'.ts'.length));

interface SectionFiles {
  files: Record<string, string>;
  base: Record<string, string>;
  reported: string[];
  /** Commits of the range `okr check --base REF` reads, with the values of their `OKR:` trailers. */
  commits: { sha: string; refs: string[] }[];
}

/**
 * The YAML files of a section of a docs page: each ```yaml block starts with `# path`, or with
 * `# base: path` for a file of the base revision a rule compares with. A ```text block starting
 * with `# commit SHA` is a commit message of the range; the `OKR:` lines of its last paragraph are
 * its trailers.
 */
function sectionFiles(page: string, heading: string): SectionFiles {
  const start = page.indexOf(`\n## ${heading}\n`);
  if (start === -1) return { files: {}, base: {}, reported: [], commits: [] };
  const end = page.indexOf('\n## ', start + 1);
  const section = page.slice(start, end === -1 ? undefined : end);
  const files: Record<string, string> = {};
  const base: Record<string, string> = {};
  const reported: string[] = [];
  const commits: SectionFiles['commits'] = [];
  for (const [, sha, message] of section.matchAll(/```text\n# commit ([0-9a-f]{7,40})\n([\s\S]*?)```/g)) {
    const last = message!.trim().split('\n\n').pop()!;
    commits.push({ sha: sha!, refs: [...last.matchAll(/^okr:\s*(\S+)$/gim)].map((m) => m[1]!) });
  }
  for (const [, body] of section.matchAll(/```yaml\n([\s\S]*?)```/g)) {
    const [first, ...rest] = body!.split('\n');
    const basePath = /^# base: (\S+)$/.exec(first!)?.[1];
    if (basePath) base[basePath] = rest.join('\n');
    const path = /^# (\S+)$/.exec(first!)?.[1];
    if (!path) continue;
    files[path] = rest.join('\n');
    rest.forEach((line, i) => {
      if (/#.*\breported\b/.test(line)) reported.push(`${path}:${i + 1}`);
    });
  }
  return { files, base, reported, commits };
}

/** An example as a rule tester case: its files (okr.config.yaml among them) and its base files as the baseline. */
function exampleCase(name: string, section: SectionFiles): RuleCase {
  const { files, base, commits } = section;
  return {
    name,
    files,
    ...(Object.keys(base).length > 0 ? { baseline: base } : {}),
    ...(commits.length > 0 ? { workCommits: commits } : {}),
  };
}

describe('the rule registry', () => {
  it('is sorted by id, and every id is unique', () => {
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('registers every rule file of src/lint/rules, each named as its id', () => {
    expect([...ruleFiles].sort()).toEqual(ids);
  });

  it('lists every rule in docs/rules/README.md', () => {
    const index = readFileSync(join(REPO_ROOT, 'docs', 'rules', 'README.md'), 'utf8');
    for (const id of ids) expect(index, id).toContain(`[\`${id}\`](${id}.md)`);
  });

  describe.each(ids)('%s', (id) => {
    const rule = RULES.find((r) => r.meta.id === id)!;
    const docsPath = join(REPO_ROOT, 'docs', 'rules', `${id}.md`);
    const testPath = join(REPO_ROOT, 'test', 'lint', 'rules', `${id}.test.ts`);

    it('has a description and a severity', () => {
      expect(rule.meta.description.trim().length).toBeGreaterThan(10);
      expect(['error', 'warning']).toContain(rule.meta.severity);
    });

    it('has a docs page that names it, its default severity and each option', () => {
      expect(existsSync(docsPath)).toBe(true);
      const page = readFileSync(docsPath, 'utf8');
      expect(page.startsWith(`# ${id}\n`)).toBe(true);
      expect(page).toContain(`**Default severity:** ${rule.meta.severity}`);
      for (const option of Object.keys(rule.meta.options)) expect(page).toContain(`\`${option}\``);
      expect(page).toContain('## How to silence it');
    });

    it('has a test file that runs the rule tester on it, with at least one valid and one invalid case', () => {
      expect(existsSync(testPath)).toBe(true);
      const source = readFileSync(testPath, 'utf8');
      expect(source).toContain("from '../rule-tester.js'");
      const run = source.indexOf(`ruleTester('${id}').run({`);
      expect(run, `ruleTester('${id}').run(...)`).toBeGreaterThan(-1);
      const valid = source.indexOf('\n  valid: [', run);
      const invalid = source.indexOf('\n  invalid: [', valid);
      expect(valid).toBeGreaterThan(run);
      expect(invalid).toBeGreaterThan(valid);
      // A case is an object with a name; an invalid one lists the problems it expects.
      expect(source.slice(valid, invalid)).toMatch(/\bname:/);
      expect(source.slice(invalid)).toMatch(/\bname:[\s\S]*\berrors:/);
    });

    it('fires on the invalid example of its docs page, at the lines marked "reported", and not on the valid one', () => {
      const page = readFileSync(docsPath, 'utf8');
      const invalid = sectionFiles(page, 'Invalid');
      const valid = sectionFiles(page, 'Valid');
      // file-unreadable cannot be shown with file contents; its page shows a terminal session instead.
      if (id === 'file-unreadable') {
        expect(Object.keys(invalid.files)).toEqual([]);
        return;
      }
      const fired = runRule(id, exampleCase('invalid', invalid));
      expect(fired.length).toBeGreaterThan(0);
      if (invalid.reported.length > 0)
        expect(fired.map((d) => `${d.file}:${d.line}`)).toEqual(invalid.reported);
      expect(Object.keys(valid.files).filter((f) => f !== CONFIG_FILE).length).toBeGreaterThan(0);
      expect(runRule(id, exampleCase('valid', valid))).toEqual([]);
    });
  });
});
