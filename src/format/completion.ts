/** What a completion script needs to know of an option. */
export interface CompletionOption {
  /** Short flag without the dash ("f"), or null. */
  short: string | null;
  /** Long flag without the dashes ("format"), or null. */
  long: string | null;
  description: string;
  /** What its value completes to; null for a flag that takes no value. */
  value: { choices: readonly string[] } | 'file' | 'folder' | 'any' | null;
}

export interface CompletionCommand {
  name: string;
  description: string;
  options: readonly CompletionOption[];
  /** What a positional argument completes to: choices, files, or nothing in particular. */
  argument: { choices: readonly string[] } | 'file' | 'none';
}

/** The command line as completion scripts see it, read off the program's own declarations. */
export interface CompletionSpec {
  name: string;
  options: readonly CompletionOption[];
  commands: readonly CompletionCommand[];
}

export type Shell = 'bash' | 'zsh' | 'fish';

const flagsOf = (o: CompletionOption) => [
  ...(o.short ? [`-${o.short}`] : []),
  ...(o.long ? [`--${o.long}`] : []),
];

/** The bash words that complete an option's value, or null to fall back to file names. */
function bashValue(o: CompletionOption): string {
  if (o.value === null) return '';
  if (o.value === 'file') return 'COMPREPLY=($(compgen -f -- "$cur")); return';
  if (o.value === 'folder') return 'COMPREPLY=($(compgen -d -- "$cur")); return';
  if (o.value === 'any') return 'return';
  return `COMPREPLY=($(compgen -W "${o.value.choices.join(' ')}" -- "$cur")); return`;
}

function bashValueCases(options: readonly CompletionOption[], indent: string): string {
  return options
    .filter((o) => o.value !== null)
    .map((o) => `${indent}${flagsOf(o).join('|')}) ${bashValue(o)};;`)
    .join('\n');
}

function bash(spec: CompletionSpec): string {
  const name = spec.name;
  const globalWords = spec.options.flatMap(flagsOf);
  const globalValues = spec.options.filter((o) => o.value !== null).flatMap(flagsOf);
  const commandCases = spec.commands
    .map((c) => {
      const words = [...c.options.flatMap(flagsOf), ...globalWords].join(' ');
      const positional =
        c.argument === 'none' || c.argument === 'file'
          ? ''
          : `\n      [[ "$cur" != -* ]] && { COMPREPLY=($(compgen -W "${c.argument.choices.join(' ')}" -- "$cur")); return; }`;
      return `    ${c.name})
      case "$prev" in
${bashValueCases([...c.options, ...spec.options], '        ')}
      esac${positional}
      [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "${words}" -- "$cur"))
      ;;`;
    })
    .join('\n');
  return `# ${name} completion for bash. Load it with: source <(${name} completion bash)
_${name}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" command="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${globalValues.join('|')}) ((i++)) ;;
      -*) ;;
      *) command="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  COMPREPLY=()
  case "$command" in
    "")
      case "$prev" in
${bashValueCases(spec.options, '        ')}
      esac
      COMPREPLY=($(compgen -W "${[...spec.commands.map((c) => c.name), ...globalWords].join(' ')}" -- "$cur"))
      ;;
${commandCases}
  esac
}
complete -o default -F _${name} ${name}
`;
}

/** Text inside a zsh _arguments spec in single quotes. */
const zshText = (text: string) => text.replace(/'/g, `'\\''`).replace(/[[\]]/g, '').replace(/:/g, '\\:');

function zshValue(o: CompletionOption): string {
  if (o.value === null) return '';
  if (o.value === 'file') return ':file:_files';
  if (o.value === 'folder') return ':folder:_files -/';
  if (o.value === 'any') return ':value: ';
  return `:value:(${o.value.choices.join(' ')})`;
}

function zshSpecs(options: readonly CompletionOption[]): string[] {
  return options.flatMap((o) =>
    flagsOf(o).map((flag) => `'${flag}[${zshText(o.description)}]${zshValue(o)}'`),
  );
}

function zsh(spec: CompletionSpec): string {
  const name = spec.name;
  const commands = spec.commands.map((c) => `    '${zshText(c.name)}:${zshText(c.description)}'`).join('\n');
  const cases = spec.commands
    .map((c) => {
      const argument =
        c.argument === 'file'
          ? [`'*:file:_files'`]
          : c.argument === 'none'
            ? []
            : [`'1:${c.name}:(${c.argument.choices.join(' ')})'`];
      const specs = [...zshSpecs(c.options), ...argument];
      return `        ${c.name}) _arguments ${specs.join(' ')} ;;`;
    })
    .join('\n');
  return `#compdef ${name}
# ${name} completion for zsh. Load it with: source <(${name} completion zsh), or save it as _${name} in a folder of $fpath.
_${name}() {
  local -a commands
  commands=(
${commands}
  )
  local state
  _arguments -C ${zshSpecs(spec.options).join(' ')} '1: :->command' '*:: :->argument'
  case $state in
    command) _describe -t commands '${name} command' commands ;;
    argument)
      case $words[1] in
${cases}
      esac
      ;;
  esac
}
if [[ "\${funcstack[1]}" == "_${name}" ]]; then
  _${name} "$@"
else
  compdef _${name} ${name}
fi
`;
}

/** Text inside single quotes in fish. */
const fishText = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fishOption(name: string, condition: string | null, o: CompletionOption): string {
  const parts = [`complete -c ${name}`];
  if (condition) parts.push(`-n ${fishText(condition)}`);
  if (o.short) parts.push(`-s ${o.short}`);
  if (o.long) parts.push(`-l ${o.long}`);
  if (o.value === 'file') parts.push('-r -F');
  else if (o.value === 'folder') parts.push("-x -a '(__fish_complete_directories)'");
  else if (o.value === 'any') parts.push('-x');
  else if (o.value !== null) parts.push(`-x -a ${fishText(o.value.choices.join(' '))}`);
  parts.push(`-d ${fishText(o.description)}`);
  return parts.join(' ');
}

function fish(spec: CompletionSpec): string {
  const name = spec.name;
  const lines = [
    `# ${name} completion for fish. Load it with: ${name} completion fish | source`,
    `complete -c ${name} -f`,
    ...spec.options.map((o) => fishOption(name, null, o)),
    ...spec.commands.map(
      (c) => `complete -c ${name} -n __fish_use_subcommand -a ${c.name} -d ${fishText(c.description)}`,
    ),
  ];
  for (const c of spec.commands) {
    const when = `__fish_seen_subcommand_from ${c.name}`;
    lines.push(...c.options.map((o) => fishOption(name, when, o)));
    if (c.argument === 'file') lines.push(`complete -c ${name} -n ${fishText(when)} -F`);
    else if (c.argument !== 'none')
      lines.push(`complete -c ${name} -n ${fishText(when)} -a ${fishText(c.argument.choices.join(' '))}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `okr completion SHELL`: a script for the shell, from the program's commands and options. */
export function formatCompletion(spec: CompletionSpec, shell: Shell): string {
  return shell === 'bash' ? bash(spec) : shell === 'zsh' ? zsh(spec) : fish(spec);
}
