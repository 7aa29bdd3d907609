/**
 * A Stryker reporter (`npm run mutate`): at the end, the mutation score of each part of the
 * scope and the total, one line each, against the targets. Stryker's score: killed and
 * timed-out mutants over all that ran or had no test (compile errors and ignored ones left out).
 */
const PARTS = [
  ['src/core', 90],
  ['src/io', undefined],
  ['src/render', undefined],
  ['src/prompts', undefined],
];
const TOTAL_TARGET = 85;

class ScoreReporter {
  static inject = [];

  onMutationTestReportReady(report) {
    const tally = () => ({ detected: 0, undetected: 0 });
    const parts = new Map(PARTS.map(([name]) => [name, tally()]));
    const total = tally();
    for (const [file, { mutants }] of Object.entries(report.files)) {
      const part = parts.get(PARTS.find(([name]) => file.replaceAll('\\', '/').startsWith(`${name}/`))?.[0]);
      for (const { status } of mutants) {
        const key = status === 'Killed' || status === 'Timeout' ? 'detected' : status === 'Survived' || status === 'NoCoverage' ? 'undetected' : undefined;
        if (key === undefined) continue;
        total[key]++;
        if (part) part[key]++;
      }
    }
    const line = (name, { detected, undetected }, target) => {
      const all = detected + undetected;
      const score = all === 0 ? 'no mutants' : `${((100 * detected) / all).toFixed(2)}% (${detected} of ${all})`;
      return `mutation score ${name.padEnd(11)} ${score}${target === undefined ? '' : `, target ${target}%`}\n`;
    };
    let text = '';
    for (const [name, target] of PARTS) if (parts.get(name).detected + parts.get(name).undetected > 0) text += line(name, parts.get(name), target);
    process.stdout.write(`\n${text}${line('total', total, TOTAL_TARGET)}`);
  }
}

export const strykerPlugins = [{ kind: 'Reporter', name: 'score', injectableClass: ScoreReporter }];
