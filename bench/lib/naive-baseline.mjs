/**
 * The batch row's naive baseline: the script a consultant could write instead of
 * `csq report FILES --out-dir DIR`. It parses each file with yaml.parse, scores it and builds
 * the plan model with csq's own code, renders the same Handlebars template and writes the plan
 * with writeFileSync. It has none of csq's checks (no validation, no located errors, no
 * refusals), no atomic or durable writes, and stops at the first bad file. The bench bundles
 * it with esbuild (it imports csq's TypeScript). Usage: node naive.cjs --out-dir DIR FILE…
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { buildPlan } from '../../src/core/plan.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { messagesFor } from '../../src/i18n/index.js';
import { compileTemplate } from '../../src/render/markdown.js';

const root = process.env.CSQ_ROOT;
const args = process.argv.slice(2);
const outDir = args[args.indexOf('--out-dir') + 1];
const files = args.filter((_, i) => i !== args.indexOf('--out-dir') && i !== args.indexOf('--out-dir') + 1);
const questionnaire = loadQuestionnaire(readFileSync(path.join(root, 'questionnaires/csq.en.yaml'), 'utf8'), 'csq.en.yaml');
const messages = messagesFor('en');
const template = compileTemplate(readFileSync(path.join(root, 'templates/plan.md.hbs'), 'utf8'), 'plan.md.hbs');
mkdirSync(outDir, { recursive: true });
for (const file of files) {
  const answers = parse(readFileSync(file, 'utf8'));
  const result = scoreAnswers(questionnaire, answers, 'en');
  writeFileSync(path.join(outDir, `${path.parse(file).name}.md`), template({ ...buildPlan(result, questionnaire, messages), result }));
}
