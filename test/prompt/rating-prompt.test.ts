import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { ratingPrompt } from '../../src/prompts/rating-prompt.js';

const labels = { 1: 'Never', 2: 'Almost never', 3: 'Sometimes', 4: 'Usually', 5: 'Always' };
const config = { message: 'We review customer complaints.', header: 'Section 3 of 7 · statement 9 of 25', min: 1, max: 5, labels };

describe('ratingPrompt', () => {
  it('shows the progress, the statement and every label, with nothing chosen yet', async () => {
    const { answer, getScreen, events } = await render(ratingPrompt, config);
    const screen = getScreen();
    expect(screen).toContain('Section 3 of 7 · statement 9 of 25');
    expect(screen).toContain('We review customer complaints.');
    expect(screen).not.toContain('❯');
    for (const label of Object.values(labels)) expect(screen).toContain(label);
    expect(screen).toContain('press 1–5, or ←/→ and Enter');
    events.type('2');
    await expect(answer).resolves.toBe(2);
  });

  it('never records a rating on a bare Enter: it asks for one', async () => {
    const { answer, getScreen, events } = await render(ratingPrompt, config);
    let settled = false;
    void answer.then(() => (settled = true));
    events.keypress('enter');
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    expect(getScreen()).toContain('Choose a rating first: press 1–5, or move with ←/→.');
    // The first arrow starts mid-scale; Enter then takes what is shown.
    events.keypress('right');
    expect(getScreen()).toContain('❯ 3 Sometimes');
    expect(getScreen()).not.toContain('Choose a rating first');
    events.keypress('enter');
    await expect(answer).resolves.toBe(3);
  });

  it('answers at once with a digit', async () => {
    const { answer, getScreen, events } = await render(ratingPrompt, config);
    events.type('4');
    await expect(answer).resolves.toBe(4);
    expect(getScreen()).toBe('✔ We review customer complaints. 4 Usually');
  });

  it('moves with the arrows, stops at the ends, and confirms with Enter', async () => {
    const { answer, getScreen, events } = await render(ratingPrompt, { ...config, default: 2 });
    expect(getScreen()).toContain('❯ 2 Almost never');
    events.keypress('left');
    events.keypress('left');
    expect(getScreen()).toContain('❯ 1 Never');
    events.keypress('right');
    events.keypress('right');
    events.keypress('right');
    expect(getScreen()).toContain('❯ 4 Usually');
    events.keypress('enter');
    await expect(answer).resolves.toBe(4);
  });

  it('says so when a key is not on the scale, and records nothing', async () => {
    const { answer, getScreen, events } = await render(ratingPrompt, config);
    events.type('7');
    expect(getScreen()).toContain('7 is not on the scale: press 1–5.');
    events.type('0');
    expect(getScreen()).toContain('0 is not on the scale: press 1–5.');
    events.type('x');
    expect(getScreen()).toContain('x is not on the scale: press 1–5.');
    expect(getScreen()).not.toContain('❯');
    events.type('5');
    await expect(answer).resolves.toBe(5);
  });

  it('works for another scale', async () => {
    const { answer, getScreen, events } = await render(ratingPrompt, { message: 'Q', min: 0, max: 10, labels: { 0: 'never', 10: 'always' } });
    events.keypress('left');
    expect(getScreen()).toContain('❯ 5 5');
    expect(getScreen()).toContain('press 0–9');
    events.type('0');
    await expect(answer).resolves.toBe(0);
  });
});
