import type { CommandContext, PlainContext } from '../context.js';
import type { InitOptions } from './init.js';

// Every command of okr, declared once: src/cli/main.ts builds the command line from this list, and
// `okr --help` and the completion scripts are read off what it builds. A command's module is loaded
// only when the command runs. Adding a command is adding an entry (docs/architecture.md).

/** An option of a command, as commander spells its flags (`-x, --long <value>`). */
export interface OptionSpec {
  flags: string;
  description: string;
  default?: string;
  /** The values it accepts; commander refuses any other. */
  choices?: readonly string[];
  /** Each use adds a value to a list (the command splits comma-separated ones). */
  repeatable?: true;
  /** Accepted, but left out of the help and of completion. */
  hidden?: true;
}

/** A positional argument: `<name>` required, `[name]` optional, `[name...]` any number. */
export interface ArgumentSpec {
  name: string;
  description: string;
  choices?: readonly string[];
}

/**
 * A command's function: its context, then the command's arguments in order and its options, as
 * commander parses them. `project` commands run at a root with its config (CommandContext); the
 * others with a PlainContext.
 */
type Runner<Ctx> = (ctx: Ctx, ...args: never[]) => Promise<number>;

interface Spec {
  name: string;
  description: string;
  arguments?: readonly ArgumentSpec[];
  /** `-f, --format` with these choices and this default, and `-o, --output FILE` (SPEC §13). */
  format?: { choices: readonly string[]; default: string };
  /** `-o, --output FILE` without `-f`. */
  output?: true;
  options?: readonly OptionSpec[];
  /** Writes its own file: `-o FILE` names it instead of taking what the command prints. */
  writesFile?: true;
}

export type CommandSpec = Spec &
  (
    | { context: 'project'; load: () => Promise<Runner<CommandContext>> }
    | { context: 'plain'; load: () => Promise<Runner<PlainContext>> }
  );

const owner: OptionSpec = {
  flags: '--owner <owner>',
  description: 'only objectives of this owner (repeatable, comma-separated)',
  repeatable: true,
};
const cycle: OptionSpec = {
  flags: '--cycle <cycle>',
  description: 'only objectives of this cycle (repeatable, comma-separated)',
  repeatable: true,
};

