import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../helpers.js';
import { checkEnvReads, checkLayers, ENV_READER, LAYERS, layerOf } from './layers.js';

/** A src/ folder of the given files (path under src/ → text) in a fresh temporary folder. */
function srcTree(files: Record<string, string>): string {
  const src = join(tempDir(), 'src');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(src, path)), { recursive: true });
    writeFileSync(join(src, path), text);
  }
  return src;
}

describe('the layers of src/', () => {
  it('every import of src/ goes to its own layer or one below, and no files import each other', () => {
    expect(checkLayers(join(REPO_ROOT, 'src'))).toEqual([]);
  });

  it('names a file that imports a layer above it, type-only and dynamic imports included', () => {
    const src = srcTree({
      'model.ts': "import type { Span } from './yaml/spans.js';\nexport type Model = Span;\n",
      'yaml/spans.ts': 'export type Span = [number, number];\n',
      'load/load.ts': "export const load = () => import('../lint/engine.js');\n",
      'lint/engine.ts': "import { load } from '../load/load.js';\nexport const lint = load;\n",
    });
    expect(checkLayers(src)).toEqual([
      'src/load/load.ts (load) imports src/lint/engine.ts (lint), a layer above it',
      'src/model.ts (base) imports src/yaml/spans.ts (yaml), a layer above it',
      'import circle: src/lint/engine.ts, src/load/load.ts import each other',
    ]);
  });

  it('names the files of a circle inside one layer, and a folder in no layer', () => {
    const src = srcTree({
      'lint/registry.ts': "import { rule } from './rules/a.js';\nexport const RULES = [rule];\n",
      'lint/rules/a.ts':
        "import type { RULES } from '../registry.js';\nexport const rule = {} as (typeof RULES)[0];\n",
      'misc/helper.ts': "import { RULES } from '../lint/registry.js';\nexport const n = RULES.length;\n",
    });
    expect(checkLayers(src)).toEqual([
      'src/misc/helper.ts is in no layer: add its folder to LAYERS in test/architecture/layers.ts',
      'import circle: src/lint/registry.ts, src/lint/rules/a.ts import each other',
    ]);
  });

  it('maps folders bottom to top as docs/architecture.md draws them', () => {
    expect(LAYERS.map((l) => l.layer)).toEqual([
      'base',
      'source',
      'yaml',
      'validate',
      'load',
      'graph',
      'rollup',
      'lint',
      'edit',
      'run',
      'format',
      'cli',
    ]);
    expect(layerOf('model.ts')).toBeLessThan(layerOf('git/run.ts'));
    expect(layerOf('config/config.ts')).toBe(layerOf('load/load.ts'));
    expect(layerOf('cli/main.ts')).toBe(LAYERS.length - 1);
  });
});

describe('process.env', () => {
  it(`is read only in src/${ENV_READER}, where the CLI builds its Io`, () => {
    expect(checkEnvReads(join(REPO_ROOT, 'src'))).toEqual([]);
  });

  it('names every other file that mentions it, bracket reads included, and leaves the Io alone', () => {
    const src = srcTree({
      [ENV_READER]: 'export const env = process.env;\n',
      'run/status.ts': 'export const debug = process.env.DEBUG;\n',
      'git/run.ts': "export const home = process['env'].HOME;\n",
      'format/color.ts': 'export const env = (io: { env: Record<string, string> }) => io.env;\n',
    });
    expect(checkEnvReads(src)).toEqual([
      `src/git/run.ts reads process.env: take env as a parameter from src/${ENV_READER}'s Io instead`,
      `src/run/status.ts reads process.env: take env as a parameter from src/${ENV_READER}'s Io instead`,
    ]);
  });
});
