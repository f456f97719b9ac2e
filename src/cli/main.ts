import { Argument, Command, CommanderError, Option } from 'commander';
import { COMMANDS, type CommandSpec, type OptionSpec } from './commands/index.js';
import type { GlobalOptions } from './context.js';
import { errorText, FatalError, UsageError } from './errors.js';
import { type Io, outputWritten, processIo } from './io.js';
import { withOutput } from './output.js';
import { version } from './version.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const output = () =>
  new Option('-o, --output <file>', 'write to FILE instead of stdout (atomically; its folder must exist)');

/** The folder okr runs in, for `-o FILE`: `-C DIR` when given (checked when the context is made). */
const runFolder = (command: Command) => (command.optsWithGlobals() as GlobalOptions).C ?? '.';

function optionOf(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.default !== undefined) option.default(spec.default);
  if (spec.choices) option.choices(spec.choices);
  if (spec.repeatable) option.argParser(collect);
  if (spec.hidden) option.hideHelp();
  return option;
}

/** Declares one command of the list on `program`: its arguments, then -f and -o, then its options. */
function declare(program: Command, spec: CommandSpec): Command {
  const command = program.command(spec.name).description(spec.description);
  for (const a of spec.arguments ?? []) {
    const argument = new Argument(a.name, a.description);
    command.addArgument(a.choices ? argument.choices(a.choices) : argument);
  }
  if (spec.format)
    command.addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(spec.format.choices)
        .default(spec.format.default),
    );
  if (spec.format || spec.output) command.addOption(output());
  for (const option of spec.options ?? []) command.addOption(optionOf(option));
  return command;
}

/**
 * Runs a command of the list: its module loads while its context is made (node reads the files
 * meanwhile), and what it prints goes to -o FILE when one is given. Resolves to the exit code.
 */
async function runCommand(program: Command, spec: CommandSpec, args: unknown[]): Promise<number> {
  const command = args[args.length - 1] as Command;
  const positional = args.slice(0, -1) as never[];
  const globals = command.optsWithGlobals() as GlobalOptions;
  // A command that writes its own file takes -o as the name of that file.
  const output = spec.writesFile ? undefined : (command.opts().output as string | undefined);
  const withIo = (run: (io: Io) => Promise<number>) => withOutput(processIo, runFolder(command), output, run);
  if (spec.context === 'plain') {
    const loading = spec.load();
    return withIo(async (io) => (await loading)({ io, globals, program }, ...positional));
  }
  const loading = spec.load();
  // Awaited below; a context that fails first (a usage error) must not leave it unhandled.
  loading.catch(() => {});
  return withIo(async (io) => {
    const { commandContext } = await import('./context.js');
    const ctx = await commandContext(io, globals);
    return (await loading)(ctx, ...positional);
  });
}

/** Builds the command line program from the list of commands; every action resolves to an exit code. */
export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('okr');
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
  for (const spec of COMMANDS)
    declare(program, spec).action(async (...args: unknown[]) =>
      setExitCode(await runCommand(program, spec, args)),
    );

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
    const debug = processIo.env.DEBUG?.split(',').includes('okr') && error instanceof Error;
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

// Not awaited at the top level, so that the build can bundle the CLI as CommonJS (scripts/bundle.mjs).
// Once the command is done and its output is in the descriptors, okr exits at once: waiting for the
// event loop to drain would only give the garbage collector time to tidy a heap about to be freed.
void main(process.argv).then((code) => {
  if (outputWritten()) process.exit(code);
  process.exitCode = code;
});
