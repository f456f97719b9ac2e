import { parseDay } from '../../dates.js';
import { formatAgendaJson, formatAgendaMarkdown, formatAgendaText } from '../../format/agenda.js';
import { agenda } from '../../run/agenda.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { krFreshness } from '../freshness.js';
import { standingForView } from '../view.js';

export interface AgendaOptions {
  format: string;
  since?: string;
  linkBase?: string;
}

/**
 * Where links point: --link-base, else the commit being built on GitHub Actions (from the Io's
 * environment), else nowhere (`file#Lline` alone).
 */
function linkBase(ctx: CommandContext, given: string | undefined): string | null {
  if (given !== undefined) return given;
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = ctx.io.env;
  return server && repo && sha ? `${server}/${repo}/blob/${sha}` : null;
}

/** The week's agenda per owner: moved, stale, at risk or off track (README "A weekly measure job"). */
export async function runAgenda(ctx: CommandContext, options: AgendaOptions): Promise<number> {
  const since = options.since === undefined ? ctx.asOf - 7 : parseDay(options.since);
  if (since === null) throw new UsageError(`--since takes a real date YYYY-MM-DD, not "${options.since}"`);
  const analysis = await standingForView(ctx, undefined, 'agenda');
  if (!analysis) return 2;
  const result = agenda(analysis, await krFreshness(ctx, analysis), since, linkBase(ctx, options.linkBase));
  const format = options.format;
  ctx.io.out(
    format === 'json'
      ? formatAgendaJson(result)
      : format === 'text'
        ? formatAgendaText(result)
        : formatAgendaMarkdown(result),
  );
  return 0;
}
