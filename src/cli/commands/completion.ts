import type { Command, Option } from 'commander';
import {
  type CompletionCommand,
  type CompletionOption,
  type CompletionSpec,
  formatCompletion,
  type Shell,
} from '../../format/completion.js';
import type { PlainContext } from '../context.js';

// Options whose value is a file or a folder: their values complete to paths.
const FILE_VALUES = new Set(['config', 'output', 'out', 'check-message']);
const FOLDER_VALUES = new Set(['C', 'cache-location', 'repo']);

function completionOption(option: Option): CompletionOption {
  const short = option.short?.replace(/^-/, '') ?? null;
  const long = option.long?.replace(/^--/, '') ?? null;
  const key = long ?? short ?? '';
  const value: CompletionOption['value'] =
    !option.required && !option.optional
      ? null
      : option.argChoices
        ? { choices: option.argChoices }
        : FILE_VALUES.has(key)
          ? 'file'
          : FOLDER_VALUES.has(key) || (short !== null && FOLDER_VALUES.has(short))
            ? 'folder'
            : 'any';
  return { short, long, description: option.description, value };
}

const HELP: CompletionOption = { short: 'h', long: 'help', description: 'show help', value: null };

function completionCommand(command: Command): CompletionCommand {
  const first = command.registeredArguments[0];
  const argument: CompletionCommand['argument'] = !first
    ? 'none'
    : first.argChoices
      ? { choices: first.argChoices }
      : /path|file/.test(first.name())
        ? 'file'
        : 'none';
  return {
    name: command.name(),
    description: command.description(),
    options: [...command.options.filter((o) => !o.hidden).map(completionOption), HELP],
    argument,
  };
}

/** The program's commands and options as the completion scripts need them: nothing listed by hand. */
export function completionSpec(program: Command): CompletionSpec {
  return {
    name: program.name(),
    options: [...program.options.filter((o) => !o.hidden).map(completionOption), HELP],
    commands: program.commands.map(completionCommand),
  };
}

export async function runCompletion(ctx: PlainContext, shell: string): Promise<number> {
  ctx.io.out(formatCompletion(completionSpec(ctx.program), shell as Shell));
  return 0;
}
