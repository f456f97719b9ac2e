import { Argument, Command, CommanderError, Option } from 'commander';
import type { CommandContext, GlobalOptions } from './context.js';
import { errorText, FatalError, UsageError } from './errors.js';
import { processIo } from './io.js';
import { withOutput } from './output.js';
import { version } from './version.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

type Action = (ctx: CommandContext, ...args: never[]) => Promise<number>;

/** -f/--format and -o/--output, which every command that prints a document takes (SPEC §13). */
function documentOptions(command: Command, formats: readonly string[], fallback: string): Command {
  return command
    .addOption(new Option('-f, --format <format>', 'output format').choices(formats).default(fallback))
    .option('-o, --output <file>', 'write to FILE instead of stdout (atomically; its folder must exist)');
}

/** The folder okr runs in, for `-o FILE`: `-C DIR` when given (checked when the context is made). */
const runFolder = (command: Command) => (command.optsWithGlobals() as GlobalOptions).C ?? '.';

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
      // Only a document goes to -o FILE (report writes its own file, with --out as an alias).
      const output = command.name() === 'report' ? undefined : (command.opts().output as string | undefined);
      const code = await withOutput(processIo, runFolder(command), output, async (io) => {
        const { commandContext } = await import('./context.js');
        const ctx = await commandContext(io, command.optsWithGlobals() as GlobalOptions);
        const run = await loading;
        return run(ctx, ...(args.slice(0, -1) as never[]));
      });
      setExitCode(code);
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
    .exitOverride()
    .configureOutput({
      writeOut: (s) => processIo.out(s),
      writeErr: (s) => processIo.err(s),
      // Commander's own errors take okr's one shape: "okr: …", then the hint (showHelpAfterError below).
      outputError: (s, write) =>
        write(s.replace(/^error: /, 'okr: ').replace(/\n\(Did you mean (.+)\?\)/, '; did you mean $1?')),
    });

  documentOptions(
    program.command('check'),
    ['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit'],
    'stylish',
  )
    .description('load, validate and lint the OKR files; exit 1 on errors')
    .argument('[paths...]', 'files or folders to report on (default: every OKR file)')
    .option('--max-warnings <n>', 'exit 1 when there are more than N warnings (-1: no limit)')
    .option('--quiet', 'report errors only')
    .option('--base <ref>', 'also report goalposts moved since this revision (moved-goalpost)')
    .action(
      withContext(async () => {
        const { runCheck } = await import('./commands/check.js');
        return (ctx: CommandContext, paths: string[], options: Parameters<typeof runCheck>[2]) =>
          runCheck(ctx, paths, options);
      }),
    );

  documentOptions(program.command('status'), ['table', 'json', 'markdown'], 'table')
    .description('show where every objective stands')
    .option('--tree', 'draw the alignment tree from the roots')
    .option('--krs', 'list key results under each objective')
    .option('--owner <owner>', 'only objectives of this owner (repeatable, comma-separated)', collect)
    .option('--cycle <cycle>', 'only objectives of this cycle (repeatable, comma-separated)', collect)
    .option('--status <status>', 'only objectives with this status (repeatable, comma-separated)', collect)
    .option('--at <rev>', 'the status as it was at this git revision (read from git, not checked out)')
    .action(
      withContext(async () => {
        const { runStatus } = await import('./commands/status.js');
        return (ctx: CommandContext, options: Parameters<typeof runStatus>[1]) => runStatus(ctx, options);
      }),
    );

  documentOptions(program.command('diff'), ['text', 'markdown', 'json'], 'text')
    .description('what a change does to the OKRs: added, removed, changed, progress, problems')
    .argument('[base]', 'revision to compare with (default: the merge-base with the default branch)')
    .argument('[head]', 'revision to compare (default: the working tree)')
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
    .command('close')
    .description('close a cycle: record closed: DATE in each of its files, after which its numbers are final')
    .argument('<cycle>', 'the cycle to close, e.g. 2026-Q4')
    .option('--date <date>', 'the day it closed, YYYY-MM-DD (default: --as-of, else today)')
    .action(
      withContext(async () => {
        const { runClose } = await import('./commands/close.js');
        return (ctx: CommandContext, cycle: string, options: { date?: string }) =>
          runClose(ctx, cycle, options);
      }),
    );

  program
    .command('rollover')
    .description('start cycle TO from FROM: new files holding the objectives carried over')
    .argument('<from>', 'the cycle to carry from, e.g. 2026-Q4')
    .argument('<to>', 'the cycle to start, e.g. 2027-Q1')
    .addOption(
      new Option('--carry <which>', 'which objectives to carry')
        .choices(['unfinished', 'all', 'none'])
        .default('unfinished'),
    )
    .option('--dry-run', 'print the files it would write, and write nothing')
    .action(
      withContext(async () => {
        const { runRollover } = await import('./commands/rollover.js');
        return (ctx: CommandContext, from: string, to: string, options: Parameters<typeof runRollover>[3]) =>
          runRollover(ctx, from, to, options);
      }),
    );

  documentOptions(program.command('graph'), ['mermaid', 'dot'], 'mermaid')
    .description('draw the alignment graph: objectives, and the KRs others align to')
    .addOption(new Option('--direction <dir>', 'mermaid: parents on top (BT) or top-down (TD)').default('BT'))
    .option('--owner <owner>', 'only objectives of this owner (repeatable, comma-separated)', collect)
    .option('--cycle <cycle>', 'only objectives of this cycle (repeatable, comma-separated)', collect)
    .action(
      withContext(async () => {
        const { runGraph } = await import('./commands/graph.js');
        return (ctx: CommandContext, options: Parameters<typeof runGraph>[1]) => runGraph(ctx, options);
      }),
    );

  documentOptions(program.command('history'), ['text', 'json'], 'text')
    .description('the value of a key result (or the progress of an objective) over time')
    .argument('<ref>', 'objective id, or objective-id/kr-id')
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

  documentOptions(program.command('report'), ['html'], 'html')
    .description('write a self-contained HTML dashboard of the OKRs')
    .addOption(new Option('--out <file>', 'the HTML file to write (as -o)').hideHelp())
    .action(
      withContext(async () => {
        const { runReport } = await import('./commands/report.js');
        return (ctx: CommandContext, options: { output?: string; out?: string }) =>
          runReport(ctx, { out: options.output ?? options.out });
      }),
    );

  documentOptions(program.command('rules'), ['text', 'json'], 'text')
    .description('list the rules with their default severity')
    .action(async (options: { format: string; output?: string }, command: Command) => {
      const { runRules } = await import('./commands/rules.js');
      const { colorFor } = await import('./io.js');
      const globals = command.optsWithGlobals() as GlobalOptions;
      const code = await withOutput(processIo, runFolder(command), options.output, async (io) =>
        runRules({ io, color: await colorFor(io, globals.color) }, options),
      );
      setExitCode(code);
    });

  documentOptions(program.command('config'), ['yaml', 'json'], 'yaml')
    .description('print the configuration okr runs with, defaults filled in')
    .action(
      withContext(async () => {
        const { runConfig } = await import('./commands/config.js');
        return (ctx: CommandContext, options: { format: string }) => runConfig(ctx, options);
      }),
    );

  program
    .command('completion')
    .description('print a shell completion script: okr completion bash|zsh|fish')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(['bash', 'zsh', 'fish']))
    .option('-o, --output <file>', 'write to FILE instead of stdout (atomically; its folder must exist)')
    .action(async (shell: string, options: { output?: string }, command: Command) => {
      const { runCompletion } = await import('./commands/completion.js');
      setExitCode(
        await withOutput(processIo, runFolder(command), options.output, async (io) =>
          runCompletion(io, program, shell),
        ),
      );
    });

  // A usage mistake names the command's help.
  program.showHelpAfterError('  hint: run "okr --help" for usage');
  for (const command of program.commands)
    command.showHelpAfterError(`  hint: run "okr ${command.name()} --help" for usage`);
  return program;
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
      for (const p of error.problems)
        processIo.err(errorText(`invalid configuration: ${p.file}:${p.line}:${p.column}: ${p.message}`));
      return 2;
    }
    if (error instanceof UsageError || error instanceof FatalError) {
      processIo.err(errorText(error.message, error.hint));
      return 2;
    }
    const detail = error instanceof Error ? error.message : String(error);
    const debug = process.env.DEBUG?.split(',').includes('okr') && error instanceof Error;
    processIo.err(
      errorText(
        `internal error: ${detail}`,
        debug
          ? undefined
          : 'run again with DEBUG=okr for details, and report it with the files that caused it',
      ),
    );
    if (debug) processIo.err(`${(error as Error).stack}\n`);
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
