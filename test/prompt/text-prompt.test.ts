import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { textPrompt } from '../../src/prompts/text-prompt.js';

const help = 'Enter keeps it · Tab edits it · Backspace clears it';

describe('textPrompt with a current answer', () => {
  it('keeps it on Enter, and says how to edit or clear it', async () => {
    const { answer, getScreen, events } = await render(textPrompt, { message: 'Who will do it?', default: 'Jane', defaultHelp: help });
    expect(getScreen()).toContain('Who will do it? (Jane)');
    expect(getScreen()).toContain(help);
    events.keypress('enter');
    await expect(answer).resolves.toBe('Jane');
  });

  it('clears it with Backspace on the empty line, so the answer can be left empty', async () => {
    const { answer, getScreen, events } = await render(textPrompt, { message: 'Who will do it?', default: 'Jane', defaultHelp: help });
    events.keypress('backspace');
    expect(getScreen()).not.toContain('Jane');
    expect(getScreen()).not.toContain(help);
    events.keypress('enter');
    await expect(answer).resolves.toBe('');
  });

  it('puts it on the line with Tab, to edit', async () => {
    const { answer, events } = await render(textPrompt, { message: 'Who will do it?', default: 'Jane', defaultHelp: help });
    events.keypress('tab');
    events.type(' Doe');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Jane Doe');
  });

  it('replaces it with what is typed', async () => {
    const { answer, events } = await render(textPrompt, { message: 'Who will do it?', default: 'Jane' });
    events.type('Sam');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Sam');
  });
});
