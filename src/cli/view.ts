import { join } from 'node:path';
import { CONFIG_FILE, configFoldersBelow, toRepoPath } from '../config/config.js';
import { terminalLine } from '../format/text.js';
import type { LoadResult } from '../load/load.js';
import { shownPath } from '../paths.js';
import type { Standing } from '../rollup/standing.js';
import { type FailedFile, viewStanding } from '../run/view.js';
import { discoverFiles } from '../source/discover.js';
import type { CommandContext } from './context.js';
import { errorText } from './errors.js';

/**
 * Says on stderr that no OKR file matched (the command then exits 2). Run from the top of a
 * monorepo that keeps its OKRs in a subfolder, it names the okr.config.yaml files found below and
 * how to run okr there.
 */
export function noOkrFiles(
  ctx: CommandContext,
  command: string,
  below: readonly string[] = ctx.config.file === null ? configFoldersBelow(ctx.root) : [],
): void {
  if (below.length === 0) {
    ctx.io.err(
      errorText(
        `no OKR files matched ${ctx.config.include.join(', ')} in ${ctx.root}`,
        'check "include" in okr.config.yaml, or run "okr init" to start',
      ),
    );
    return;
  }
  const listed = below.slice(0, 5).map((folder) => `${folder}/${CONFIG_FILE}`);
  const more = below.length > listed.length ? ` and ${below.length - listed.length} more` : '';
  const folder = toRepoPath(ctx.cwd, join(ctx.root, below[0]!)) || '.';
  ctx.io.err(
    errorText(
      `no ${CONFIG_FILE} and no OKR files in ${ctx.root}, but ${listed.join(', ')}${more} ${below.length === 1 ? 'lies' : 'lie'} below it`,
      `run okr where the OKRs are: "okr -C ${folder} ${command}"; in the GitHub Action, set "working-directory: ${below[0]}"`,
    ),
  );
}

/**
 * True, after pointing at them on stderr, when the root has no config and no OKR file but
 * okr.config.yaml files lie below it (the top of a monorepo): for the commands that read git rather
 * than the working tree's files (diff, history), which would otherwise answer with nothing.
 */
export function pointedBelow(ctx: CommandContext, command: string): boolean {
  if (ctx.config.file !== null || discoverFiles(ctx.config).length > 0) return false;
  const below = configFoldersBelow(ctx.root);
  if (below.length === 0) return false;
  noOkrFiles(ctx, command, below);
  return true;
}

/** False, after saying why on stderr, when no OKR file matched (exit 2). */
function anyFiles(ctx: CommandContext, result: Standing, command: string): boolean {
  if (result.load.fileCount > 0) return true;
  noOkrFiles(ctx, command);
  return false;
}

/** Names on stderr each file that failed to load, with the number of its errors. */
export function reportFailed(ctx: CommandContext, failed: readonly FailedFile[]): void {
  for (const { path, errors } of failed) {
    const shown = shownPath(ctx.config, path);
    const fromHere = toRepoPath(ctx.cwd, join(ctx.root, path));
    ctx.io.err(
      errorText(
        `${terminalLine(shown)} has ${errors} error${errors === 1 ? '' : 's'}; what they concern is not shown`,
        `run "okr check ${terminalLine(fromHere)}" for details`,
      ),
    );
  }
}

/**
 * What status and graph show, which is no problem (run/view.ts): null (exit 2) when no OKR file
 * matched. Files that failed to load are named on stderr; the rest is shown.
 */
export async function standingForView(
  ctx: CommandContext,
  load?: LoadResult,
  command = 'status',
): Promise<Standing | null> {
  const { standing, failed } = await viewStanding(ctx.config, {
    asOf: ctx.asOf,
    cacheDir: ctx.cacheDir,
    ...(load ? { load } : {}),
  });
  if (!anyFiles(ctx, standing, command)) return null;
  reportFailed(ctx, failed);
  return standing;
}
