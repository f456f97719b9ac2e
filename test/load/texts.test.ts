import { describe, expect, it } from 'vitest';
import { configFromText, defaultConfig, loadConfig } from '../../src/config/config.js';
import { loadProject } from '../../src/load/load.js';
import { loadFromTexts } from '../../src/load/texts.js';
import { makeProject } from '../helpers.js';

const okrs = (owner: string, title: string) =>
  `owner: ${owner}\ncycle: 2026\nobjectives:\n  - id: ${owner}-goal\n    title: ${title}\n    key_results: [{ id: kr, title: Judged by the review, progress: 0.5 }]\n`;

/** A project with what loading must tell apart: a good file, a bad one, a large one, excluded and strategy files. */
const FILES: Record<string, string> = {
  'okr.config.yaml': 'exclude: ["okrs/drafts/**"]\nmaxFileSize: 400\n',
  'okrs/strategy.yaml': 'themes:\n  - { id: growth, title: Grow the business }\n',
  'okrs/a.yaml': okrs('alpha', 'Make checkout effortless for buyers'),
  'okrs/b.yaml': okrs('beta', '[a list]'),
  'okrs/c.yaml': `${okrs('gamma', 'Keep payments reliable')}# ${'padding '.repeat(60)}\n`,
  'okrs/drafts/d.yaml': okrs('delta', 'Not selected at all'),
  'notes/e.yaml': okrs('epsilon', 'Outside the include pattern'),
};

describe('loadFromTexts', () => {
  it('loads texts given in memory exactly as loadProject loads the same files from disk', () => {
    const root = makeProject(FILES);
    const onDisk = loadProject(loadConfig(root));
    const { 'okr.config.yaml': configText, ...texts } = FILES;
    const config = configFromText(defaultConfig('/in-memory'), 'okr.config.yaml', configText!);
    const inMemory = loadFromTexts(config, texts);
    const loaded = (r: typeof onDisk) =>
      r.files.map((f) => ({ path: f.source.path, data: f.data, invalid: [...f.invalidObjectives] }));
    expect(loaded(inMemory)).toEqual(loaded(onDisk));
    expect([...inMemory.sources.keys()]).toEqual([...onDisk.sources.keys()]);
    expect(inMemory.problems).toEqual(onDisk.problems);
    expect(inMemory.strategy).toEqual(onDisk.strategy);
    expect(inMemory.failed).toEqual(onDisk.failed);
    expect(inMemory.fileCount).toBe(onDisk.fileCount);
    // What the comparison covers: one file loads, one loads without its objective that fails the schema,
    // one is too large, two are not selected.
    expect(inMemory.files.map((f) => [f.source.path, [...f.invalidObjectives]])).toEqual([
      ['okrs/a.yaml', []],
      ['okrs/b.yaml', [0]],
    ]);
    expect(inMemory.problems.map((p) => `${p.file} ${p.ruleId}`)).toEqual([
      'okrs/b.yaml schema',
      'okrs/c.yaml file-too-large',
    ]);
    expect(inMemory.strategy).not.toBeNull();
  });

  it('reads a path named without a text as a missing file, as on disk', () => {
    const root = makeProject({ 'okrs/a.yaml': FILES['okrs/a.yaml']! });
    const paths = ['okrs/a.yaml', 'okrs/missing.yaml'];
    const onDisk = loadProject(loadConfig(root), paths);
    const inMemory = loadFromTexts(
      defaultConfig('/in-memory'),
      { 'okrs/a.yaml': FILES['okrs/a.yaml']! },
      paths,
    );
    expect(inMemory.problems).toEqual(onDisk.problems);
    expect(inMemory.problems.map((p) => p.ruleId)).toEqual(['file-unreadable']);
  });
});
