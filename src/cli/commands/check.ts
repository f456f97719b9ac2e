import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readResults, resultKey, writeResults } from '../../check/result-cache.js';
import { toRepoPath } from '../../config/config.js';
import { countBySeverity, type Diagnostic } from '../../diagnostics.js';
import { formatCheckSummary } from '../../format/check-summary.js';
import { discoverFiles } from '../../load/discover.js';
import type { SourceCache } from '../../load/texts.js';
import { shownPath } from '../../paths.js';
import type { CommandContext } from '../context.js';
import { errorText, UsageError } from '../errors.js';
import { appendStepSummary } from '../summary.js';
import { version } from '../version.js';
import { noOkrFiles } from '../view.js';

export const CHECK_FORMATS = ['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit'] as const;
type CheckFormat = (typeof CHECK_FORMATS)[number];

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

/** The report in the chosen format; only that format's module is loaded. */
async function formatProblems(
  ctx: CommandContext,
  format: CheckFormat,
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
    case 'stylish':
      return (await import('../../format/stylish.js')).formatStylish(problems, ctx.color);
  }
}

const inScope = (file: string, scopes: readonly string[]) =>
  scopes.length === 0 || scopes.some((s) => s === '' || file === s || file.startsWith(`${s}/`));

/** The whole analysis of the working tree, its modules loaded only when it runs. */
async function analyzeWorktree(
  ctx: CommandContext,
  files: string[],
  base: string | undefined,
): Promise<Diagnostic[]> {
  const [{ analyze }, { loadWorktree }, { startCheckGitInputs }] = await Promise.all([
    import('../../analyze.js'),
    import('../../load/texts.js'),
    import('../git.js'),
  ]);
  const gitInputs = startCheckGitInputs(ctx, base);
  // The base shares most files with the working tree: each is parsed once.
  const cache: SourceCache = new Map();
  const load = loadWorktree(ctx.config, cache, files, ctx.cacheDir);
  const fromGit = await gitInputs(load.files, cache);
  return analyze(ctx.config, { asOf: ctx.asOf, load, ...fromGit }).diagnostics;
}

export async function runCheck(ctx: CommandContext, paths: string[], options: CheckOptions): Promise<number> {
  if (!(CHECK_FORMATS as readonly string[]).includes(options.format))
    throw new UsageError(`--format must be one of ${CHECK_FORMATS.join(', ')}, not "${options.format}"`);
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const { scopes, extraFiles } = scopeOf(ctx, paths);
  const files = [...new Set([...discoverFiles(ctx.config), ...extraFiles])]
    .filter((f) => f !== ctx.config.strategy)
    .sort();
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
  // Nothing changed since the last check: its diagnostics are this one's (see result-cache.ts).
  // With --base the results depend on another revision too: always computed.
  const key =
    ctx.cacheDir !== null && options.base === undefined
      ? resultKey({ config: ctx.config, asOf: ctx.asOf, files, env: process.env })
      : null;
  let diagnostics = key === null ? null : readResults(ctx.cacheDir!, key);
  if (diagnostics === null) {
    diagnostics = await analyzeWorktree(ctx, files, options.base);
    if (key !== null) writeResults(ctx.cacheDir!, key, diagnostics);
  }
  let problems: Diagnostic[] = diagnostics.filter((d) => inScope(d.file, scopes));
  if (options.quiet) problems = problems.filter((d) => d.severity === 'error');
  const text = await formatProblems(ctx, options.format as CheckFormat, problems, checked);
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
