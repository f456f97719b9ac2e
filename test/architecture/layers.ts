// The layer map of src/ and the check that keeps imports going one way (docs/architecture.md).
// Run it by hand with `npx tsx test/architecture/layers.ts`; test/architecture/layers.test.ts runs
// it on src/ under `npm test`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * The layers of src/, bottom first, each with the folders under src/ that belong to it. A file
 * imports only files of its own layer or of a layer below; `.` stands for the files directly in src/.
 */
export const LAYERS: readonly { layer: string; folders: readonly string[] }[] = [
  { layer: 'base', folders: ['.'] },
  { layer: 'source', folders: ['git', 'source'] },
  { layer: 'yaml', folders: ['yaml'] },
  { layer: 'validate', folders: ['validate'] },
  { layer: 'load', folders: ['load', 'config'] },
  { layer: 'graph', folders: ['graph'] },
  { layer: 'rollup', folders: ['rollup'] },
  { layer: 'lint', folders: ['lint'] },
  { layer: 'edit', folders: ['edit'] },
  { layer: 'run', folders: ['run'] },
  { layer: 'format', folders: ['format'] },
  { layer: 'cli', folders: ['cli'] },
];

const RESOLUTION: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
};

/** Every .ts file under `dir`, as paths relative to `src` with forward slashes, sorted. */
function sourceFiles(src: string, dir = src): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(src, path);
      return entry.name.endsWith('.ts') ? [relative(src, path).split(sep).join('/')] : [];
    })
    .sort();
}

/**
 * What each file of `src` imports among the files of `src`: static, type-only, re-exports and
 * dynamic `import()` alike, resolved as the TypeScript compiler resolves them.
 */
export function importGraph(src: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const path = join(src, file);
    const { importedFiles } = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
    const targets = importedFiles.flatMap(({ fileName }) => {
      const resolved = ts.resolveModuleName(fileName, path, RESOLUTION, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) return [];
      const target = relative(src, resolved.resolvedFileName).split(sep).join('/');
      return target.startsWith('..') ? [] : [target];
    });
    graph.set(file, [...new Set(targets)].sort());
  }
  return graph;
}

/** The layer of a file of src/ (a path relative to src/), by its first folder. */
export function layerOf(file: string): number {
  const folder = file.includes('/') ? file.slice(0, file.indexOf('/')) : '.';
  return LAYERS.findIndex((l) => l.folders.includes(folder));
}

/** Groups of files that import each other, directly or through others (Tarjan's algorithm). */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file) as number);
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file) as number, low.get(target) as number));
      } else if (stack.includes(target)) {
        low.set(file, Math.min(low.get(file) as number, index.get(target) as number));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || graph.get(file)?.includes(file)) found.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

/** One line per import that goes up the stack, per file outside the map and per circle; none when all is well. */
export function checkLayers(src: string): string[] {
  const graph = importGraph(src);
  const problems: string[] = [];
  const name = (file: string): string => `src/${file}`;
  for (const [file, targets] of graph) {
    const layer = layerOf(file);
    if (layer < 0) {
      problems.push(`${name(file)} is in no layer: add its folder to LAYERS in test/architecture/layers.ts`);
      continue;
    }
    for (const target of targets) {
      const above = layerOf(target);
      if (above > layer)
        problems.push(
          `${name(file)} (${LAYERS[layer].layer}) imports ${name(target)} (${LAYERS[above].layer}), a layer above it`,
        );
    }
  }
  for (const group of circles(graph))
    problems.push(`import circle: ${group.map(name).join(', ')} import each other`);
  return problems;
}

/** The one file of src/ that reads the environment; every other layer gets `env` as a parameter. */
export const ENV_READER = 'cli/io.ts';

/**
 * One line per file of `src` other than ENV_READER that mentions `process.env` (or `process['env']`),
 * comments included: a mention is a read waiting to happen.
 */
export function checkEnvReads(src: string): string[] {
  return sourceFiles(src)
    .filter((file) => file !== ENV_READER)
    .filter((file) =>
      /process\s*(\.\s*env\b|\[\s*['"`]env['"`]\s*\])/.test(readFileSync(join(src, file), 'utf8')),
    )
    .map(
      (file) => `src/${file} reads process.env: take env as a parameter from src/${ENV_READER}'s Io instead`,
    );
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split(sep).join('/'))) {
  const src = join(import.meta.dirname, '..', '..', 'src');
  const problems = [...checkLayers(src), ...checkEnvReads(src)];
  for (const line of problems) console.log(line);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
