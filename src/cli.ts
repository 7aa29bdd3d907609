/**
 * The CLI edge: declares the commands, loads a command's module only when it runs, and is
 * the one place that turns errors into messages and exit codes. Every word it prints comes
 * from the user's language's catalogue, commander's own messages too.
 */
import { Command, CommanderError, type Option } from 'commander';
import { CsqError, ExitCode, problem } from './errors.js';
import type { SchemaKind } from './core/json-schema.js';
import { nearest } from './core/nearest.js';
import type { Messages } from './i18n/en.js';
import { fill } from './i18n/format.js';
import { setUiLang, SUPPORTED_LANGS, uiMessages } from './i18n/index.js';
import { stdoutMayBeTerminal, writeStderr, writeStdout } from './io/stdio.js';
import { setColor } from './render/color.js';
import { formatProblems } from './render/problems.js';

declare const __CSQ_VERSION__: string;
const VERSION = typeof __CSQ_VERSION__ === 'string' ? __CSQ_VERSION__ : '0.0.0-dev';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * commander, with its error messages said in the catalogue's words. commander reports each
 * of these through one method (marked private in its source, stable in the pinned version):
 * each becomes a typed problem, printed like every other.
 */
class CsqCommand extends Command {
  override createCommand(name?: string): Command {
    return new CsqCommand(name);
  }
  unknownOption(flag: string): never {
    // `csq reprot a.yaml -o x.md` reaches the default command, which takes no operand: the command is what is wrong.
    const operand = this.args.find((arg) => !arg.startsWith('-'));
    if (this.registeredArguments.length === 0 && operand !== undefined && this.parent?.commands.includes(this)) unknownCommand(this, operand);
    const known = this.options.flatMap((o: Option) => (o.long ? [o.long] : []));
    const near = flag.startsWith('--') ? nearest(flag, known) : undefined;
    throw new CsqError(problem('unknown-option', { option: flag }, near ? { hint: 'did-you-mean', hintValues: { name: near } } : {}));
  }
  unknownCommand(): never {
    return unknownCommand(this, this.args[0] ?? '');
  }
  missingArgument(name: string): never {
    throw new CsqError(problem('missing-argument', { argument: name, command: this.name() }));
  }
  optionMissingArgument(option: Option): never {
    throw new CsqError(problem('option-missing-argument', { option: option.flags }));
  }
  _excessArguments(received: string[]): void {
    // Commander asks this even of a command that allows excess arguments (the default one).
    if ((this as unknown as { _allowExcessArguments: boolean })._allowExcessArguments) return;
    throw new CsqError(problem('excess-arguments', { command: this.name(), count: this.registeredArguments.length, found: received.length }));
  }
}

function unknownCommand(program: Command, name: string): never {
  const commands = (program.parent ?? program).commands.map((c) => c.name());
  const near = nearest(name, commands);
  throw new CsqError(problem('unknown-command', { name }, near ? { hint: 'did-you-mean-command', hintValues: { name: near } } : { hint: 'see-help' }));
}

function helpText(m: Messages, examples: readonly string[], note?: string): string {
  return `\n${m.cli.examples}\n${examples.map((l) => `  ${l}`).join('\n')}\n${note ? `\n${note}\n` : ''}`;
}

