/** `csq poster FILE -o poster.pdf|poster.html`: one page for the wall (vision, six skills, four steps). */
import { ExitCode, fail } from '../errors.js';
import { fill } from '../i18n/format.js';
import { STDIO, writeFileAtomic } from '../io/files.js';
import { stdoutIsTerminal, writeStderr, writeStdout } from '../io/stdio.js';
import { formatFromExtension, openPrinter, parsePaper, posterHtml, posterPdf } from '../pipeline/documents.js';
import { scoreFile, type InputOptions } from '../pipeline/inputs.js';

export interface PosterOptions extends InputOptions {
  output?: string;
  /** Absent: the output's extension (.pdf, .html), else html. */
  format?: string;
  paper?: string;
  force?: boolean;
  quiet?: boolean;
}

const POSTER_FORMATS = ['html', 'pdf'] as const;

export async function poster(file: string, options: PosterOptions): Promise<number> {
  const output = options.output ?? STDIO;
  const format = options.format ?? formatFromExtension(options.output, POSTER_FORMATS) ?? (output === STDIO ? 'html' : undefined);
  if (format === undefined) fail('poster-format-unknown', { file: output });
  if (!(POSTER_FORMATS as readonly string[]).includes(format)) fail('format-poster', { format });
  const paper = parsePaper(options.paper) ?? 'a4';
  if (format === 'pdf' && output === STDIO && stdoutIsTerminal()) fail('pdf-to-terminal');
  const printer = format === 'pdf' ? await openPrinter() : undefined;
  try {
    const scored = scoreFile(file, options);
    const content = printer ? await posterPdf(printer, scored, paper, output) : await posterHtml(scored, options.paper === undefined ? undefined : paper);
    if (output === STDIO) writeStdout(content);
    else writeFileAtomic(output, content, { force: options.force === true });
    if (output !== STDIO && !options.quiet) writeStderr(`${fill(scored.context.messages.output.wrote, { file: output })}\n`);
    return ExitCode.ok;
  } finally {
    await printer?.close();
  }
}
