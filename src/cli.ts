/**
 * The CLI edge: declares the commands, loads a command's module only when it runs,
 * and is the one place that turns errors into messages and exit codes.
 */
import { Argument, Command, CommanderError, Option } from 'commander';
import { CsqError, ExitCode } from './errors.js';
import type { SchemaKind } from './core/json-schema.js';
import { stdoutMayBeTerminal, writeStderr, writeStdout } from './io/stdio.js';

declare const __CSQ_VERSION__: string;
const VERSION = typeof __CSQ_VERSION__ === 'string' ? __CSQ_VERSION__ : '0.0.0-dev';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

export function buildProgram(): Command {
  const program = new Command('csq')
    .description(
      'Turn a customer service self-assessment (the customer service quotient, CSQ) into a written customer service plan.\nRun `csq` alone to be walked through the assessment.',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: writeStdout,
      writeErr: writeStderr,
      // Looked up only on what may be a terminal: process.stdout would set up a stream just to ask.
      getOutHelpWidth: () => (stdoutMayBeTerminal() ? process.stdout.columns : undefined) ?? 80,
      getOutHasColors: () => stdoutMayBeTerminal() && process.stdout.hasColors?.() === true,
    })
    .exitOverride()
    .addHelpText(
      'after',
      `${examples(
        'csq                                   # the interactive assessment',
        'csq report --example                  # see a finished plan for an example business',
        'csq report answers.yaml -o plan.md    # a plan from an answers file',
        'csq init answers.yaml                 # a commented answers template to fill in',
      )}\nExit codes: 0 ok · 1 a quality gate failed · 2 usage error or invalid input · 3 internal error · 130 interrupted\n`,
    );

  program
    .command('assess', { isDefault: true })
    .description('Walk through the assessment in the terminal and write your answers and plan (the default command).')
    .option('--answers <file>', 'continue (or prefill from) this answers file; only what is missing is asked')
    .option('--out <dir>', 'folder for the answers and the plan (default: the current folder)')
    .option('--lang <code>', 'language of the questions and the plan (en, pt)')
    .option('--questionnaire <file>', 'use your own questionnaire instead of the bundled one')
    .option('--force', 'replace an existing plan without asking')
    .addHelpText(
      'after',
      examples(
        'csq                                   # start, or continue an unfinished assessment in this folder',
        'csq assess --out ~/plans',
        'csq assess --answers acme-answers.yaml   # continue, or complete a consultant\'s partial file',
      ) + '\nAnswers are saved after every question. Ctrl-C saves and exits; run csq again to continue.\n',
    )
    .action(async (options) => {
      const { assess } = await import('./commands/assess.js');
      process.exitCode = await assess(options);
    });

  program
    .command('report')
    .description('Write the customer service plan (or the scored Result) from answers files. Never prompts.')
    .argument('[files...]', 'answers files (YAML); - reads stdin; a saved Result (JSON) renders again')
    .option('-o, --output <file>', 'write the plan to FILE; - for stdout (default: stdout)')
    .option('--out-dir <dir>', 'write one output per input into DIR, named after the input')
    .addOption(new Option('-f, --format <format>', 'markdown plan or the JSON Result').choices(['markdown', 'json']).default('markdown'))
    .option('--example', 'render the plan of a bundled example business')
    .option('--template <file>', 'render with your own Handlebars template')
    .option('--questionnaire <file>', 'use your own questionnaire instead of the bundled one')
    .option('--lang <code>', 'language of the plan (en, pt); default: the answers file, then the locale')
    .option('--min-score <percent>', 'quality gate: exit 1 if the overall CSQ is below PERCENT')
    .option('--min-section <id=percent>', 'quality gate for one section, e.g. errors=60 (repeatable)', collect)
    .option('--force', 'replace existing output files')
    .option('-q, --quiet', 'no summary on stderr')
    .addHelpText(
      'after',
      examples(
        'csq report answers.yaml -o plan.md',
        'csq report answers.yaml -o - | less',
        'csq report answers.yaml --format json > result.json',
        'cat answers.yaml | csq report - -o plan.md',
        'csq report clients/*.yaml --out-dir reports/',
        'csq report answers.yaml -o plan.md --min-score 70 --min-section errors=60',
        'csq report --example',
      ),
    )
    .action(async (files: string[], options) => {
      const { report } = await import('./commands/report.js');
      process.exitCode = await report(files, options);
    });

  program
    .command('validate')
    .description('Check answers files, questionnaires and saved Results; every problem with file:line:column.')
    .argument('<files...>', 'files to check (the kind is detected)')
    .option('--questionnaire <file>', 'check answers against your own questionnaire')
    .option('--lang <code>', 'the bundled questionnaire language to check answers against')
    .addHelpText('after', examples('csq validate answers.yaml', 'csq validate clients/*.yaml', 'csq validate my-questionnaire.pl.yaml'))
    .action(async (files: string[], options) => {
      const { validate } = await import('./commands/validate.js');
      process.exitCode = await validate(files, options);
    });

  program
    .command('init')
    .description('Write a commented answers template with every id and statement, ready to fill in.')
    .argument('[file]', 'where to write it (default: stdout)')
    .option('--no-staff', 'for a business without employees: no staff section, no staff education')
    .option('--lang <code>', 'language of the statement comments')
    .option('--questionnaire <file>', 'a template for your own questionnaire')
    .option('--schema <url>', 'JSON Schema for editors (yaml-language-server)', './csq-answers.schema.json')
    .option('--force', 'replace an existing file')
    .addHelpText(
      'after',
      examples('csq init answers.yaml', 'csq schema answers > csq-answers.schema.json   # editors then validate and complete the file', 'csq init --no-staff solo.yaml'),
    )
    .action(async (file: string | undefined, options) => {
      const { init } = await import('./commands/init.js');
      process.exitCode = await init(file, options);
    });

  program
    .command('schema')
    .description('Print the JSON Schema of a file format (for editors and other tools).')
    .addArgument(new Argument('<kind>', 'which format').choices(['questionnaire', 'answers', 'result']))
    .option('--lang <code>', 'answers: the questionnaire language whose ids to list')
    .option('--questionnaire <file>', 'answers: the schema for your own questionnaire')
    .addHelpText('after', examples('csq schema answers > csq-answers.schema.json', 'csq schema result'))
    .action(async (kind: string, options) => {
      const { schema } = await import('./commands/schema.js');
      process.exitCode = await schema(kind as SchemaKind, options);
    });

  program
    .command('compare')
    .description('Show how each area changed between two assessments (answers files or saved Results).')
    .argument('<before>', 'the earlier answers or Result')
    .argument('<after>', 'the later answers or Result')
    .addOption(new Option('-f, --format <format>', 'output').choices(['text', 'markdown', 'json']).default('text'))
    .option('--fail-on-drop <points>', 'exit 1 if any area or the overall CSQ dropped by more than POINTS')
    .option('--lang <code>', 'language of the area titles')
    .option('--questionnaire <file>', 'your own questionnaire')
    .addHelpText('after', examples('csq compare 2025.yaml 2026.yaml', 'csq compare baseline.json answers.yaml --fail-on-drop 5', 'csq compare a.yaml b.yaml --format markdown >> report.md'))
    .action(async (before: string, after: string, options) => {
      const { compare } = await import('./commands/compare.js');
      process.exitCode = await compare(before, after, options);
    });

  program
    .command('team')
    .description('Combine several respondents of one organization into one Result and one plan.')
    .argument('<files...>', 'one answers file per respondent')
    .option('-o, --output <file>', 'write the plan to FILE; - for stdout (default: stdout)')
    .addOption(new Option('-f, --format <format>', 'markdown plan or the JSON Result').choices(['markdown', 'json']).default('markdown'))
    .option('--lang <code>', 'language of the plan')
    .option('--questionnaire <file>', 'your own questionnaire')
    .option('--template <file>', 'render with your own Handlebars template')
    .option('--vision-from <file>', "use this respondent's vision, communication and education (default: the first file's)")
    .option('--force', 'replace an existing output file')
    .option('-q, --quiet', 'no summary on stderr')
    .addHelpText(
      'after',
      examples('csq team owner.yaml manager.yaml staff-*.yaml -o team-plan.md', 'csq team team/*.yaml --format json', 'csq team owner.yaml manager.yaml --vision-from manager.yaml') +
        "\nScores are combined; policies and customer requirements are every respondent's, merged; the vision, communication and\neducation are one respondent's: the first file's, or --vision-from FILE's.\n",
    )
    .action(async (files: string[], options) => {
      const { team } = await import('./commands/team.js');
      process.exitCode = await team(files, options);
    });

  return program;
}

function handleError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed help, the version, or its own error message.
    return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : ExitCode.invalid;
  }
  if (error instanceof CsqError) {
    writeStderr(`${error.problems.length ? '' : 'csq: '}${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof Error && error.name === 'ExitPromptError') return ExitCode.interrupted;
  // Anything that needs the current folder's path (a relative path resolved) fails once it is deleted.
  if ((error as NodeJS.ErrnoException | undefined)?.syscall === 'uv_cwd') {
    writeStderr('csq: the current folder no longer exists; cd to an existing folder and run csq again\n');
    return ExitCode.invalid;
  }
  const detail = process.env.CSQ_DEBUG && error instanceof Error ? `\n${error.stack}` : '';
  writeStderr(`csq: internal error: ${error instanceof Error ? error.message : String(error)}${detail}\nThis is a bug in csq; run again with CSQ_DEBUG=1 for details.\n`);
  return ExitCode.internal;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.exitCode = handleError(error);
  }
}

void main();