export function buildProgram(m: Messages): Command {
  const c = m.cli;
  const titles: Record<string, string> = {
    'Usage:': c.titles.usage,
    'Options:': c.titles.options,
    'Commands:': c.titles.commands,
    'Arguments:': c.titles.arguments,
    'Global Options:': c.titles.globalOptions,
  };
  const program = new CsqCommand('csq')
    .description(c.description)
    .version(VERSION, '-V, --version', c.version)
    .helpOption('-h, --help', c.help)
    .helpCommand('help [command]', c.helpCommand)
    .option('--no-color', c.noColor)
    .configureHelp({ styleTitle: (title) => titles[title] ?? title })
    .configureOutput({
      writeOut: writeStdout,
      writeErr: writeStderr,
      // Looked up only on what may be a terminal: process.stdout would set up a stream just to ask.
      getOutHelpWidth: () => (stdoutMayBeTerminal() ? process.stdout.columns : undefined) ?? 80,
      getOutHasColors: () => stdoutMayBeTerminal() && process.stdout.hasColors?.() === true,
    })
    .exitOverride()
    .addHelpText('after', `${helpText(m, c.programExamples)}\n${c.exitCodes}\n`);
  program.hook('preAction', () => {
    if (program.opts().color === false) {
      setColor(false);
      // The prompts' library colours by the environment, as every NO_COLOR-aware tool does.
      process.env.NO_COLOR = '1';
      delete process.env.FORCE_COLOR;
    }
  });

  const a = c.assess;
  program
    .command('assess', { isDefault: true })
    .description(a.description)
    .helpOption('-h, --help', c.help)
    .option('--answers <file>', a.answers)
    .option('--out <dir>', a.out)
    .option('--lang <code>', fill(a.lang, { langs: SUPPORTED_LANGS.join(', ') }))
    .option('--questionnaire <file>', a.questionnaire)
    .option('--force', a.force)
    // `csq reprot a.yaml` reaches the default command: say it is an unknown command, not too many arguments.
    .allowExcessArguments()
    .addHelpText('after', helpText(m, a.examples, a.note))
    .action(async function (this: Command, options) {
      if (this.args.length > 0) unknownCommand(this, this.args[0]!);
      const { assess } = await import('./commands/assess.js');
      process.exitCode = await assess(options);
    });

  const r = c.report;
  program
    .command('report')
    .description(r.description)
    .helpOption('-h, --help', c.help)
    .argument('[files...]', r.files)
    .option('-o, --output <file>', r.output)
    .option('--out-dir <dir>', r.outDir)
    .option('-f, --format <format>', r.format)
    .option('--paper <size>', c.paper)
    .option('--example', r.example)
    .option('--template <file>', r.template)
    .option('--questionnaire <file>', r.questionnaire)
    .option('--lang <code>', fill(r.lang, { langs: SUPPORTED_LANGS.join(', ') }))
    .option('--min-score <percent>', r.minScore)
    .option('--min-section <id=percent>', r.minSection, collect)
    .option('--customers <file>', r.customers)
    .option('--history <dir>', r.history)
    .option('--force', r.force)
    .option('-q, --quiet', c.quiet)
    .addHelpText('after', helpText(m, r.examples))
    .action(async (files: string[], options) => {
      const { report } = await import('./commands/report.js');
      process.exitCode = await report(files, options);
    });

  const v = c.validate;
  program
    .command('validate')
    .description(v.description)
    .helpOption('-h, --help', c.help)
    .argument('<files...>', v.files)
    .option('--questionnaire <file>', v.questionnaire)
    .option('--lang <code>', v.lang)
    .option('-f, --format <format>', v.format)
    .option('-q, --quiet', v.quiet)
    .addHelpText('after', helpText(m, v.examples))
    .action(async (files: string[], options) => {
      const { validate } = await import('./commands/validate.js');
      process.exitCode = await validate(files, options);
    });

  const i = c.init;
  program
    .command('init')
    .description(i.description)
    .helpOption('-h, --help', c.help)
    .argument('[file]', i.file)
    .option('--no-staff', i.noStaff)
    .option('--lang <code>', i.lang)
    .option('--questionnaire <file>', i.questionnaire)
    .option('--schema <url>', i.schema)
    .option('--force', i.force)
    .option('-q, --quiet', c.quiet)
    .addHelpText('after', helpText(m, i.examples))
    .action(async (file: string | undefined, options) => {
      const { init } = await import('./commands/init.js');
      process.exitCode = await init(file, options);
    });

  const s = c.schema;
  program
    .command('schema')
    .description(s.description)
    .helpOption('-h, --help', c.help)
    .argument('<kind>', s.kind)
    .option('--lang <code>', s.lang)
    .option('--questionnaire <file>', s.questionnaire)
    .addHelpText('after', helpText(m, s.examples))
    .action(async (kind: string, options) => {
      const { schema } = await import('./commands/schema.js');
      process.exitCode = await schema(kind as SchemaKind, options);
    });

  const k = c.compare;
  program
    .command('compare')
    .description(k.description)
    .helpOption('-h, --help', c.help)
    .argument('<before>', k.before)
    .argument('<after>', k.after)
    .option('-f, --format <format>', k.format)
    .option('--fail-on-drop <points>', k.failOnDrop)
    .option('--lang <code>', k.lang)
    .option('--questionnaire <file>', k.questionnaire)
    .addHelpText('after', helpText(m, k.examples))
    .action(async (before: string, after: string, options) => {
      const { compare } = await import('./commands/compare.js');
      process.exitCode = await compare(before, after, { ...options, format: options.format ?? 'text' });
    });

  const t = c.team;
  program
    .command('team')
    .description(t.description)
    .helpOption('-h, --help', c.help)
    .argument('<files...>', t.files)
    .option('-o, --output <file>', t.output)
    .option('-f, --format <format>', t.format)
    .option('--paper <size>', c.paper)
    .option('--lang <code>', t.lang)
    .option('--questionnaire <file>', t.questionnaire)
    .option('--template <file>', t.template)
    .option('--vision-from <file>', t.visionFrom)
    .option('--force', t.force)
    .option('-q, --quiet', c.quiet)
    .addHelpText('after', helpText(m, t.examples, t.note))
    .action(async (files: string[], options) => {
      const { team } = await import('./commands/team.js');
      process.exitCode = await team(files, options);
    });

  const p = c.poster;
  program
    .command('poster')
    .description(p.description)
    .helpOption('-h, --help', c.help)
    .argument('<file>', p.file)
    .option('-o, --output <file>', p.output)
    .option('-f, --format <format>', p.format)
    .option('--paper <size>', c.paper)
    .option('--lang <code>', fill(p.lang, { langs: SUPPORTED_LANGS.join(', ') }))
    .option('--questionnaire <file>', p.questionnaire)
    .option('--force', p.force)
    .option('-q, --quiet', c.quiet)
    .addHelpText('after', helpText(m, p.examples))
    .action(async (file: string, options) => {
      const { poster } = await import('./commands/poster.js');
      process.exitCode = await poster(file, options);
    });

  const sv = c.survey;
  const survey = program.command('survey').description(sv.description).helpOption('-h, --help', c.help);
  survey
    .command('make')
    .description(sv.make.description)
    .helpOption('-h, --help', c.help)
    .option('-o, --output <file>', sv.make.output)
    .option('--paper <size>', c.paper)
    .option('--competitor <name>', sv.make.competitor)
    .option('--lang <code>', fill(sv.make.lang, { langs: SUPPORTED_LANGS.join(', ') }))
    .option('--no-staff', sv.make.noStaff)
    .option('--questionnaire <file>', sv.make.questionnaire)
    .option('--force', sv.make.force)
    .addHelpText('after', helpText(m, sv.make.examples))
    .action(async (options) => {
      const { surveyMake } = await import('./commands/survey.js');
      process.exitCode = await surveyMake(options);
    });
  survey
    .command('tally')
    .description(sv.tally.description)
    .helpOption('-h, --help', c.help)
    .argument('<files...>', sv.tally.files)
    .option('-o, --output <file>', sv.tally.output)
    .option('--lang <code>', sv.tally.lang)
    .option('--questionnaire <file>', sv.tally.questionnaire)
    .option('--strict', sv.tally.strict)
    .option('--date <YYYY-MM-DD>', sv.tally.date)
    .option('--force', sv.tally.force)
    .option('-q, --quiet', sv.tally.quiet)
    .addHelpText('after', helpText(m, sv.tally.examples))
    .action(async (files: string[], options) => {
      const { surveyTally } = await import('./commands/survey.js');
      process.exitCode = await surveyTally(files, options);
    });

  return program;
}

