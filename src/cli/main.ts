import { Command, CommanderError, Option } from 'commander';
import type { CommandContext, GlobalOptions } from './context.js';
import { FatalError, UsageError } from './errors.js';
import { processIo } from './io.js';
import { version } from './version.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

type Action = (ctx: CommandContext, ...args: never[]) => Promise<number>;

/** Builds the command line program; every action resolves to an exit code. */
export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('okr');
  const withContext =
    (action: () => Promise<Action>) =>
    async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      // The command's modules load while the context does: node reads their files meanwhile.
      const loading = action();
      // Awaited below; a context that fails first (a usage error) must not leave it unhandled.
      loading.catch(() => {});
      const { commandContext } = await import('./context.js');
      const ctx = await commandContext(processIo, command.optsWithGlobals() as GlobalOptions);
      const run = await loading;
      setExitCode(await run(ctx, ...(args.slice(0, -1) as never[])));
    };

  program
    .description('OKRs as code: validate, align, roll up and lint Objectives and Key Results kept in git')
    .version(version(), '-V, --version')
    .option('-C <dir>', 'run as if okr was started in DIR')
    .option('--config <file>', 'use this config file instead of okr.config.yaml at the root')
    .option('--as-of <date>', 'compute status for this date (YYYY-MM-DD) instead of today')
    .option('--no-color', 'no colours (also NO_COLOR; FORCE_COLOR forces them)')
    .option(
      '--cache-location <dir>',
      'keep the cache of loaded files in DIR (default: node_modules/.cache/okr at the root, when the root has node_modules)',
    )
    .option('--no-cache', 'neither read nor write the cache of loaded files')
    .showHelpAfterError('(run "okr --help" for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => processIo.out(s), writeErr: (s) => processIo.err(s) });

  program
    .command('check')
    .description('load, validate and lint the OKR files; exit 1 on errors')
    .argument('[paths...]', 'files or folders to report on (default: every OKR file)')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit'])
        .default('stylish'),
    )
    .option('--output <file>', 'write the report to FILE instead of stdout')
    .option('--max-warnings <n>', 'exit 1 when there are more than N warnings')
    .option('--quiet', 'report errors only')
    .option('--base <ref>', 'also report goalposts moved since this revision (moved-goalpost)')
    .action(
      withContext(async () => {
        const { runCheck } = await import('./commands/check.js');
        return (ctx: CommandContext, paths: string[], options: Parameters<typeof runCheck>[2]) =>
          runCheck(ctx, paths, options);
      }),
    );

  program
    .command('status')
    .description('show where every objective stands')
    .option('--tree', 'draw the alignment tree from the roots')
    .option('--krs', 'list key results under each objective')
    .option('--owner <owner>', 'only objectives of this owner (repeatable, comma-separated)', collect)
    .option('--cycle <cycle>', 'only objectives of this cycle (repeatable, comma-separated)', collect)
    .option('--status <status>', 'only objectives with this status (repeatable, comma-separated)', collect)
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'json', 'markdown'])
        .default('table'),
    )
    .option('--at <rev>', 'the status as it was at this git revision (read from git, not checked out)')
    .action(
      withContext(async () => {
        const { runStatus } = await import('./commands/status.js');
        return (ctx: CommandContext, options: Parameters<typeof runStatus>[1]) => runStatus(ctx, options);
      }),
    );

  program
    .command('diff')
    .description('what a change does to the OKRs: added, removed, changed, progress, problems')
    .argument('[base]', 'revision to compare with (default: the merge-base with the default branch)')
    .argument('[head]', 'revision to compare (default: the working tree)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'),
    )
    .action(
      withContext(async () => {
        const { runDiff } = await import('./commands/diff.js');
        return (ctx: CommandContext, base?: string, head?: string, options?: { format: string }) =>
          runDiff(ctx, base, head, options!);
      }),
    );

  program
    .command('checkin')
    .description("record a key result's new value: set it and append a check-in, keeping the file's layout")
    .argument('<kr-ref>', 'the key result, objective-id/kr-id')
    .argument('<value>', 'a number (numeric, threshold), true/false (milestone) or 0..1 (judged)')
    .option('--confidence <c>', 'confidence of reaching the target, 0..1')
    .option('--note <text>', 'what happened')
    .option('--date <date>', 'day of the check-in, YYYY-MM-DD (default: --as-of, else today)')
    .option('--dry-run', 'print the change as a diff and write nothing')
    .action(
      withContext(async () => {
        const { runCheckin } = await import('./commands/checkin.js');
        return (ctx: CommandContext, ref: string, value: string, options: Parameters<typeof runCheckin>[3]) =>
          runCheckin(ctx, ref, value, options);
      }),
    );

  program
    .command('graph')
    .description('draw the alignment graph: objectives, and the KRs others align to')
    .addOption(
      new Option('--format <format>', 'output format').choices(['mermaid', 'dot']).default('mermaid'),
    )
    .addOption(new Option('--direction <dir>', 'mermaid: parents on top (BT) or top-down (TD)').default('BT'))
    .option('--owner <owner>', 'only objectives of this owner (repeatable, comma-separated)', collect)
    .option('--cycle <cycle>', 'only objectives of this cycle (repeatable, comma-separated)', collect)
    .option('--output <file>', 'write the graph to FILE instead of stdout')
    .action(
      withContext(async () => {
        const { runGraph } = await import('./commands/graph.js');
        return (ctx: CommandContext, options: Parameters<typeof runGraph>[1]) => runGraph(ctx, options);
      }),
    );

  program
    .command('history')
    .description('the value of a key result (or the progress of an objective) over time')
    .argument('<ref>', 'objective id, or objective-id/kr-id')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(
      withContext(async () => {
        const { runHistory } = await import('./commands/history.js');
        return (ctx: CommandContext, ref: string, options: { format: string }) =>
          runHistory(ctx, ref, options);
      }),
    );

  program
    .command('init')
    .description(
      'scaffold a repository: config, strategy, an example OKR file, a CI workflow, editor schemas',
    )
    .option('--force', 'replace files that already exist')
    .option('--schemas', "only refresh the copies of okr's JSON Schemas for the editor")
    .action(async (options: { force?: boolean; schemas?: boolean }, command: Command) => {
      const { runInit } = await import('./commands/init.js');
      const globals = command.optsWithGlobals() as GlobalOptions;
      setExitCode(await runInit({ io: processIo, cwd: globals.C, asOf: globals.asOf }, options));
    });

  program
    .command('report')
    .description('write a self-contained HTML dashboard of the OKRs')
    .option('--out <file>', 'the HTML file to write (required)')
    .action(
      withContext(async () => {
        const { runReport } = await import('./commands/report.js');
        return (ctx: CommandContext, options: Parameters<typeof runReport>[1]) => runReport(ctx, options);
      }),
    );

  program
    .command('rules')
    .description('list the rules with their default severity')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: { format: string }, command: Command) => {
      const { runRules } = await import('./commands/rules.js');
      const { colorFor } = await import('./io.js');
      const color = await colorFor(processIo, (command.optsWithGlobals() as GlobalOptions).color);
      setExitCode(await runRules({ io: processIo, color }, options));
    });

  return program;
}

