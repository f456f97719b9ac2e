import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { findRoot } from '../../config/config.js';
import { mergeSchemaSettings } from '../../edit/init-settings.js';
import {
  examplePath,
  type InitTarget,
  initFiles,
  MEASURE_WORKFLOW,
  measureWorkflow,
  SCHEMA_FILES,
  schemaMappings,
} from '../../edit/init-templates.js';
import { defaultBranchName } from '../../git/repo.js';
import { parseAsOf } from '../context.js';
import { UsageError } from '../errors.js';
import { type Io, writeFileAtomic } from '../io.js';
import { packageInfo } from '../version.js';

export interface InitOptions {
  /** Replace the files that exist instead of skipping them. */
  force?: boolean;
  /** Only write the schema copies (refreshing them) and point the editor settings at them. */
  schemas?: boolean;
  /** Only write the weekly measure workflow. */
  measure?: boolean;
}

/** Where okr init runs: no config is loaded, since it may be the very file being replaced. */
export interface InitContext {
  io: Io;
  cwd?: string;
  asOf?: string;
}

type Step =
  | { path: string; content: string; verb: 'created' | 'replaced' | 'updated'; detail?: string }
  | { path: string; skipped: string };

const SETTINGS = '.vscode/settings.json';
/** Where schema copies go when okr is not a dependency of the repository. */
const SCHEMA_COPIES = '.okr/schemas';

const isDirectory = (path: string) => existsSync(path) && statSync(path).isDirectory();

/** Whether the repository already has OKR files of its own below okrs/ (the strategy file aside). */
function hasOkrFiles(root: string): boolean {
  const folder = join(root, 'okrs');
  if (!isDirectory(folder)) return false;
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).some(
    (path) => /\.ya?ml$/.test(path) && path.split(/[\\/]/).join('/') !== 'strategy.yaml',
  );
}

/** The schema text okr ships (schemas/ of the package, two folders above this module). */
function shippedSchema(name: string): string {
  return readFileSync(new URL(`../../schemas/${name}.schema.json`, import.meta.url), 'utf8');
}

/**
 * Where the editor finds okr's schemas: the package's own folder when okr is a dependency of the
 * repository (npm keeps it at okr's version), else copies written into the repository, which work
 * however okr was installed (globally, with npx, in CI).
 */
function schemaFolder(root: string, packageName: string): { folder: string; copies: boolean } {
  const local = `node_modules/${packageName}/schemas`;
  if (existsSync(join(root, local, 'okr-file.schema.json'))) return { folder: `./${local}`, copies: false };
  return { folder: `./${SCHEMA_COPIES}`, copies: true };
}

/**
 * Sets up okr in a repository, at its root: what is missing is added, what exists is kept and named
 * (with --force, replaced), and the editor settings are merged into the user's. Every target is
 * checked before any is written; a folder where a file should go stops it.
 */
