import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { toRepoPath } from '../../config/config.js';
import { countBySeverity, type Diagnostic } from '../../diagnostics.js';
import { formatCheckSummary } from '../../format/check-summary.js';
import { shownPath } from '../../paths.js';
import { checkWorktree, filesToCheck } from '../../run/check.js';
import type { CommandContext } from '../context.js';
import { errorText, UsageError } from '../errors.js';
import { gitCommand } from '../git-command.js';
import { appendStepSummary } from '../summary.js';
import { version } from '../version.js';
import { noOkrFiles } from '../view.js';

export interface CheckOptions {
  format: string;
  maxWarnings?: string;
  quiet?: boolean;
  base?: string;
}

/** `--max-warnings N`: at most N warnings; -1 (as in ESLint) or no option: no limit. */
function parseMaxWarnings(text: string | undefined): number {
  if (text === undefined || text === '-1') return Number.POSITIVE_INFINITY;
  if (!/^\d+$/.test(text))
    throw new UsageError(
      `--max-warnings takes a whole number >= 0, or -1 for no limit, not "${text}"`,
      'write for example "--max-warnings 0" to fail on any warning',
    );
  return Number(text);
}

/** Repository-relative forms of the PATH arguments; each must exist. */
function scopeOf(ctx: CommandContext, paths: readonly string[]): { scopes: string[]; extraFiles: string[] } {
  const scopes: string[] = [];
  const extraFiles: string[] = [];
  for (const p of paths) {
    const absolute = resolve(ctx.cwd, p);
    if (!existsSync(absolute)) throw new UsageError(`no such file or folder: ${p}`);
    const rel = toRepoPath(ctx.root, absolute);
    if (rel.startsWith('..')) throw new UsageError(`${p} is outside the repository at ${ctx.root}`);
    // Problems name files as output does (from the git top level); the scope is matched against them.
    scopes.push(rel === '' ? ctx.config.pathPrefix.replace(/\/$/, '') : shownPath(ctx.config, rel));
    if (statSync(absolute).isFile() && /\.ya?ml$/i.test(rel)) extraFiles.push(rel);
  }
  return { scopes, extraFiles };
}

/** The report in the chosen format (one of those commands/index.ts lists); only its module is loaded. */
async function formatProblems(
  ctx: CommandContext,
  format: string,
  problems: readonly Diagnostic[],
  checked: readonly string[],
): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../../format/json.js')).formatJson(problems, checked.length);
    case 'sarif': {
      const [{ formatSarif }, { ruleMetas }] = await Promise.all([
        import('../../format/sarif.js'),
        import('../../lint/registry.js'),
      ]);
      return formatSarif(problems, { version: version(), rules: ruleMetas() });
    }
    case 'github':
      return (await import('../../format/github.js')).formatGithub(problems);
    case 'gitlab':
      return (await import('../../format/gitlab.js')).formatGitlab(problems);
    case 'junit':
      return (await import('../../format/junit.js')).formatJunit(problems, { files: checked });
    default:
      return (await import('../../format/stylish.js')).formatStylish(problems, ctx.color);
  }
}

const inScope = (file: string, scopes: readonly string[]) =>
  scopes.length === 0 || scopes.some((s) => s === '' || file === s || file.startsWith(`${s}/`));

export async function runCheck(ctx: CommandContext, paths: string[], options: CheckOptions): Promise<number> {
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const { scopes, extraFiles } = scopeOf(ctx, paths);
  const files = filesToCheck(ctx.config, extraFiles);
  const checked = files
    .filter((f) => inScope(shownPath(ctx.config, f), scopes))
    .map((f) => shownPath(ctx.config, f));
  if (checked.length === 0) {
    if (scopes.length > 0)
      ctx.io.err(
        errorText(
          `no OKR files matched ${paths.join(', ')} in ${ctx.root}`,
          `name OKR files or folders that "include" in okr.config.yaml covers (${ctx.config.include.join(', ')})`,
        ),
      );
    else noOkrFiles(ctx, 'check');
    return 2;
  }
  const { diagnostics, notes } = await gitCommand(() =>
    checkWorktree({
      config: ctx.config,
      asOf: ctx.asOf,
      env: ctx.io.env,
      files,
      cacheDir: ctx.cacheDir,
      ...(options.base === undefined ? {} : { base: { rev: options.base, command: 'okr check --base' } }),
    }),
  );
  for (const note of notes) ctx.io.err(note);
  let problems: Diagnostic[] = diagnostics.filter((d) => inScope(d.file, scopes));
  if (options.quiet) problems = problems.filter((d) => d.severity === 'error');
  const text = await formatProblems(ctx, options.format, problems, checked);
  appendStepSummary(ctx.io.env, formatCheckSummary(problems, { fileCount: checked.length }));
  ctx.io.out(text);
  const { errorCount, warningCount } = countBySeverity(problems);
  if (errorCount > 0) return 1;
  if (warningCount > maxWarnings) {
    ctx.io.err(
      errorText(
        `too many warnings (${warningCount}); at most ${maxWarnings} are allowed by --max-warnings`,
        'fix the warnings, or raise --max-warnings (-1: no limit)',
      ),
    );
    return 1;
  }
  return 0;
}