function printProblems(problems: FatalError['problems']): void {
  for (const p of problems) processIo.err(`  ${p.file}:${p.line}:${p.column}  ${p.message}\n`);
}

/** The one top-level catch: usage, config and git mistakes exit 2 with a clear line; so do bugs. */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.exitCode === 0
        ? 0
        : 2;
    }
    const { ConfigError } = await import('../config/config.js');
    if (error instanceof ConfigError) {
      processIo.err(`okr: invalid configuration:\n`);
      printProblems(error.problems);
      return 2;
    }
    if (error instanceof UsageError || error instanceof FatalError) {
      processIo.err(`okr: ${error.message}\n`);
      if (error instanceof FatalError) printProblems(error.problems);
      return 2;
    }
    const detail = error instanceof Error ? error.message : String(error);
    processIo.err(`okr: internal error: ${detail}\n`);
    if (process.env.DEBUG?.split(',').includes('okr') && error instanceof Error)
      processIo.err(`${error.stack}\n`);
    else
      processIo.err('Run again with DEBUG=okr for details, and report it with the files that caused it.\n');
    return 2;
  }
}

// A reader that stops early (\`okr status | head\`) is not an error.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

// Not awaited at the top level, so that the build can bundle the CLI as CommonJS (scripts/bundle.mjs).
void main(process.argv).then((code) => {
  process.exitCode = code;
});
