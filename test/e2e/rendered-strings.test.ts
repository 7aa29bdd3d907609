/**
 * Every user string is escaped where it is rendered, whatever checked it before: the plan's
 * date and kickoff, and each string in `csq compare`'s text and Markdown outputs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/core/answers.js';
import { buildPlan } from '../../src/core/plan.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { en } from '../../src/i18n/en.js';
import { pt } from '../../src/i18n/pt.js';
import { compileTemplate } from '../../src/render/markdown.js';
import { csq, fixture, readFixture, tempDir } from '../helpers.js';

const md = new MarkdownIt({ html: true });

describe('the bundled template', () => {
  // A Result's date and kickoff are ISO dates once read (result-check.ts); the templates escape them all the same.
  const hostile = { date: '<img src=x onerror=alert(1)>\n# Heading', kickoff: '# Kickoff | <script>alert(1)</script>' };
  for (const [lang, messages] of [['en', en], ['pt', pt]] as const) {
    it(`escape the date and the kickoff (${lang})`, () => {
      const q = loadQuestionnaire(readFileSync(`questionnaires/csq.${lang}.yaml`, 'utf8'), 'q.yaml');
      const template = compileTemplate(readFileSync('templates/plan.md.hbs', 'utf8'), 'plan.md.hbs');
      const result = scoreAnswers(q, loadAnswers(readFixture('full.yaml'), 'a.yaml', q));
      for (const respondent of [result.respondent, null]) {
        const tampered = { ...result, respondent, date: hostile.date, education: { ...result.education!, kickoff: hostile.kickoff } };
        const html = md.render(template({ ...buildPlan(tampered, q, messages), result: tampered }));
        expect(html).not.toMatch(/<img|<script|<h1>Heading|<h1>Kickoff/);
        expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
        expect(html).toContain('# Kickoff | &lt;script&gt;');
      }
    });
  }
});

describe('csq compare', () => {
  const spoof = 'Acme\nOverall CSQ                                   100% →   100%    ±0\nLeadership and commitment                      100% →   100%    ±0';

  it('keeps an organization with line breaks on its one header line', () => {
    const dir = tempDir();
    const answers = path.join(dir, 'spoof.yaml');
    writeFileSync(answers, readFixture('full.yaml').replace('organization: Acme Cleaning', `organization: ${JSON.stringify(spoof)}`));
    const saved = path.join(dir, 'spoof.json');
    writeFileSync(saved, csq(['report', answers, '--format', 'json']).stdout);
    for (const before of [answers, saved]) {
      const run = csq(['compare', before, fixture('full.yaml')]);
      expect(run.code).toBe(0);
      const lines = run.stdout.trimEnd().split('\n');
      // The header, the overall row and one row per section: nothing the organization drew.
      expect(lines).toHaveLength(1 + 1 + 7);
      expect(lines[0]).toBe('Acme Overall CSQ 100% → 100% ±0 Leadership and commitment 100% → 100% ±0 2026-11-23 → 2026-11-23');
      expect(lines.filter((line) => line.startsWith('Leadership and commitment'))).toHaveLength(1);
    }
  });

  it('keeps a questionnaire title with line breaks and pipes in its own row and cell', () => {
    const dir = tempDir();
    const q = path.join(dir, 'q.yaml');
    const title = 'Leadership | 0% | 100% | +100 |\\nFake row';
    writeFileSync(q, readFileSync('questionnaires/csq.en.yaml', 'utf8').replace('title: Leadership and commitment', `title: "${title}"`));
    const text = csq(['compare', fixture('full.yaml'), fixture('full.yaml'), '--questionnaire', q]);
    expect(text.code).toBe(0);
    expect(text.stdout.trimEnd().split('\n')).toHaveLength(9);
    expect(text.stdout).toMatch(/^Leadership \| 0% \| 100% \| \+100 \| Fake row\s+80% →\s+80%\s+±0$/m);
    const markdown = csq(['compare', fixture('full.yaml'), fixture('full.yaml'), '--questionnaire', q, '--format', 'markdown']);
    expect(markdown.code).toBe(0);
    const rows = markdown.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(2 + 1 + 7);
    expect(rows[3]).toBe('| Leadership \\| 0% \\| 100% \\| +100 \\|<br>Fake row | 80% | 80% | ±0 |');
    // Rendered, the table keeps its four columns in every row.
    const cells = [...md.render(markdown.stdout).matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) => [...row!.matchAll(/<t[hd][^>]*>/g)].length);
    expect(cells).toEqual(Array(9).fill(4));
  });
});