export async function runInit(ctx: InitContext, options: InitOptions): Promise<number> {
  const cwd = resolve(ctx.cwd ?? '.');
  if (!existsSync(cwd) || !statSync(cwd).isDirectory())
    throw new UsageError(`-C: no such folder "${ctx.cwd}"`);
  const root = findRoot(cwd);
  const day = parseAsOf(ctx.asOf);
  const pkg = packageInfo();
  const schemas = schemaFolder(root, pkg.name);
  const target: InitTarget = {
    branch: (await defaultBranchName(root)) ?? 'main',
    version: pkg.version,
    actionRepository: pkg.repository,
    schemas: schemas.folder,
  };

  if (options.measure) return writeMeasureWorkflow(ctx, root, target, Boolean(options.force));
  const steps: Step[] = [];
  if (!options.schemas)
    for (const file of initFiles(day, target)) {
      if (existsSync(join(root, file.path)))
        steps.push(
          options.force
            ? { ...file, verb: 'replaced' }
            : { path: file.path, skipped: 'it exists (okr init --force replaces it)' },
        );
      else if (file.path === examplePath(day) && hasOkrFiles(root))
        steps.push({ path: file.path, skipped: 'the repository already has OKR files under okrs/' });
      else steps.push({ ...file, verb: 'created' });
    }
  if (schemas.copies)
    for (const { name } of SCHEMA_FILES) {
      const path = `${SCHEMA_COPIES}/${name}.schema.json`;
      const content = shippedSchema(name);
      const absolute = join(root, path);
      if (!existsSync(absolute)) steps.push({ path, content, verb: 'created' });
      else if (isDirectory(absolute) || readFileSync(absolute, 'utf8') !== content)
        steps.push(
          options.schemas || options.force
            ? { path, content, verb: 'replaced' }
            : { path, skipped: `it is okr's schema of another version (okr init --schemas refreshes it)` },
        );
    }
  else if (options.schemas)
    ctx.io.out(`okr's schemas are in ${schemas.folder}/, where npm keeps them at okr's version\n`);

  const settingsFile = join(root, SETTINGS);
  if (isDirectory(settingsFile)) steps.push({ path: SETTINGS, skipped: 'a folder' });
  else {
    const text = existsSync(settingsFile) ? readFileSync(settingsFile, 'utf8') : '';
    const merge = mergeSchemaSettings(
      text,
      schemaMappings(schemas.folder),
      Boolean(options.force || options.schemas),
    );
    if (merge.kind === 'invalid') {
      ctx.io.err(`okr: ${SETTINGS}:${merge.line}:${merge.column}: ${merge.message}; nothing was written\n`);
      return 1;
    }
    if (merge.kind === 'merged')
      steps.push({
        path: SETTINGS,
        content: merge.text,
        verb: text === '' && !existsSync(settingsFile) ? 'created' : 'updated',
        detail: text === '' ? undefined : `yaml.schemas: ${merge.added.join(', ')}`,
      });
    else steps.push({ path: SETTINGS, skipped: "its yaml.schemas already maps okr's schemas" });
  }

  const folders = steps.filter((s) => isDirectory(join(root, s.path))).map((s) => s.path);
  if (folders.length > 0) {
    ctx.io.err(
      `okr: ${folders.join(', ')} is a folder where okr init writes a file; move it away; nothing was written\n`,
    );
    return 1;
  }
  const created: string[] = [];
  for (const step of steps) {
    if ('skipped' in step) continue;
    const absolute = join(root, step.path);
    try {
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileAtomic(absolute, step.content);
    } catch (error) {
      // Leave the repository as it was found, as far as this run made it: no half scaffolding.
      for (const path of created) rmSync(path, { force: true });
      const code = (error as NodeJS.ErrnoException).code;
      ctx.io.err(
        `okr: cannot write ${step.path}: ${code ?? (error as Error).message}; okr init stopped and removed the files it had created\n`,
      );
      return 1;
    }
    if (step.verb === 'created') created.push(absolute);
  }
  for (const step of steps)
    ctx.io.out(
      'skipped' in step
        ? `skipped ${step.path}: ${step.skipped}\n`
        : `${step.verb} ${step.path}${step.detail ? ` (${step.detail})` : ''}\n`,
    );
  if (steps.some((s) => s.path === examplePath(day) && !('skipped' in s)))
    ctx.io.out(
      `\nNext: edit ${examplePath(day)} and okrs/strategy.yaml, then run "okr check" and "okr status".\n`,
    );
  return 0;
}

/** `okr init --measure`: the weekly measure workflow alone, an existing one kept without --force. */
function writeMeasureWorkflow(ctx: InitContext, root: string, target: InitTarget, force: boolean): number {
  const absolute = join(root, MEASURE_WORKFLOW);
  const exists = existsSync(absolute);
  if (exists && isDirectory(absolute)) {
    ctx.io.err(
      `okr: ${MEASURE_WORKFLOW} is a folder where okr init writes a file; move it away; nothing was written\n`,
    );
    return 1;
  }
  if (exists && !force) {
    ctx.io.out(`skipped ${MEASURE_WORKFLOW}: it exists (okr init --measure --force replaces it)\n`);
    return 0;
  }
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileAtomic(absolute, measureWorkflow(target));
  ctx.io.out(
    `${exists ? 'replaced' : 'created'} ${MEASURE_WORKFLOW}\n\nNext: commit it; every Monday it proposes the measured values as one pull request from okr/measure.\n`,
  );
  return 0;
}
