/**
 * The CLI edge: declares the commands, loads a command's module only when it runs,
 * and is the one place that turns errors into messages and exit codes.
 */
import { Command, CommanderError, Option } from 'commander';
import { CsqError, ExitCode } from './errors.js';

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

  return program;
}

function handleError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed help, the version, or its own error message.
    return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : ExitCode.invalid;
  }
  if (error instanceof CsqError) {
    process.stderr.write(`${error.problems.length ? '' : 'csq: '}${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof Error && error.name === 'ExitPromptError') return ExitCode.interrupted;
  const detail = process.env.CSQ_DEBUG && error instanceof Error ? `\n${error.stack}` : '';
  process.stderr.write(`csq: internal error: ${error instanceof Error ? error.message : String(error)}${detail}\nThis is a bug in csq; run again with CSQ_DEBUG=1 for details.\n`);
  return ExitCode.internal;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  // A reader that goes away (`csq report … -o - | head -1`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.exitCode = handleError(error);
  }
}

await main();