function handleError(error: unknown): number {
  const m = uiMessages();
  if (error instanceof CommanderError) {
    // Help and the version: commander has printed them.
    return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : ExitCode.invalid;
  }
  if (error instanceof CsqError) {
    writeStderr(`${formatProblems(error.problems, m)}\n`);
    return error.exitCode;
  }
  if (error instanceof Error && error.name === 'ExitPromptError') return ExitCode.interrupted;
  // Anything that needs the current folder's path (a relative path resolved) fails once it is deleted.
  if ((error as NodeJS.ErrnoException | undefined)?.syscall === 'uv_cwd') {
    writeStderr(`${formatProblems([problem('cwd-gone')], m)}\n`);
    return ExitCode.invalid;
  }
  const detail = `${error instanceof Error ? error.message : String(error)}${process.env.CSQ_DEBUG && error instanceof Error ? `\n${error.stack}` : ''}`;
  writeStderr(`${fill(m.cli.internalError, { detail })}\n`);
  return ExitCode.internal;
}

/** `--lang X` or `--lang=X` anywhere on the command line: the language to speak to the user in. */
function langArgument(argv: readonly string[]): string | undefined {
  for (const [i, arg] of argv.entries()) {
    if (arg === '--lang') return argv[i + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  try {
    setUiLang(langArgument(argv.slice(2)));
    await buildProgram(uiMessages()).parseAsync(argv);
  } catch (error) {
    process.exitCode = handleError(error);
  }
}

void main();
