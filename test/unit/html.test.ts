/**
 * The HTML documents, in process: what the shell puts around the plan, how it splits the plan
 * into the page to pin up, the posts and the method, and the hostile-text corpus through it.
 */
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/core/plan.js';
import { combineResults } from '../../src/core/team.js';
import { planHtml, posterHtml } from '../../src/pipeline/documents.js';
import { scoreFile } from '../../src/pipeline/inputs.js';
import { cssString, fitEstimate, isRtl, pageCounter, PIN_SIZES, printableBox } from '../../src/render/html.js';
import { fixture } from '../helpers.js';
import { markup } from '../html-markup.js';

/** What csq's own markup uses; anything else came from somewhere it must not. */
const TAGS = ['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'section', 'h1', 'h2', 'h3', 'p', 'br', 'blockquote', 'strong', 'em', 'code', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'figure', 'figcaption', 'svg', 'desc', 'g', 'rect', 'path', 'circle', 'text', 'span', '!doctype'];
const ATTRIBUTES = ['lang', 'dir', 'charset', 'http-equiv', 'content', 'name', 'class', 'style', 'id', 'xmlns', 'viewbox', 'role', 'aria-labelledby', 'x', 'y', 'width', 'height', 'd', 'cx', 'cy', 'r', 'text-anchor', 'dominant-baseline', 'direction', 'html'];

const hostile = () => scoreFile(fixture('hostile', 'text.yaml'), {});

describe('the plan as HTML', () => {
  it('splits the plan into the page to pin up, the posts and the method, each a section', async () => {
    const html = await planHtml(scoreFile(fixture('full.yaml'), {}));
    const sections = [...html.matchAll(/<section class="(\w+)"/g)].map((m) => m[1]);
    expect(sections).toEqual(['pinup', 'post', 'method']);
    const pin = html.slice(html.indexOf('<section class="pinup"'), html.indexOf('<section class="post"'));
    expect(pin).toContain('<h1>Customer service plan: Acme Cleaning</h1>');
    expect(pin).toContain('<h2>What we will do</h2>');
    expect(pin).toContain('Set a date for the next assessment');
    expect(pin).not.toContain('Post this');
    const post = html.slice(html.indexOf('<section class="post"'), html.indexOf('<section class="method"'));
    expect(post).toContain('<h2>Post this: how we treat every customer</h2>');
    expect(post).toContain('<h2>Post this: four steps when a customer has a problem</h2>');
    expect(post).not.toContain('A. Your customer service quotient');
    // The chart sits under section A's heading, before its table.
    const method = html.slice(html.indexOf('<section class="method"'));
    expect(method.indexOf('<h2>A. Your customer service quotient</h2>')).toBeLessThan(method.indexOf('<svg'));
    expect(method.indexOf('<svg')).toBeLessThan(method.indexOf('<table class="scores"'));
    expect(html).toContain('<table class="actions">');
    expect(html).toContain('<table class="skills">');
  });

  it('sets the language, the direction, the running header and footer, and no script or fetch', async () => {
    const en = await planHtml(scoreFile(fixture('full.yaml'), {}), 'letter');
    expect(en).toMatch(/^<!doctype html>\n<html lang="en" dir="ltr">/);
    expect(en).toContain(`@top-left { content: ${cssString('Acme Cleaning')};`);
    expect(en).toContain(`@top-right { content: ${cssString('November 23, 2026')};`);
    expect(en).toContain(`@bottom-center { content: "Page " counter(page) " of " counter(pages);`);
    expect(en).toContain('@page { size: letter;');
    expect(en).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(en).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|url\(/i);
    const he = await planHtml(scoreFile(fixture('full.yaml'), { lang: 'he' }));
    expect(he).toMatch(/^<!doctype html>\n<html lang="he" dir="rtl">/);
    // The header's organization stands where a line starts: on the right in Hebrew.
    expect(he).toContain(`@top-right { content: ${cssString('Acme Cleaning')};`);
    expect(he).toContain('@page { margin:');
    const pt = await planHtml(scoreFile(fixture('full.yaml'), { lang: 'pt' }));
    expect(pt).toContain('<html lang="pt" dir="ltr">');
    expect(pt).toContain('"P\\e1 gina " counter(page) " de " counter(pages)');
  });

  it('keeps every string of the hostile-text corpus text: no element, attribute, script or fetch from it', async () => {
    const scored = hostile();
    for (const html of [await planHtml(scored), await posterHtml(scored)]) {
      const { tags, attributes, values } = markup(html);
      expect([...tags].filter((t) => !TAGS.includes(t))).toEqual([]);
      expect([...attributes].filter((a) => !ATTRIBUTES.includes(a))).toEqual([]);
      // No attribute value is a link, and only csq's own values are in attributes.
      expect(values.filter((v) => /javascript:|\/\/|alert|evil/i.test(v) && v !== 'http://www.w3.org/2000/svg')).toEqual([]);
      expect(html).not.toMatch(/<script|<img|<svg onload|<iframe|<a |<style>body/i);
      // The payloads are there, as text.
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    }
    // In the header, the organization is a CSS string: no quote, brace or `</style>` of it is CSS or HTML.
    const html = await planHtml(scored);
    const style = html.slice(html.indexOf('<style>') + '<style>'.length, html.indexOf('</style>'));
    expect(style).not.toMatch(/<|alert\(0\)/);
    expect(style).toContain(cssString('Evil & Co <script>alert(0)</script> "quoted" \'single\''));
  });

  it('places the trend after the history’s table and the gap after the customers’, hostile text and all', async () => {
    const scored = hostile();
    const areas = scored.result.sections.map((s) => ({ id: s.id, answers: 12, score: 50, spread: null, importance: { answers: 0, mean: null, weight: null }, competitor: { answers: 0, score: null } }));
    const customers = { schemaVersion: 1 as const, questionnaire: scored.result.questionnaire.id, responses: 12, anecdotal: false, areas, nps: { answers: 0, score: null, margin: null }, requests: [{ text: '<script>alert(9)</script>', count: 3 }] };
    const result = { ...scored.result, customers };
    const html = await planHtml({ ...scored, result, history: [{ ...scored.result, date: '2025-01-01' }] });
    const at = (id: string) => html.indexOf(`aria-labelledby="${id}-title`);
    // The owner's chart under A, the trend after A's "Over time" table, the gap after B's customers' table.
    expect(at('chart-areas')).toBeGreaterThan(0);
    expect(at('chart-trend')).toBeGreaterThan(html.indexOf('Change since the first (points)</th>'));
    expect(at('chart-trend')).toBeLessThan(html.indexOf('<h2>B.'));
    expect(at('chart-gap')).toBeGreaterThan(html.indexOf('Gap (points)</th>'));
    expect(html.indexOf('Gap (points)</th>')).toBeGreaterThan(html.indexOf('<h2>B.'));
    const { tags, attributes } = markup(html);
    expect([...tags].filter((t) => !TAGS.includes(t))).toEqual([]);
    expect([...attributes].filter((a) => !ATTRIBUTES.includes(a))).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(9)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    // Without them, neither chart.
    const plain = await planHtml(scored);
    expect(plain).not.toMatch(/chart-trend|chart-gap/);
  });

  it('adds the spread per area to a team’s chart', async () => {
    const files = ['owner.yaml', 'manager.yaml', 'clerk.yaml'].map((f) => scoreFile(fixture('team', f), {}));
    const result = combineResults(files.map((f) => f.result), { lead: 0 });
    const html = await planHtml({ result, context: files[0]!.context });
    expect(html.match(/<path class="spread"/g)?.length).toBe(result.team!.sections.length + 1); // and the legend's
    expect(html).toContain('Lowest to highest respondent');
    expect(html).toContain('the line across it runs from the lowest respondent to the highest');
  });
});

describe('the poster', () => {
  it('holds the vision, the six skills with what we will do (a line to fill where nothing is said), and the four steps', async () => {
    const scored = scoreFile(fixture('full.yaml'), {});
    const html = await posterHtml(scored);
    const plan = buildPlan(scored.result, scored.context.questionnaire, scored.context.messages);
    expect(html).toContain('<h1>Acme Cleaning</h1>');
    expect(html).toContain('<p class="vision">Spotless, on time, every time.</p>');
    for (const skill of plan.communication) expect(html).toContain(`<strong>${skill.name}</strong>`);
    expect(html).toContain('Answer the phone by the third ring, with your name.');
    // greet, ask and invite are answered; value, listen and help get two lines each to fill by hand.
    expect(html.match(/<span class="blank"><\/span>/g)).toHaveLength(6);
    for (const step of plan.problemSteps) expect(html).toContain(`<strong>${step.name}</strong>`);
    expect(html.match(/<li>/g)).toHaveLength(4);
  });
});

describe('the shell’s pieces', () => {
  it('writes a CSS string whose every character is inert', () => {
    expect(cssString('Acme 2')).toBe('"Acme 2"');
    expect(cssString('a"b\\c</style>')).toBe('"a\\22 b\\5c c\\3c \\2f style\\3e "');
    expect(cssString('ação 😀')).toBe('"a\\e7 \\e3 o \\1f600 "');
  });
  it('turns "page of pages" into CSS counters, in the language’s order', () => {
    expect(pageCounter('Page {page} of {pages}')).toBe('"Page " counter(page) " of " counter(pages)');
    expect(pageCounter('{page} psl. iš {pages}')).toBe('counter(page) " psl\\2e  i\\161  " counter(pages)');
  });
  it('knows the right-to-left languages', () => {
    expect(['he', 'he-IL', 'ar'].map(isRtl)).toEqual([true, true, true]);
    expect(['en', 'pt', 'uk'].map(isRtl)).toEqual([false, false, false]);
  });
  it('estimates smaller type for a fuller page', () => {
    const box = printableBox();
    expect(box).toEqual({ width: 210 - 28, height: 279.4 - 32 });
    const short = fitEstimate('# Title\n\nA line.\n', PIN_SIZES, box);
    const long = fitEstimate(`# Title\n\n${'| an action that takes a few words | area | owner | date | measure |\n'.repeat(40)}`, PIN_SIZES, box);
    expect(short).toBe(PIN_SIZES[0]);
    expect(long).toBeLessThan(short);
    expect(fitEstimate('x\n'.repeat(10_000), PIN_SIZES, box)).toBe(PIN_SIZES.at(-1));
  });
});
