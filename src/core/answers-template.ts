/** The commented answers template `csq init` writes: every id, the statement text and the scale. Pure. */
import { COMMUNICATION_SKILLS } from './answers.js';
import { isApplicable, type Questionnaire } from './questionnaire.js';

export interface TemplateOptions {
  /** The profile answers to write (and so which sections appear). */
  profile: Record<string, boolean>;
  /** Where editors find the JSON Schema (yaml-language-server). */
  schemaUrl: string;
}


export function answersTemplate(q: Questionnaire, options: TemplateOptions): string {
  const scale = Object.entries(q.scale.labels)
    .map(([value, label]) => `${value} ${label}`)
    .join(' · ');
  const lines = [
    `# yaml-language-server: $schema=${options.schemaUrl}`,
    `# Answers for the ${q.title} (${q.id}). Rate every statement from ${q.scale.min} to ${q.scale.max}:`,
    `#   ${scale}`,
    '# Then: csq report THIS-FILE -o plan.md    (csq validate THIS-FILE checks it)',
    `questionnaire: ${q.id}`,
    'organization: ""',
    'respondent: ""',
    '# date: 2026-11-23          # printed in the plan; leave it out for reproducible output',
  ];
  if (q.profile.length > 0) {
    lines.push('profile:');
    for (const p of q.profile) lines.push(`  ${p.id}: ${options.profile[p.id] ?? p.default}    # ${p.question}`);
  }
  lines.push('ratings:');
  for (const section of q.sections) {
    if (!isApplicable(section, options.profile)) continue;
    lines.push(`  # ${section.title}`, `  ${section.id}:`);
    const width = Math.max(...section.statements.map((st) => st.id.length));
    for (const st of section.statements) lines.push(`    ${`${st.id}:`.padEnd(width + 1)}     # ${st.text}`);
  }
  lines.push(
    `# improve: [${q.sections.slice(0, 2).map((s) => s.id).join(', ')}]   # optional: 1–3 areas to work on; default: the three lowest`,
    'requirements:',
    '  internal: []      # what your own data shows (returns, stock-outs, response times, rework)',
    ...(options.profile.staff === false ? [] : ['  employees: []     # what your employees hear from customers']),
    '  topRequests: []   # your customers\' top three requests',
    'vision: ""          # short: a few words everyone remembers',
    'policies: []        # e.g. - { name: "We don\'t do windows", friendly: false, necessary: false }',
    'communication:      # what you will do for each skill',
    ...COMMUNICATION_SKILLS.map((k) => `  ${k}: ""`),
  );
  if (options.profile.staff !== false && q.profile.some((p) => p.id === 'staff')) {
    lines.push('education:', '  kickoff: ""        # date of the kickoff meeting, e.g. 2026-12-01', '  owner: ""', '  training: ""');
  }
  return `${lines.join('\n')}\n`;
}

