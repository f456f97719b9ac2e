import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { findRoot } from '../../config/config.js';
import { commitMsgHook, isOkrHook } from '../../edit/init-hook.js';
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
import { defaultBranchName, gitTopLevel, hooksFolder } from '../../git/repo.js';
import { parseAsOf } from '../context.js';
import { errorText, UsageError } from '../errors.js';
import { type Io, writeFileAtomic } from '../io.js';
import { packageInfo } from '../version.js';

export interface InitOptions {
  /** Replace the files that exist instead of skipping them. */
  force?: boolean;
  /** Only write the schema copies (refreshing them) and point the editor settings at them. */
  schemas?: boolean;
  /** Only write the weekly measure workflow. */
  measure?: boolean;
  /** Only install the commit-msg hook that warns about unknown work trailers. */
  hooks?: boolean;
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
  if (options.hooks) {
    if (options.measure || options.schemas)
      throw new UsageError(
        `--hooks installs the hook alone; run okr init --${options.measure ? 'measure' : 'schemas'} on its own`,
      );
    return installCommitMsgHook(ctx, root);
  }
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
  const steps: Step[] = options.schemas ? [] : scaffoldSteps(root, day, target, Boolean(options.force));
  if (schemas.copies) steps.push(...schemaCopySteps(root, options));
  else if (options.schemas)
    ctx.io.out(`okr's schemas are in ${schemas.folder}/, where npm keeps them at okr's version\n`);
  const settings = settingsStep(ctx, root, schemas.folder, Boolean(options.force || options.schemas));
  if (settings === null) return 1;
  steps.push(settings);
  if (!writeSteps(ctx, root, steps)) return 1;
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

/** The scaffold's own files: config, strategy, the example (when no OKR file exists) and CI. */
function scaffoldSteps(root: string, day: number, target: InitTarget, force: boolean): Step[] {
  return initFiles(day, target).map((file): Step => {
    if (existsSync(join(root, file.path)))
      return force
        ? { ...file, verb: 'replaced' }
        : { path: file.path, skipped: 'it exists (okr init --force replaces it)' };
    if (file.path === examplePath(day) && hasOkrFiles(root))
      return { path: file.path, skipped: 'the repository already has OKR files under okrs/' };
    return { ...file, verb: 'created' };
  });
}

/** The copies of okr's schemas that are missing or of another version. */
function schemaCopySteps(root: string, options: InitOptions): Step[] {
  const steps: Step[] = [];
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
  return steps;
}

/**
 * The editor settings with okr's schemas merged in; null, after saying where on stderr, when the
 * user's settings cannot be read.
 */
function settingsStep(ctx: InitContext, root: string, folder: string, replace: boolean): Step | null {
  const settingsFile = join(root, SETTINGS);
  if (isDirectory(settingsFile)) return { path: SETTINGS, skipped: 'a folder' };
  const text = existsSync(settingsFile) ? readFileSync(settingsFile, 'utf8') : '';
  const merge = mergeSchemaSettings(text, schemaMappings(folder), replace);
  if (merge.kind === 'invalid') {
    ctx.io.err(`okr: ${SETTINGS}:${merge.line}:${merge.column}: ${merge.message}; nothing was written\n`);
    return null;
  }
  if (merge.kind === 'merged')
    return {
      path: SETTINGS,
      content: merge.text,
      verb: text === '' && !existsSync(settingsFile) ? 'created' : 'updated',
      detail: text === '' ? undefined : `yaml.schemas: ${merge.added.join(', ')}`,
    };
  return { path: SETTINGS, skipped: "its yaml.schemas already maps okr's schemas" };
}

/**
 * Writes the steps' files; false, after saying why on stderr, when a folder stands where a file
 * goes (then nothing is written) or a file cannot be written (then the files created are removed).
 */
function writeSteps(ctx: InitContext, root: string, steps: readonly Step[]): boolean {
  const folders = steps.filter((s) => isDirectory(join(root, s.path))).map((s) => s.path);
  if (folders.length > 0) {
    ctx.io.err(
      `okr: ${folders.join(', ')} is a folder where okr init writes a file; move it away; nothing was written\n`,
    );
    return false;
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
      return false;
    }
    if (step.verb === 'created') created.push(absolute);
  }
  return true;
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

/**
 * `okr init --hooks`: the commit-msg hook, in the folder git runs hooks from (`core.hooksPath`
 * respected). A hook of the user's own is never replaced; okr's own is rewritten when it differs.
 */
async function installCommitMsgHook(ctx: InitContext, root: string): Promise<number> {
  const top = await gitTopLevel(root);
  const hooks = top === null ? null : await hooksFolder(top);
  if (top === null || hooks === null) {
    ctx.io.err(
      errorText(
        `okr init --hooks: ${root} is not in a git repository, so there is no hook to install`,
        'run it in a clone of the repository, or "git init" first',
      ),
    );
    return 1;
  }
  const absolute = join(hooks, 'commit-msg');
  const below = relative(top, absolute);
  const shown = below.startsWith('..') || isAbsolute(below) ? absolute : below.split(sep).join('/');
  const content = commitMsgHook(relative(top, realpathSync(root)).split(sep).join('/') || '.');
  const exists = existsSync(absolute);
  if (exists && isDirectory(absolute)) {
    ctx.io.err(
      errorText(`${shown} is a folder where okr init writes the hook; move it away; nothing was written`),
    );
    return 1;
  }
  const text = exists ? readFileSync(absolute, 'utf8') : null;
  if (text !== null && !isOkrHook(text)) {
    ctx.io.err(
      errorText(
        `${shown} is a commit-msg hook of your own; okr init --hooks does not replace it, so nothing was written`,
        `to have it warn about unknown trailers too, add this line to it: okr work --check-message "$1"`,
      ),
    );
    return 1;
  }
  if (text === content && (statSync(absolute).mode & 0o111) !== 0) {
    ctx.io.out(`skipped ${shown}: it is okr's commit-msg hook, up to date\n`);
    return 0;
  }
  mkdirSync(hooks, { recursive: true });
  writeFileAtomic(absolute, content, 0o755);
  ctx.io.out(
    `${exists ? 'updated' : 'created'} ${shown}\n\nNext: end commit messages with a trailer such as "OKR: <objective-id>/<kr-id>"; the hook warns\nwhen it names no objective or key result, and never stops a commit. Git does not copy hooks\nwith a clone: run "okr init --hooks" in each one.\n`,
  );
  return 0;
}