/** The commands, in the order `okr --help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'check',
    description: 'load, validate and lint the OKR files; exit 1 on errors',
    arguments: [
      { name: '[paths...]', description: 'files or folders to report on (default: every OKR file)' },
    ],
    format: { choices: ['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit'], default: 'stylish' },
    options: [
      {
        flags: '--max-warnings <n>',
        description: 'exit 1 when there are more than N warnings (-1: no limit)',
      },
      { flags: '--quiet', description: 'report errors only' },
      {
        flags: '--base <ref>',
        description: 'also report goalposts moved since this revision (moved-goalpost)',
      },
    ],
    context: 'project',
    load: async () => (await import('./check.js')).runCheck,
  },
  {
    name: 'status',
    description: 'show where every objective stands',
    format: { choices: ['table', 'json', 'markdown'], default: 'table' },
    options: [
      { flags: '--tree', description: 'draw the alignment tree from the roots' },
      { flags: '--krs', description: 'list key results under each objective' },
      owner,
      cycle,
      {
        flags: '--status <status>',
        description: 'only objectives with this status (repeatable, comma-separated)',
        repeatable: true,
      },
      {
        flags: '--at <rev>',
        description: 'the status as it was at this git revision (read from git, not checked out)',
      },
    ],
    context: 'project',
    load: async () => (await import('./status.js')).runStatus,
  },
  {
    name: 'diff',
    description: 'what a change does to the OKRs: added, removed, changed, progress, problems',
    arguments: [
      {
        name: '[base]',
        description: 'revision to compare with (default: the merge-base with the default branch)',
      },
      { name: '[head]', description: 'revision to compare (default: the working tree)' },
    ],
    format: { choices: ['text', 'markdown', 'json'], default: 'text' },
    context: 'project',
    load: async () => (await import('./diff.js')).runDiff,
  },
  {
    name: 'checkin',
    description: "record a key result's new value: set it and append a check-in, keeping the file's layout",
    arguments: [
      { name: '<kr-ref>', description: 'the key result, objective-id/kr-id' },
      {
        name: '<value>',
        description: 'a number (numeric, threshold), true/false (milestone) or 0..1 (judged)',
      },
    ],
    options: [
      { flags: '--confidence <c>', description: 'confidence of reaching the target, 0..1' },
      { flags: '--note <text>', description: 'what happened' },
      {
        flags: '--date <date>',
        description: 'day of the check-in, YYYY-MM-DD (default: --as-of, else today)',
      },
      { flags: '--dry-run', description: 'print the change as a diff and write nothing' },
    ],
    context: 'project',
    load: async () => (await import('./checkin.js')).runCheckin,
  },
  {
    name: 'measure',
    description: "read each key result's measure: (file, url, command) and record the values as check-ins",
    arguments: [
      {
        name: '[refs...]',
        description: 'objectives or key results (objective-id/kr-id) to measure (default: all)',
      },
    ],
    format: { choices: ['text', 'json'], default: 'text' },
    options: [
      {
        flags: '--date <date>',
        description: 'day of the check-ins, YYYY-MM-DD (default: --as-of, else today)',
      },
      { flags: '--dry-run', description: 'print what it would record and write nothing' },
    ],
    context: 'project',
    load: async () => (await import('./measure.js')).runMeasure,
  },
  {
    name: 'close',
    description: 'close a cycle: record closed: DATE in each of its files, after which its numbers are final',
    arguments: [{ name: '<cycle>', description: 'the cycle to close, e.g. 2026-Q4' }],
    options: [
      { flags: '--date <date>', description: 'the day it closed, YYYY-MM-DD (default: --as-of, else today)' },
    ],
    context: 'project',
    load: async () => (await import('./close.js')).runClose,
  },
  {
    name: 'grade',
    description: "score a cycle's objectives and key results, 0.0-1.0, as of its end",
    arguments: [{ name: '<cycle>', description: 'the cycle to grade, e.g. 2026-Q3' }],
    format: { choices: ['text', 'markdown', 'json', 'html'], default: 'text' },
    context: 'project',
    load: async () => (await import('./grade.js')).runGrade,
  },
  {
    name: 'rollover',
    description: 'start cycle TO from FROM: new files holding the objectives carried over',
    arguments: [
      { name: '<from>', description: 'the cycle to carry from, e.g. 2026-Q4' },
      { name: '<to>', description: 'the cycle to start, e.g. 2027-Q1' },
    ],
    options: [
      {
        flags: '--carry <which>',
        description: 'which objectives to carry',
        choices: ['unfinished', 'all', 'none'],
        default: 'unfinished',
      },
      { flags: '--dry-run', description: 'print the files it would write, and write nothing' },
    ],
    context: 'project',
    load: async () => (await import('./rollover.js')).runRollover,
  },
  {
    name: 'graph',
    description: 'draw the alignment graph: objectives, and the KRs others align to',
    format: { choices: ['mermaid', 'dot'], default: 'mermaid' },
    options: [
      {
        flags: '--direction <dir>',
        description: 'mermaid: parents on top (BT) or top-down (TD)',
        default: 'BT',
      },
      owner,
      cycle,
    ],
    context: 'project',
    load: async () => (await import('./graph.js')).runGraph,
  },
  {
    name: 'explain',
    description: 'where the progress and status of an objective or key result come from',
    arguments: [{ name: '<ref>', description: 'objective id, or objective-id/kr-id' }],
    format: { choices: ['text', 'json'], default: 'text' },
    context: 'project',
    load: async () => (await import('./explain.js')).runExplain,
  },
  {
    name: 'agenda',
    description: "the week's agenda per owner: what moved, what is stale, what is at risk or off track",
    format: { choices: ['markdown', 'text', 'json'], default: 'markdown' },
    options: [
      { flags: '--since <date>', description: 'what moved after this day (default: 7 days before --as-of)' },
      {
        flags: '--link-base <url>',
        description: 'links to lines under this URL (default on GitHub Actions: the commit built)',
      },
    ],
    context: 'project',
    load: async () => (await import('./agenda.js')).runAgenda,
  },
  {
    name: 'history',
    description: 'the value of a key result (or the progress of an objective) over time',
    arguments: [{ name: '<ref>', description: 'objective id, or objective-id/kr-id' }],
    format: { choices: ['text', 'json'], default: 'text' },
    context: 'project',
    load: async () => (await import('./history.js')).runHistory,
  },
  {
    name: 'work',
    description: 'the commits linked to each objective and KR by an "OKR: <id>" trailer',
    arguments: [{ name: '[ref]', description: 'only this objective or KR, and what is aligned below it' }],
    format: { choices: ['text', 'json', 'markdown'], default: 'text' },
    options: [
      {
        flags: '--since <date-or-rev>',
        description: 'only commits from this day (YYYY-MM-DD) or after this revision',
      },
      {
        flags: '--repo <path>',
        description: 'also read this local git repository (repeatable, comma-separated)',
        repeatable: true,
      },
      {
        flags: '--check-message <file>',
        description:
          'warn about trailers of this commit message that name no objective or KR (the commit-msg hook); exit 0',
      },
    ],
    context: 'project',
    load: async () => (await import('./work.js')).runWork,
  },
  {
    name: 'init',
    description:
      'scaffold a repository: config, strategy, an example OKR file, a CI workflow, editor schemas',
    options: [
      { flags: '--force', description: 'replace files that already exist' },
      { flags: '--schemas', description: "only refresh the copies of okr's JSON Schemas for the editor" },
      { flags: '--measure', description: 'only write the weekly okr measure workflow (okr-measure.yml)' },
      {
        flags: '--hooks',
        description: 'only install the commit-msg git hook that warns about unknown "OKR:" trailers',
      },
    ],
    context: 'plain',
    load: async () => {
      const { runInit } = await import('./init.js');
      // No config is loaded: init may be writing it. It runs in -C DIR, on the day --as-of names.
      return (ctx: PlainContext, options: InitOptions) =>
        runInit({ io: ctx.io, cwd: ctx.globals.C, asOf: ctx.globals.asOf }, options);
    },
  },
  {
    name: 'report',
    description: 'write a self-contained HTML dashboard of the OKRs',
    format: { choices: ['html'], default: 'html' },
    options: [{ flags: '--out <file>', description: 'the HTML file to write (as -o)', hidden: true }],
    writesFile: true,
    context: 'project',
    load: async () => (await import('./report.js')).runReport,
  },
  {
    name: 'rules',
    description: 'list the rules with their default severity',
    format: { choices: ['text', 'json'], default: 'text' },
    context: 'plain',
    load: async () => (await import('./rules.js')).runRules,
  },
  {
    name: 'config',
    description: 'print the configuration okr runs with, defaults filled in',
    format: { choices: ['yaml', 'json'], default: 'yaml' },
    context: 'project',
    load: async () => (await import('./config.js')).runConfig,
  },
  {
    name: 'completion',
    description: 'print a shell completion script: okr completion bash|zsh|fish',
    arguments: [
      { name: '<shell>', description: 'the shell to complete in', choices: ['bash', 'zsh', 'fish'] },
    ],
    output: true,
    context: 'plain',
    load: async () => (await import('./completion.js')).runCompletion,
  },
];
